import type { ClockStatus } from '../../../shared/domain'

/**
 * The laptop's clock looks wrong: the officer must know before times are recorded from it. A
 * polite live region, not an alert: it stays on screen beside the scan outcomes and the
 * camera's notices rather than competing with them.
 */
export function ClockWarning({ clock }: { clock: ClockStatus }) {
  if (!clock.warning) return null
  return (
    <p className="notice notice-error" aria-live="polite" data-testid="clock-warning">
      {clock.warning}
    </p>
  )
}
