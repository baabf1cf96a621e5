import type { DemoCounts, DemoResult } from '../../shared/contract/app'
import type { Ceremony } from '../../shared/domain'
import { utcToLocal } from '../../shared/time'
import { ACTIVE_KEY, activeCeremonyId, createCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { deleteWithDependents } from '../db/delete-with-dependents'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'
import { DEMO_REGION, demoRoster } from './demo'
import { applyRoster, listOpd } from './repository'

/** How much of the database is demo data; all zero on a real kiosk. */
export function demoCounts(db: Db): DemoCounts {
  const n = (table: string) =>
    db.prepare(`SELECT count(*) FROM ${table} WHERE demo = 1`).pluck().get() as number
  return { employees: n('employee'), opd: n('opd'), ceremonies: n('ceremony') }
}

/** The demo's counts while there is any, else null. */
export function demoPresent(db: Db): DemoCounts | null {
  const c = demoCounts(db)
  return c.employees + c.opd + c.ceremonies > 0 ? c : null
}

const DEMO_CEREMONY = `Apel Netralitas ASN ${DEMO_REGION} (demo)`

/**
 * Kiosks that loaded the demo before rows were marked: finds it by its ceremony's name and
 * marks it, so it too goes before the first real import. A person counts as demo only when
 * both NIP and name are the generated ones; an OPD only when nobody real is in it.
 */
export function adoptLegacyDemo(db: Db): void {
  const unmarked = db
    .prepare('SELECT id FROM ceremony WHERE demo = 0 AND name = ?')
    .pluck()
    .all(DEMO_CEREMONY) as number[]
  if (unmarked.length === 0) return
  const roster = demoRoster()
  const generated = new Map(roster.map((r) => [r.nip, r.name]))
  db.transaction(() => {
    const mark = db.prepare('UPDATE employee SET demo = 1 WHERE id = ?')
    const people = db.prepare('SELECT id, nip, name FROM employee WHERE demo = 0').all() as {
      id: number
      nip: string
      name: string
    }[]
    for (const p of people) if (generated.get(p.nip) === p.name) mark.run(p.id)
    const offices = [...new Set(roster.map((r) => r.opdKey))]
    db.prepare(
      `UPDATE opd SET demo = 1 WHERE key IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM employee e WHERE e.opd_id = opd.id AND e.demo = 0)`,
    ).run(JSON.stringify(offices))
    db.prepare('UPDATE ceremony SET demo = 1 WHERE id IN (SELECT value FROM json_each(?))').run(
      JSON.stringify(unmarked),
    )
  }).immediate()
}

/**
 * "Coba dengan data contoh": the demo roster and a demo ceremony today, every row marked demo.
 * Only on a kiosk without real data, so demo and real people never sit side by side.
 */
export function loadDemo(db: Db, now: Date): DemoResult & { ceremony: Ceremony } {
  return db
    .transaction(() => {
      const real = db
        .prepare(
          'SELECT (SELECT count(*) FROM employee WHERE demo = 0) + (SELECT count(*) FROM ceremony WHERE demo = 0)',
        )
        .pluck()
        .get() as number
      if (real > 0) {
        throw new UserError(
          'HAS_REAL_DATA',
          'Data contoh hanya bisa dimuat pada kiosk yang belum berisi data pegawai atau acara.',
        )
      }
      applyRoster(db, demoRoster(), now)
      db.prepare('UPDATE employee SET demo = 1').run()
      db.prepare('UPDATE opd SET demo = 1 WHERE id IN (SELECT opd_id FROM employee)').run()
      const ceremony = createCeremony(db, now, {
        name: DEMO_CEREMONY,
        date: utcToLocal(now.toISOString(), 'Asia/Jakarta').date,
        startTime: '07:30',
        lateTime: '07:45',
        place: 'Halaman Kantor Bupati',
        timeZone: 'Asia/Jakarta',
        opdIds: null,
        unknownPolicy: 'review',
      })
      db.prepare('UPDATE ceremony SET demo = 1 WHERE id = ?').run(ceremony.id)
      const { employees } = demoCounts(db)
      return { employees, opd: listOpd(db).length, ceremonyId: ceremony.id, ceremony }
    })
    .immediate()
}

/**
 * Removes every demo row in one transaction: the demo ceremony with its check-ins, readings
 * and absences; the demo employees with whatever refers to them (check-ins at any ceremony);
 * the demo OPD (and anyone the officer added to one). The gate's active ceremony is cleared
 * when it was the demo's. Nothing real is touched.
 */
export function removeDemo(db: Db, now: Date = new Date()): DemoCounts {
  return db
    .transaction(() => {
      logDemoRemoval(db, now)
      const active = activeCeremonyId(db)
      const ceremonies = deleteWithDependents(db, 'ceremony', 'demo = 1')
      if (active !== null && !db.prepare('SELECT 1 FROM ceremony WHERE id = ?').get(active))
        db.prepare('DELETE FROM setting WHERE key = ?').run(ACTIVE_KEY)
      const employees = deleteWithDependents(db, 'employee', 'demo = 1')
      const opd = deleteWithDependents(db, 'opd', 'demo = 1')
      return { employees, opd, ceremonies }
    })
    .immediate()
}

/**
 * The log is never pruned: it says which arrivals and reasons the removal takes with it, so a
 * rebuild from the log drops them too. Demo employees take their arrivals at any ceremony.
 */
function logDemoRemoval(db: Db, now: Date): void {
  const ids = (sql: string) => db.prepare(sql).pluck().all() as number[]
  const demoRows = `ceremony_id IN (SELECT id FROM ceremony WHERE demo = 1)
    OR employee_id IN (SELECT id FROM employee WHERE demo = 1)`
  const ceremonyIds = ids('SELECT id FROM ceremony WHERE demo = 1 ORDER BY id')
  const checkinIds = ids(`SELECT id FROM checkin WHERE ${demoRows} ORDER BY id`)
  const absences = db
    .prepare(
      `SELECT ceremony_id AS ceremonyId, employee_id AS employeeId FROM absence WHERE ${demoRows}
       ORDER BY ceremony_id, employee_id`,
    )
    .all() as { ceremonyId: number; employeeId: number }[]
  if (ceremonyIds.length + checkinIds.length + absences.length === 0) return
  appendEntry(db, {
    kind: 'demo.removed',
    at: now.toISOString(),
    kioskId: kioskOf(db),
    body: { ceremonyIds, checkinIds, absences },
  })
}
