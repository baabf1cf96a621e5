import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { IkrarReading, ReadingMode, ReadingMove } from '../../../shared/ikrar'
import { api } from '../api'
import { useKiosk } from '../data/query'
import { keys } from '../data/keys'

/**
 * The reading as main holds it. Both windows follow it by main's `ikrar.reading` event (see
 * EVENT_EFFECTS), never by polling; this window's own moves show their answer at once.
 */
export function useReading() {
  const client = useQueryClient()
  const current = useKiosk('ikrar.reading')
  const [error, setError] = useState<string | null>(null)
  const apply = (p: Promise<IkrarReading | null>) =>
    void p.then(
      (r) => {
        client.setQueryData(keys.call('ikrar.reading'), r)
        setError(null)
      },
      (e: Error) => setError(e.message),
    )
  const move = (to: ReadingMove) => apply(api('ikrar.move', { to }))
  const setMode = (mode: ReadingMode) => apply(api('ikrar.setMode', { mode }))
  /** Ends the reading here; both windows close it when main says it ended. */
  const end = () => apply(api('ikrar.endReading').then(() => null))
  return {
    reading: current.data ?? null,
    error: error ?? current.error?.message ?? null,
    move,
    setMode,
    end,
  }
}
