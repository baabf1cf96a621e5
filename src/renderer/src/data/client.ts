import type { QueryClient } from '@tanstack/react-query'
import { EVENT_NAMES } from '../../../shared/contract/events'
import { subscribe, withoutPinPrompt } from '../api'
import { applyEvent } from './event-keys'

/** Applies each of main's events to the cache as it arrives; returns the unsubscribe. */
export function followEvents(client: QueryClient): () => void {
  const stops = EVENT_NAMES.map((name) =>
    subscribe(name, (payload) => void applyEvent(client, name, payload, withoutPinPrompt)),
  )
  return () => stops.forEach((stop) => stop())
}
