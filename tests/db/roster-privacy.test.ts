import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyRoster } from '../../src/main/roster/repository'
import type { GateMatch } from '../../src/shared/domain'
import { addCeremony } from '../fixtures/ceremony'
import { kioskTable, type KioskTable } from '../fixtures/kiosk-table'
import { rosterRow } from '../fixtures/roster-row'

const NIP = '198206042015092003'
let k: KioskTable
let ctx: KioskTable['ctx']
let call: KioskTable['call']

beforeEach(() => {
  k = kioskTable()
  ctx = k.ctx
  call = k.call
  applyRoster(ctx.db, [rosterRow(NIP, 'Sri Wahyuni', 'Dinas Sosial')], ctx.now())
  addCeremony(ctx.db)
})
afterEach(() => k.cleanup())

const filter = { query: '', opdId: null, includeInactive: false, card: 'any' }

describe('the roster while the kiosk is locked', () => {
  beforeEach(async () => {
    await call('auth.setPin', { pin: '135790' })
    await call('auth.lock')
  })

  it('gives no names or NIPs from the roster calls, nor from the attendance list', async () => {
    const search = await call('roster.search', { ...filter, limit: 50, offset: 0 })
    const holders = await call('roster.cardHolders', filter)
    const attendance = await call('attendance.list', { ceremonyId: 1, opdId: null })
    for (const r of [search, holders, attendance]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
      expect(JSON.stringify(r)).not.toContain('Sri')
      expect(JSON.stringify(r)).not.toContain(NIP.slice(0, 8))
    }
    await call('auth.unlock', { pin: '135790' })
    expect(await call('roster.search', { ...filter, limit: 50, offset: 0 })).toMatchObject({
      ok: true,
      value: { total: 1, rows: [{ nip: NIP }] },
    })
  })

  it('lets the gate find a person by name with a masked NIP, and record them by the pick', async () => {
    const r = await call('checkin.findPerson', { query: 'wahyu', limit: 6 })
    expect(r).toMatchObject({
      ok: true,
      value: {
        total: 1,
        rows: [
          { name: 'Sri Wahyuni', opdName: 'Dinas Sosial', nipMasked: '19820604 •••••• • 003' },
        ],
      },
    })
    const [person] = (r as { value: { rows: GateMatch[] } }).value.rows
    expect(JSON.stringify(r)).not.toContain(NIP)
    expect(await call('checkin.scan', { payload: person!.pick, source: 'manual' })).toMatchObject({
      ok: true,
      value: { kind: 'recorded', person: { name: 'Sri Wahyuni' } },
    })
    expect(ctx.db.prepare('SELECT nip, source FROM checkin').get()).toEqual({
      nip: NIP,
      source: 'manual',
    })
  })

  it('finds by whole NIP only, and refuses an expired pick', async () => {
    expect(await call('checkin.findPerson', { query: '1982', limit: 6 })).toEqual({
      ok: true,
      value: { total: 0, rows: [] },
    })
    const whole = (await call('checkin.findPerson', { query: NIP, limit: 6 })) as {
      value: { rows: GateMatch[] }
    }
    expect(whole.value.rows).toHaveLength(1)
    k.clock.t += 6 * 60_000
    expect(
      await call('checkin.scan', { payload: whole.value.rows[0]!.pick, source: 'manual' }),
    ).toMatchObject({ ok: true, value: { kind: 'invalid' } })
    // A made-up pick records nobody either.
    expect(
      await call('checkin.scan', { payload: 'PILIH-0123456789ABCDEF', source: 'manual' }),
    ).toMatchObject({ ok: true, value: { kind: 'invalid' } })
    expect(ctx.db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  })

  it('shows the gate whole names but masked NIPs in recent arrivals and the missing list', async () => {
    const other = '199001012015011005'
    applyRoster(ctx.db, [rosterRow(other, 'Andi Wijaya', 'Dinas Sosial')], ctx.now())
    await call('checkin.scan', { payload: NIP, source: 'pemindai' })
    const opdId = ctx.db.prepare('SELECT id FROM opd').pluck().get() as number
    const r = await call('checkin.dashboard', { missingOpdId: opdId, recent: 5 })
    expect(r).toMatchObject({
      ok: true,
      value: {
        recent: [{ name: 'Sri Wahyuni', nip: '19820604 •••••• • 003' }],
        missing: { people: [{ name: 'Andi Wijaya', nip: '19900101 •••••• • 005' }] },
      },
    })
    expect(JSON.stringify(r)).not.toContain(NIP)
    expect(JSON.stringify(r)).not.toContain(other)
  })
})
