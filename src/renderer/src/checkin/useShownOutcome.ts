import { useCallback, useEffect, useState } from 'react'
import { BANNER_MS, type OutcomeKind, type ShownOutcome } from './outcome'

/**
 * The outcome a banner shows, until it has been up for its time (`okKind`: the good news, the
 * shorter time) and the banner is ready again. Each timer clears only its own outcome: on a
 * busy laptop the last one's timer can run just after the next outcome came in, before the
 * screen has drawn it, and must not wipe the name of the person now in front of the officer.
 */
export function useShownOutcome(okKind: OutcomeKind) {
  const [shown, setShown] = useState<{ outcome: ShownOutcome } | null>(null)
  useEffect(() => {
    if (!shown) return
    const ms = shown.outcome.kind === okKind ? BANNER_MS.ok : BANNER_MS.other
    const timer = setTimeout(() => setShown((now) => (now === shown ? null : now)), ms)
    return () => clearTimeout(timer)
  }, [shown, okKind])
  const show = useCallback((outcome: ShownOutcome) => setShown({ outcome }), [])
  return { outcome: shown?.outcome ?? null, show }
}
