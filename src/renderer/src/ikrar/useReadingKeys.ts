import { useEffect, useEffectEvent } from 'react'
import type { ReadingMove } from '../../../shared/ikrar'

export type ReadingAction = ReadingMove | 'exit'

/** What presentation clickers, keyboards and remote controls send. */
const KEYS: Record<string, ReadingAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  PageDown: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
}

/**
 * Keys that would otherwise reach the app under the reading view: Tab could move focus to
 * a hidden menu button and Enter press it, leaving the reading by accident.
 */
const SWALLOWED = new Set(['Tab', 'Enter'])

/**
 * Drives the reading from the keyboard, whichever element has focus (capture phase). The keys
 * it handles have their default prevented, so no button or scroll acts on them too; they are
 * not stopped. It listens on the document, so the barcode scanner's listener on the window
 * (check-in stays live under the reading) always hears a key first and can claim it.
 */
export function useReadingKeys(act: (action: ReadingAction) => void): void {
  // The latest `act` answers each key; the listener itself is added once.
  const onAction = useEffectEvent(act)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Claimed already, e.g. by the barcode scanner's listener: a NIP with spaces in it must
      // not turn the page while a late arrival checks in.
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      const action = KEYS[e.key]
      if (!action && !SWALLOWED.has(e.key)) return
      e.preventDefault()
      if (action && !e.repeat) onAction(action)
    }
    document.addEventListener('keydown', onKey, { capture: true })
    return () => document.removeEventListener('keydown', onKey, { capture: true })
  }, [])
}
