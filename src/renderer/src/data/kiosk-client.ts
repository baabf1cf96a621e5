import { QueryClient } from '@tanstack/query-core'

/** The cache of one window: answers from main, kept true by main's events (client.ts). */
export function createKioskClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (locked, bad input, storage) is the officer's to read, not to retry.
        retry: false,
        // Main pushes every change: focus or a reconnect tells this window nothing new.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Every call goes to main on this machine: a laptop losing its Wi-Fi (the browser's
        // "offline") must not pause the gate's reads, as TanStack's default "online" mode does.
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  })
}
