import type { BrowserContext, Page } from '@playwright/test'
import type { EventHub } from '../../src/main/events'
import type { Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { EVENT_NAMES } from '../../src/shared/contract'

type Listener = (payload: unknown) => void
interface BridgeWindow {
  kiosk: unknown
  __kioskInvoke: (channel: string, input: unknown) => Promise<unknown>
  __kioskDeliver: (name: string, payload: unknown) => void
  /** A benchmark's in-page probe: sees each call as it leaves, in the page's own clock. */
  __kioskOnInvoke?: (channel: string, input: unknown) => void
}

/** Runs in the page before the app: `window.kiosk` shaped as the preload's bridge. */
function installBridge(names: string[]): void {
  const w = globalThis as unknown as BridgeWindow
  const listeners = new Map<string, Set<Listener>>(names.map((n) => [n, new Set()]))
  w.__kioskDeliver = (name, payload) => listeners.get(name)?.forEach((l) => l(payload))
  w.kiosk = Object.freeze({
    invoke: (channel: string, input: unknown) => {
      w.__kioskOnInvoke?.(channel, input)
      return w.__kioskInvoke(channel, input)
    },
    subscribe: (name: string, listener: Listener) => {
      const set = listeners.get(name)
      set?.add(listener)
      return () => void set?.delete(listener)
    },
  })
}

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
  await target.addInitScript(installBridge, EVENT_NAMES)
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
