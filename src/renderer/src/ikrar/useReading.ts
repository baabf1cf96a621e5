import { useCallback, useEffect, useState } from 'react'
import type { IkrarReading, ReadingMode } from '../../../shared/ikrar'
import { api } from '../api'

/** Often enough that the projector follows a click at once, cheap for a local call. */
const POLL_MS = 150

/**
 * The reading as main holds it: polled, so a change made in the other window (kiosk or
 * projector) shows here too, and replaced at once by the answer to this window's own moves.
 */
export function useReading(initial: IkrarReading | null) {
  const [reading, setReading] = useState<IkrarReading | null>(initial)
  const [error, setError] = useState<string | null>(null)
  const apply = useCallback(
    (p: Promise<IkrarReading | null>, alive: () => boolean = () => true) => {
      p.then(
        (r) => {
          if (!alive()) return
          setReading(r)
          setError(null)
        },
        (e: Error) => alive() && setError(e.message),
      )
    },
    [],
  )
  useEffect(() => {
    let alive = true
    const timer = setInterval(() => apply(api('ikrar.reading'), () => alive), POLL_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [apply])
  const move = useCallback(
    (to: 'next' | 'prev' | 'first' | 'last') => apply(api('ikrar.move', { to })),
    [apply],
  )
  const setMode = useCallback((mode: ReadingMode) => apply(api('ikrar.setMode', { mode })), [apply])
  return { reading, error, move, setMode }
}
