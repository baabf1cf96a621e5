import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { rosterRow } from '../fixtures/roster-row'
import { writeCsv } from '../fixtures/roster-files'
import { kioskTable, type KioskTable } from '../fixtures/kiosk-table'

let k: KioskTable
let rosterFile: string
const count = (sql: string) => k.ctx.db.prepare(sql).pluck().get() as number
const REAL = '197405021993111001'

beforeEach(() => {
  k = kioskTable({ openRosterFile: async () => rosterFile, chooseExportFolder: async () => null })
  rosterFile = path.join(k.dir, 'pegawai-sungguhan.csv')
  writeCsv(rosterFile, [
    ['NIP', 'Nama', 'Unit Kerja'],
    [REAL, 'Budi Santoso', 'Dinas Sosial'],
    ['198001152005012002', 'Siti Rahayu', 'Inspektorat'],
  ])
})
afterEach(() => k.cleanup())

async function preview(): Promise<string> {
  const r = (await k.call('roster.chooseImportFile')) as {
    ok: true
    value: { previewId: string; toAdd: number; toDeactivate: number }
  }
  return r.value.previewId
}

/** The demo with some activity on it: a scan, an absence and an ikrar reading. */
async function demoInUse() {
  expect(await k.call('app.loadDemo')).toMatchObject({
    ok: true,
    value: { employees: 2400, opd: 40 },
  })
  const [first, second] = demoRoster()
  expect(await k.call('checkin.scan', { payload: first!.nip, source: 'pemindai' })).toMatchObject({
    ok: true,
    value: { kind: 'recorded' },
  })
  const ceremonyId = count('SELECT id FROM ceremony')
  const employeeId = count(`SELECT id FROM employee WHERE nip = '${second!.nip}'`)
  await k.call('attendance.setOfficer', { name: 'Rina Petugas' })
  expect(
    await k.call('attendance.setReason', {
      ceremonyId,
      employeeId,
      reason: 'SAKIT',
      note: '',
      previous: null,
    }),
  ).toMatchObject({ ok: true })
  await k.call('ikrar.startReading', {})
  await k.call('ikrar.endReading')
}

describe('demo mode', () => {
  it('marks every demo row and says so in the status', async () => {
    await demoInUse()
    expect(count('SELECT count(*) FROM employee WHERE demo = 0')).toBe(0)
    expect(count('SELECT count(*) FROM opd WHERE demo = 0')).toBe(0)
    expect(count('SELECT count(*) FROM ceremony WHERE demo = 1')).toBe(1)
    expect(await k.call('app.status')).toMatchObject({
      ok: true,
      value: { demo: { employees: 2400, opd: 40, ceremonies: 1 } },
    })
  })

  it('removes all demo data in one step before the first real import, after the officer agreed', async () => {
    await demoInUse()
    await k.call('auth.setPin', { pin: '135790' })
    const previewId = await preview()
    // Not agreed: refused, nothing changed.
    expect(await k.call('roster.applyImport', { previewId })).toMatchObject({
      ok: false,
      error: { code: 'DEMO_PRESENT', message: expect.stringContaining('Data contoh akan dihapus') },
    })
    expect(count('SELECT count(*) FROM employee')).toBe(2400)

    expect(await k.call('roster.applyImport', { previewId, removeDemo: true })).toMatchObject({
      ok: true,
      value: { added: 2, updated: 0, deactivated: 0 },
    })
    expect(count('SELECT count(*) FROM employee')).toBe(2)
    expect(count('SELECT count(*) FROM employee WHERE demo = 1')).toBe(0)
    expect(k.ctx.db.prepare('SELECT name FROM opd ORDER BY name').pluck().all()).toEqual([
      'Dinas Sosial',
      'Inspektorat',
    ])
    for (const table of ['ceremony', 'checkin', 'absence', 'absence_history', 'ikrar_reading'])
      expect(count(`SELECT count(*) FROM ${table}`), table).toBe(0)
    expect(count("SELECT count(*) FROM setting WHERE key = 'active_ceremony_id'")).toBe(0)
    expect(await k.call('app.status')).toMatchObject({
      ok: true,
      value: { demo: null, employees: 2, activeCeremonyId: null },
    })
    expect(k.ctx.db.pragma('foreign_key_check')).toEqual([])
  })

  it('previews the real file as if the demo were already gone', async () => {
    await k.call('app.loadDemo')
    // Both OPD exist in the demo; against real data they are new and nobody is retired.
    expect(await k.call('roster.chooseImportFile')).toMatchObject({
      ok: true,
      value: { toAdd: 2, toUpdate: 0, toDeactivate: 0, opdNew: ['Dinas Sosial', 'Inspektorat'] },
    })
  })

  it('keeps a real ceremony made during the demo, and refuses a demo on a real kiosk', async () => {
    await k.call('app.loadDemo')
    const real = (await k.call('ceremony.create', {
      name: 'Apel sungguhan',
      date: '2024-10-01',
      startTime: '07:00',
      lateTime: '07:15',
      place: '',
      timeZone: 'Asia/Jakarta',
      opdIds: [1, 2],
      unknownPolicy: 'review',
    })) as { ok: true; value: { id: number } }
    expect(await k.call('app.removeDemo')).toMatchObject({
      ok: true,
      value: { employees: 2400, opd: 40, ceremonies: 1 },
    })
    expect(k.ctx.db.prepare('SELECT id FROM ceremony').pluck().all()).toEqual([real.value.id])
    expect(count('SELECT count(*) FROM ceremony_opd')).toBe(0)
    expect(await k.call('app.loadDemo')).toMatchObject({
      ok: false,
      error: { code: 'HAS_REAL_DATA' },
    })
  })

  it('marks a demo loaded by an earlier version, leaving the real people and their OPD', async () => {
    await k.call('app.loadDemo')
    // As an earlier version left it: nothing marked, and a real person in a demo-named OPD.
    for (const table of ['employee', 'opd', 'ceremony'])
      k.ctx.db.prepare(`UPDATE ${table} SET demo = 0`).run()
    applyRoster(k.ctx.db, [rosterRow(REAL, 'Budi Santoso', 'Dinas Sosial')], k.ctx.now())
    const renamed = demoRoster()[5]!
    k.ctx.db
      .prepare('UPDATE employee SET name = ? WHERE nip = ?')
      .run('Orang Sungguhan', renamed.nip)
    k.rebuild()
    expect(await k.call('app.status')).toMatchObject({
      ok: true,
      value: { demo: { employees: 2399, opd: 38, ceremonies: 1 } },
    })
    await k.call('app.removeDemo')
    expect(k.ctx.db.prepare('SELECT name FROM employee ORDER BY name').pluck().all()).toEqual([
      'Budi Santoso',
      'Orang Sungguhan',
    ])
    expect(k.ctx.db.pragma('foreign_key_check')).toEqual([])
  })
})
