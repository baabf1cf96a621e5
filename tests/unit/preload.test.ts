import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../src/shared/contract'

// Electron's modules exist only inside Electron; here they are replaced by recorders so the
// preload's own code runs and we can see exactly what it hands to the page.
const exposed = new Map<string, unknown>()
const sent: unknown[][] = []
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      sent.push(args)
      return Promise.resolve({ ok: true, value: null })
    },
  },
}))

beforeAll(async () => {
  await import('../../src/preload/index')
})

describe('the preload bridge', () => {
  it('exposes one object with one function, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['kiosk'])
    const kiosk = exposed.get('kiosk') as Record<string, unknown>
    expect(Object.keys(kiosk)).toEqual(['invoke'])
    expect(typeof kiosk.invoke).toBe('function')
  })

  it("passes on exactly the contract's calls and refuses any other without reaching main", async () => {
    const { invoke } = exposed.get('kiosk') as {
      invoke: (c: string, i: unknown) => Promise<unknown>
    }
    for (const channel of CHANNELS) await invoke(channel, { x: 1 })
    expect(sent.map((s) => s[0])).toEqual(CHANNELS)
    sent.length = 0
    for (const channel of [
      'ipc.raw',
      'app.quit',
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
