import { afterEach, describe, expect, it } from 'vitest'
import type { KioskContext } from '../../src/main/context'
import type { LoginItem } from '../../src/main/window/kiosk-mode'
import { kioskTable, type KioskTable } from '../fixtures/kiosk-table'

let table: KioskTable
afterEach(() => table.cleanup())

async function valueOf(channel: string, input?: unknown): Promise<unknown> {
  const result = await table.call(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** The desktop shell's side, recorded: what the handlers ask Electron to do. */
function recordingShell(launch: NonNullable<KioskContext['shell']>['launch']) {
  const did: { kiosk: boolean[]; loginItems: LoginItem[]; quits: number } = {
    kiosk: [],
    loginItems: [],
    quits: 0,
  }
  let now = launch.packaged
  const shell: NonNullable<KioskContext['shell']> = {
    leaveKiosk: () => void (now = false),
    restart: () => undefined,
    setKiosk: (on) => {
      now = on
      did.kiosk.push(on)
    },
    kioskNow: () => now,
    quit: () => void did.quits++,
    launch,
    setLoginItem: (item) => void did.loginItems.push(item),
  }
  return { shell, did }
}

describe('the lock-down settings, behind the PIN', () => {
  it('are stored in the database and kept by the next start', async () => {
    table = kioskTable()
    const { shell, did } = recordingShell({
      packaged: true,
      argv: ['kiosk.exe'],
      platform: 'win32',
    })
    table.ctx.shell = shell
    expect(await valueOf('app.lockdown')).toEqual({
      kioskMode: true,
      kioskNow: true,
      forced: false,
      startAtLogin: false,
    })
    const off = await valueOf('app.setLockdown', { kioskMode: false })
    expect(off).toMatchObject({ kioskMode: false, kioskNow: false })
    expect(did.kiosk).toEqual([false])
    const on = await valueOf('app.setLockdown', { startAtLogin: true })
    expect(on).toMatchObject({ kioskMode: false, startAtLogin: true })
    expect(did.loginItems).toEqual([{ openAtLogin: true, args: [] }])
    table.rebuild()
    expect(await valueOf('app.lockdown')).toMatchObject({
      kioskMode: false,
      startAtLogin: true,
    })
  })

  it('cannot turn kiosk mode off while --kiosk forces it', async () => {
    table = kioskTable()
    const { shell, did } = recordingShell({
      packaged: false,
      argv: ['electron', '.', '--kiosk'],
      platform: 'linux',
    })
    table.ctx.shell = shell
    const result = await valueOf('app.setLockdown', { kioskMode: false })
    expect(result).toMatchObject({ kioskMode: true, forced: true, startAtLogin: null })
    expect(did.kiosk).toEqual([true])
    // Start at login is not available from source: stored, but nothing is asked of the OS.
    await table.call('app.setLockdown', { startAtLogin: true })
    expect(did.loginItems).toEqual([])
  })

  it('are refused without the PIN once one is set, and refuse a field they do not know', async () => {
    table = kioskTable()
    await table.call('auth.setPin', { pin: '246810' })
    await table.call('auth.lock')
    for (const channel of ['app.setLockdown', 'app.quit']) {
      const input = channel === 'app.setLockdown' ? { kioskMode: false } : undefined
      expect(await table.call(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'LOCKED' },
      })
    }
    // Reading the lock-down needs no PIN; a browser (no shell) has no kiosk and no login item.
    expect(await valueOf('app.lockdown')).toEqual({
      kioskMode: false,
      kioskNow: false,
      forced: false,
      startAtLogin: null,
    })
    expect(await table.call('auth.unlock', { pin: '246810' })).toMatchObject({ ok: true })
    expect(await table.call('app.setLockdown', { kiosk: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    })
  })

  it('quit closes the kiosk through the shell after answering', async () => {
    table = kioskTable()
    const { shell, did } = recordingShell({ packaged: true, argv: [], platform: 'win32' })
    table.ctx.shell = shell
    expect(await valueOf('app.quit')).toEqual({ quitting: true })
    expect(did.quits).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(did.quits).toBe(1)
  })
})
