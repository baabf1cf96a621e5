import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KioskContext } from '../../src/main/context'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { CHANNELS, contract } from '../../src/shared/contract'
import { tempDb } from '../fixtures/temp-db'
import { NO_DIALOGS } from '../fixtures/no-dialogs'

let ctx: KioskContext
let handlers: Handlers
let cleanup: () => void
let clock: number

beforeEach(() => {
  const t = tempDb()
  cleanup = t.cleanup
  clock = Date.parse('2024-09-30T00:00:00Z')
  ctx = {
    db: t.db,
    dbPath: t.file,
    kioskId: 'K',
    now: () => new Date(clock),
    dialogs: NO_DIALOGS,
  }
  handlers = createHandlers(ctx)
})
afterEach(() => cleanup())

const call = (channel: string, input?: unknown) => invoke(handlers, channel, input)

describe('the officer PIN', () => {
  it('lets the officer work before a PIN exists (first run), then guards officer calls', async () => {
    expect(await call('auth.status')).toMatchObject({
      ok: true,
      value: { pinSet: false, unlocked: true },
    })
    expect(await call('ceremony.list')).toMatchObject({ ok: true })
    expect(await call('auth.setPin', { pin: '246810' })).toMatchObject({
      ok: true,
      value: { pinSet: true, unlocked: true },
    })
    await call('auth.lock')
    expect(await call('app.loadDemo')).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await call('checkin.undo', { checkinId: 1, reason: 'salah' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    // Scanning and the live count never ask for it.
    expect(await call('checkin.scan', { payload: 'x', source: 'kamera' })).toMatchObject({
      ok: true,
    })
    expect(await call('checkin.dashboard', { missingOpdId: null, recent: 5 })).toMatchObject({
      ok: true,
    })
  })

  it('is stored salted and hashed, never as the PIN itself', async () => {
    await call('auth.setPin', { pin: '246810' })
    const first = ctx.db
      .prepare("SELECT value FROM setting WHERE key = 'officer_pin'")
      .pluck()
      .get() as string
    await call('auth.setPin', { pin: '246810' })
    const second = ctx.db
      .prepare("SELECT value FROM setting WHERE key = 'officer_pin'")
      .pluck()
      .get() as string
    expect(first).toMatch(/^scrypt\$/)
    expect(first).not.toContain('246810')
    expect(first).not.toBe(second)
  })

  it('makes wrong tries wait longer and longer, and unlocks with the right PIN once the wait is over', async () => {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    for (let i = 0; i < 3; i++) {
      expect(await call('auth.unlock', { pin: '0000' })).toMatchObject({
        ok: false,
        error: { code: 'PIN_WRONG' },
      })
    }
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WAIT', message: 'Terlalu banyak PIN salah. Coba lagi dalam 30 detik.' },
    })
    clock += 31_000
    expect(await call('auth.unlock', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    })
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { retryInMs: 60_000 } })
    clock += 61_000
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    })
    expect(await call('app.loadDemo')).toMatchObject({ ok: true })
  })

  it('locks itself after five idle minutes, but not while the officer keeps working', async () => {
    await call('auth.setPin', { pin: '246810' })
    clock += 4 * 60_000
    expect(await call('ceremony.list')).toMatchObject({ ok: true })
    expect(await call('app.loadDemo')).toMatchObject({ ok: true })
    clock += 4 * 60_000
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { unlocked: true } })
    clock += 2 * 60_000
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { unlocked: false } })
  })

  it('refuses to change the PIN while locked', async () => {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    expect(await call('auth.setPin', { pin: '135799' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
  })

  it('guards exactly the calls the contract marks for the officer', () => {
    const guarded = CHANNELS.filter((c) => contract[c].officer).sort()
    expect(guarded).toEqual([
      'app.leaveKiosk',
      'app.loadDemo',
      'app.removeDemo',
      'attendance.list',
      'attendance.setOfficer',
      'attendance.setReason',
      'attendance.setReasonForOpd',
      'backup.create',
      'backup.list',
      'backup.restore',
      'ceremony.create',
      'ceremony.duplicate',
      'ceremony.setActive',
      'ceremony.update',
      'checkin.undo',
      'export.run',
      'ikrar.chooseTemplate',
      'ikrar.save',
      'ikrar.setMirror',
      'roster.addNonAsn',
      'roster.applyImport',
      'roster.cardHolders',
      'roster.markCardsPrinted',
      'roster.search',
      'roster.setCardIdentity',
      'roster.update',
    ])
  })
})
