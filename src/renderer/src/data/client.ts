import { QueryClient } from '@tanstack/react-query'
import { EVENT_NAMES } from '../../../shared/contract/events'
import { subscribe, withoutPinPrompt } from '../api'
import { applyEvent } from './event-keys'

export function createKioskClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (locked, bad input, storage) is the officer's to read, not to retry.
        retry: false,
        // Main pushes every change: focus or a reconnect tells this window nothing new.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  })
}

/** Applies each of main's events to the cache as it arrives; returns the unsubscribe. */
export function followEvents(client: QueryClient): () => void {
  const stops = EVENT_NAMES.map((name) =>
    subscribe(name, (payload) => void applyEvent(client, name, payload, withoutPinPrompt)),
  )
  return () => stops.forEach((stop) => stop())
}
