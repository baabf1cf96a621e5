import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskContext } from '../../src/main/context'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { applyRoster } from '../../src/main/roster/repository'
import { CHANNELS, contract } from '../../src/shared/contract'
import { addCeremony } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { rosterRow } from '../fixtures/roster-row'
import { tempDb } from '../fixtures/temp-db'

const BUDI = '197405021993111001'
const SITI = '198001152005012002'

let ctx: KioskContext
let handlers: Handlers
let cleanup: () => void
let heard: [string, unknown][]
let mono: number

beforeEach(() => {
  const t = tempDb()
  cleanup = t.cleanup
  mono = 1_000
  ctx = testContext({ db: t.db, dbPath: t.file, monotonicMs: () => mono })
  handlers = createHandlers(ctx)
  heard = []
  ctx.events.listen((name, payload) => heard.push([name, payload]))
})
afterEach(() => {
  vi.useRealTimers()
  cleanup()
})

const call = (channel: string, input?: unknown) => invoke(handlers, channel, input)
/** What the call announced, and only that. */
async function announced(channel: string, input?: unknown) {
  heard = []
  const result = await call(channel, input)
  return { result, heard }
}

describe('main announces what changed', () => {
  it('every call that declares changes announces exactly those after success', async () => {
    const declared = CHANNELS.filter((c) => contract[c].changes.length > 0)
    expect(declared).toEqual(
      expect.arrayContaining(['roster.update', 'ceremony.setActive', 'auth.lock', 'app.loadDemo']),
    )
    const { result, heard: events } = await announced('app.loadDemo')
    expect(result).toMatchObject({ ok: true })
    // The demo's apel becomes the active one, so its automatic backup's job reports too.
    expect(events.filter(([name]) => name !== 'job.progress')).toEqual([
      ['roster.changed', null],
      ['ceremony.changed', null],
    ])
    expect(events.filter(([name]) => name === 'job.progress').at(-1)).toEqual([
      'job.progress',
      expect.objectContaining({ kind: 'backup', state: 'done' }),
    ])
  })

  it('a refused call announces nothing', async () => {
    const bad = await announced('ceremony.setActive', { id: 999 })
    expect(bad.result).toMatchObject({ ok: false })
    expect(bad.heard).toEqual([])
    const malformed = await announced('roster.update', { id: 'x' })
    expect(malformed.result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(malformed.heard).toEqual([])
  })

  it('an arrival, from any input, and its cancelling name the ceremony; a duplicate or junk is only an attempt', async () => {
    applyRoster(ctx.db, [rosterRow(BUDI, 'Budi', 'Inspektorat')], new Date())
    const ceremony = addCeremony(ctx.db)
    const first = await announced('checkin.scan', { payload: BUDI, source: 'kamera' })
    expect(first.heard).toEqual([['checkin.changed', { ceremonyId: ceremony.id }]])
    const again = await announced('checkin.scan', { payload: BUDI, source: 'manual' })
    expect(again.result).toMatchObject({ ok: true, value: { kind: 'duplicate' } })
    expect(again.heard).toEqual([['checkin.attempted', { ceremonyId: ceremony.id }]])
    const stranger = await announced('checkin.scan', { payload: SITI, source: 'pemindai' })
    expect(stranger.result).toMatchObject({ ok: true, value: { kind: 'unknown', recorded: true } })
    expect(stranger.heard).toEqual([['checkin.changed', { ceremonyId: ceremony.id }]])
    const invalid = await announced('checkin.scan', { payload: 'bukan NIP', source: 'pemindai' })
    expect(invalid.heard).toEqual([['checkin.attempted', { ceremonyId: ceremony.id }]])

    const checkinId = (first.result as { value: { checkinId: number } }).value.checkinId
    const undo = await announced('checkin.undo', { checkinId, reason: 'salah orang' })
    expect(undo.result).toMatchObject({ ok: true })
    expect(undo.heard).toEqual([['checkin.changed', { ceremonyId: ceremony.id }]])
  })

  it('the reading travels with its event: start, each move, the mode, and the end as null', async () => {
    addCeremony(ctx.db)
    const copy = {
      instansi: 'Pemerintah Kabupaten Contoh',
      heading: 'IKRAR NETRALITAS ASN',
      opening: 'Kami ASN di lingkungan {instansi}, dengan ini berikrar:',
      points: ['Satu.', 'Dua.'],
      closing: null,
    }
    expect((await announced('ikrar.save', copy)).heard).toEqual([['ceremony.changed', null]])
    const start = await announced('ikrar.startReading', {})
    expect(start.result).toMatchObject({ ok: true })
    const reading = (start.result as { value: unknown }).value
    expect(start.heard).toEqual([['ikrar.reading', reading]])
    const move = await announced('ikrar.move', { to: 'next' })
    expect(move.heard).toEqual([['ikrar.reading', (move.result as { value: unknown }).value]])
    const mode = await announced('ikrar.setMode', { mode: 'semua' })
    expect(mode.heard).toEqual([['ikrar.reading', (mode.result as { value: unknown }).value]])
    expect((await announced('ikrar.endReading')).heard).toEqual([['ikrar.reading', null]])
    // Ending what the other window already ended changes nothing.
    expect((await announced('ikrar.endReading')).heard).toEqual([])
    // Reading the state is not a change.
    expect((await announced('ikrar.reading')).heard).toEqual([])
  })

  it('the officer lock announces unlocking, locking, and running out by itself', async () => {
    vi.useFakeTimers()
    expect((await announced('auth.setPin', { pin: '246810' })).heard).toEqual([
      ['auth.changed', null],
    ])
    expect((await announced('auth.lock')).heard).toEqual([['auth.changed', null]])
    const wrong = await announced('auth.unlock', { pin: '0000' })
    expect(wrong.result).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } })
    expect(wrong.heard).toEqual([])
    expect((await announced('auth.unlock', { pin: '246810' })).heard).toEqual([
      ['auth.changed', null],
    ])

    heard = []
    // Four minutes on, an officer call extends the unlock: the first timer must not announce.
    mono += 4 * 60_000
    vi.advanceTimersByTime(4 * 60_000)
    expect(await call('signer.list')).toMatchObject({ ok: true })
    mono += 60_000
    vi.advanceTimersByTime(60_000)
    expect(heard).toEqual([])
    expect(await call('auth.status')).toMatchObject({ value: { unlocked: true } })
    // Five minutes after that last call it runs out, and every window hears so.
    mono += 4 * 60_000
    vi.advanceTimersByTime(4 * 60_000)
    expect(heard).toEqual([['auth.changed', null]])
    expect(await call('auth.status')).toMatchObject({ value: { unlocked: false } })
  })
})
