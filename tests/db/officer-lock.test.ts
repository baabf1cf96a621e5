import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KioskContext } from '../../src/main/context'
import { openDatabase } from '../../src/main/db/connection'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { CHANNELS, contract } from '../../src/shared/contract'
import { tempDb } from '../fixtures/temp-db'
import { testContext } from '../fixtures/context'

let ctx: KioskContext
let handlers: Handlers
let cleanup: () => void
let file: string
/** The wall clock (which an officer or an attacker can set) and the monotonic one, apart. */
let clock: number
let mono: number
/** Real time passing moves both clocks. */
const advance = (ms: number) => {
  clock += ms
  mono += ms
}

beforeEach(() => {
  const t = tempDb()
  cleanup = t.cleanup
  file = t.file
  clock = Date.parse('2024-09-30T00:00:00Z')
  mono = 1_000
  ctx = testContext({
    db: t.db,
    dbPath: t.file,
    kioskId: 'K',
    now: () => new Date(clock),
    monotonicMs: () => mono,
  })
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
    advance(31_000)
    expect(await call('auth.unlock', { pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WRONG' },
    })
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { retryInMs: 60_000 } })
    advance(61_000)
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    })
    expect(await call('app.loadDemo')).toMatchObject({ ok: true })
  })

  it('locks itself after five idle minutes, but not while the officer keeps working', async () => {
    await call('auth.setPin', { pin: '246810' })
    advance(4 * 60_000)
    expect(await call('ceremony.list')).toMatchObject({ ok: true })
    expect(await call('app.loadDemo')).toMatchObject({ ok: true })
    advance(4 * 60_000)
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { unlocked: true } })
    advance(2 * 60_000)
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { unlocked: false } })
  })

  /** As after a restart of the app: the same file opened again, a new handler table over it. */
  function restart(): void {
    ctx.db.close()
    ctx = { ...ctx, db: openDatabase(file) }
    handlers = createHandlers(ctx)
    // A new process: its monotonic clock starts somewhere else entirely.
    mono = 5
  }

  async function threeWrong(): Promise<void> {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    for (let i = 0; i < 3; i++) await call('auth.unlock', { pin: '0000' })
  }

  it('keeps the wrong tries and the wait through a restart', async () => {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    await call('auth.unlock', { pin: '0000' })
    await call('auth.unlock', { pin: '0001' })
    restart()
    // The third wrong try, counted after the restart, still earns the wait.
    expect(await call('auth.unlock', { pin: '0002' })).toMatchObject({
      error: { code: 'PIN_WRONG' },
    })
    // Ten seconds of the wait pass while the lock screen shows it; a restart resumes from there.
    advance(10_000)
    expect(await call('auth.status')).toMatchObject({ value: { retryInMs: 20_000 } })
    restart()
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_WAIT', message: 'Terlalu banyak PIN salah. Coba lagi dalam 20 detik.' },
    })
    advance(20_000)
    expect(await call('auth.unlock', { pin: '1111' })).toMatchObject({
      error: { code: 'PIN_WRONG' },
    })
    restart()
    // The doubling survived too: the fourth wrong try earned a minute.
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { retryInMs: 60_000 } })
  })

  it('gives no extra tries to someone restarting the app over and over', async () => {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    let tried = 0
    for (let i = 0; i < 50; i++) {
      restart()
      const r = await call('auth.unlock', { pin: String(1000 + i) })
      if (!r.ok && r.error.code === 'PIN_WRONG') tried++
    }
    expect(tried).toBe(3)
  })

  it('does not skip the wait when the clock is set a day forward, even across a restart', async () => {
    await threeWrong()
    clock += 24 * 60 * 60_000
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      error: { code: 'PIN_WAIT' },
    })
    restart()
    clock += 24 * 60 * 60_000
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      error: { code: 'PIN_WAIT', message: 'Terlalu banyak PIN salah. Coba lagi dalam 30 detik.' },
    })
    advance(30_000)
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({ ok: true })
  })

  it('does not stretch the wait beyond its length when the clock is set back', async () => {
    await threeWrong()
    clock -= 24 * 60 * 60_000
    expect(await call('auth.status')).toMatchObject({ value: { retryInMs: 30_000 } })
    restart()
    clock -= 24 * 60 * 60_000
    expect(await call('auth.status')).toMatchObject({ value: { retryInMs: 30_000 } })
    advance(30_000)
    expect(await call('auth.unlock', { pin: '246810' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    })
    // A clock set back or forward while unlocked neither ends nor extends the unlock.
    clock += 24 * 60 * 60_000
    expect(await call('auth.status')).toMatchObject({ value: { unlocked: true } })
  })

  it('reads a damaged stored limit as the longest wait, never as no wait', async () => {
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    ctx.db
      .prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('officer_pin_limit', '{oops')")
      .run()
    restart()
    expect(await call('auth.status')).toMatchObject({ value: { retryInMs: 15 * 60_000 } })
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
      'app.quit',
      'app.removeDemo',
      'app.setLockdown',
      'attendance.list',
      'attendance.setOfficer',
      'attendance.setReason',
      'attendance.setReasonForOpd',
      'authenticity.verify',
      'backup.create',
      'backup.list',
      'backup.restore',
      'ceremony.create',
      'ceremony.duplicate',
      'ceremony.setActive',
      'ceremony.update',
      'checkin.registerUnknown',
      'checkin.undo',
      'declaration.get',
      'declaration.leaders',
      'declaration.setLeaders',
      'exchange.importPaket',
      'exchange.receiveBundles',
      'exchange.sendBundle',
      'exchange.writePaket',
      'export.run',
      'hub.addresses',
      'hub.discover',
      'hub.pair',
      'hub.pairingOffer',
      'hub.revokeGate',
      'hub.setRole',
      'hub.start',
      'hub.stop',
      'hub.unpair',
      'ikrar.chooseTemplate',
      'ikrar.save',
      'ikrar.setMirror',
      'log.personHistory',
      'log.signHead',
      'pakta.forms',
      'pakta.markReceived',
      'pakta.outstanding',
      'pakta.save',
      'roster.addNonAsn',
      'roster.applyImport',
      'roster.cardHolders',
      'roster.markCardsPrinted',
      'roster.search',
      'roster.setCardIdentity',
      'roster.update',
      'signer.list',
      'signer.set',
    ])
  })
})
