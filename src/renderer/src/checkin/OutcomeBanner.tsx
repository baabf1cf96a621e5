import type { TimeZoneId } from '../../../shared/time'
import { describeOutcome, type ShownOutcome } from './outcome'

/** The big panel an arriving ASN reads from two metres; "ready" when nothing is being shown. */
export function OutcomeBanner({
  outcome,
  zone,
  ceremony,
}: {
  outcome: ShownOutcome | null
  zone: TimeZoneId
  ceremony: string
}) {
  if (!outcome) {
    return (
      <div className="outcome outcome-ready" data-testid="outcome" data-kind="ready" role="status">
        <div className="outcome-title">SIAP MEMINDAI</div>
        <div className="outcome-detail">Tunjukkan QR NIP ke kamera · {ceremony}</div>
      </div>
    )
  }
  const view = describeOutcome(outcome, zone)
  return (
    <div
      className={`outcome outcome-${view.tone}`}
      data-testid="outcome"
      data-kind={outcome.kind}
      role="status"
    >
      <div className="outcome-title">{view.title}</div>
      {view.name && <div className="outcome-name">{view.name}</div>}
      <div className="outcome-detail">{view.detail}</div>
    </div>
  )
}
