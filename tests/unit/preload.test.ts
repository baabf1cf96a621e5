import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_NAMES, eventChannel } from '../../src/shared/contract'

// Electron's modules exist only inside Electron; here they are replaced by recorders so the
// preload's own code runs and we can see exactly what it hands to the page.
const exposed = new Map<string, unknown>()
const sent: unknown[][] = []
const listening = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      sent.push(args)
      return Promise.resolve({ ok: true, value: null })
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listening.set(channel, (listening.get(channel) ?? new Set()).add(listener))
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listening.get(channel)?.delete(listener)
    },
  },
}))

type Bridge = {
  invoke: (c: string, i: unknown) => Promise<unknown>
  subscribe: (name: string, listener: (payload: unknown) => void) => () => void
}

beforeAll(async () => {
  await import('../../src/preload/index')
})

describe('the preload bridge', () => {
  it('exposes one object with two functions, calls and events, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['kiosk'])
    const kiosk = exposed.get('kiosk') as Record<string, unknown>
    expect(Object.keys(kiosk)).toEqual(['invoke', 'subscribe'])
    expect(typeof kiosk.invoke).toBe('function')
    expect(typeof kiosk.subscribe).toBe('function')
  })

  it("listens to exactly the contract's events, hands over the payload only, and lets go", () => {
    const { subscribe } = exposed.get('kiosk') as Bridge
    const heard: unknown[] = []
    const stops = EVENT_NAMES.map((name) => subscribe(name, (payload) => heard.push(payload)))
    expect([...listening.keys()]).toEqual(EVENT_NAMES.map(eventChannel))
    const sender = { sender: 'the ipc event, which must not reach the page' }
    listening.get(eventChannel('checkin.changed'))!.forEach((l) => l(sender, { ceremonyId: 1 }))
    expect(heard).toEqual([{ ceremonyId: 1 }])
    for (const name of ['checkin.scan', 'event:checkin.changed', '__proto__', 'x']) {
      subscribe(name, () => heard.push('never'))
    }
    expect([...listening.keys()]).toEqual(EVENT_NAMES.map(eventChannel))
    stops.forEach((stop) => stop())
    expect([...listening.values()].every((set) => set.size === 0)).toBe(true)
  })

  it("passes on exactly the contract's calls and refuses any other without reaching main", async () => {
    const { invoke } = exposed.get('kiosk') as Bridge
    for (const channel of CHANNELS) await invoke(channel, { x: 1 })
    expect(sent.map((s) => s[0])).toEqual(CHANNELS)
    sent.length = 0
    for (const channel of [
      'ipc.raw',
      'app.exit',
      '__proto__',
      'constructor',
      'checkin.scan ',
    ] as const) {
      expect(await invoke(channel, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CALL' },
      })
    }
    expect(sent).toEqual([])
  })
})
