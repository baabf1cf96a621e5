import type { DemoCounts, DemoResult } from '../../shared/contract/app'
import type { Ceremony } from '../../shared/domain'
import { utcToLocal } from '../../shared/time'
import { ACTIVE_KEY, activeCeremonyId, createCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { deleteWithDependents } from '../db/delete-with-dependents'
import { UserError } from '../errors'
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
        name: `Apel Netralitas ASN ${DEMO_REGION} (demo)`,
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
export function removeDemo(db: Db): DemoCounts {
  return db
    .transaction(() => {
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
