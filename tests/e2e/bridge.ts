import type { BrowserContext, Page } from '@playwright/test'
import type { EventHub } from '../../src/main/events'
import type { Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { EVENT_NAMES } from '../../src/shared/contract'

interface BridgeWindow {
  __kioskDeliver?: (name: string, payload: unknown) => void
}

/**
 * Runs in the page before the app: `window.kiosk` shaped as the preload's bridge. Plain script,
 * not a function handed to Playwright: tsx (the bench) would wrap a function's inner names in
 * a helper the page does not have. `__kioskOnInvoke` is a benchmark's in-page probe: it sees
 * each call as it leaves, in the page's own clock.
 */
const installBridge = (names: readonly string[]) => `
  const listeners = new Map(${JSON.stringify(names)}.map((n) => [n, new Set()]))
  window.__kioskDeliver = (name, payload) => listeners.get(name)?.forEach((l) => l(payload))
  window.kiosk = Object.freeze({
    invoke: (channel, input) => {
      window.__kioskOnInvoke?.(channel, input)
      return window.__kioskInvoke(channel, input)
    },
    subscribe: (name, listener) => {
      const set = listeners.get(name)
      set?.add(listener)
      return () => void set?.delete(listener)
    },
  })
`

/**
 * The app's bridge for pages in a browser: the contract's calls go to the very handler table
 * the app registers with ipcMain, and main's events reach every page, as Electron's ipc sends
 * them to every window. Only the transport differs from the app. Returns the unsubscribe.
 */
export async function bridge(
  target: Page | BrowserContext,
  handlers: Handlers,
  events: EventHub,
  onCall: (channel: string) => void = () => undefined,
): Promise<() => void> {
  await target.exposeBinding('__kioskInvoke', (_source, channel: string, input: unknown) => {
    onCall(channel)
    return invoke(handlers, channel, input)
  })
  await target.addInitScript({ content: installBridge(EVENT_NAMES) })
  const pages = () => ('pages' in target ? target.pages() : [target])
  return events.listen((name, payload) => {
    for (const page of pages()) {
      void page
        .evaluate(
          ([n, body]) => (globalThis as unknown as BridgeWindow).__kioskDeliver?.(n, body),
          [name, payload] as const,
        )
        .catch(() => undefined)
    }
  })
}
