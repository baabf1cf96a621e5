import type { Arrival, Dashboard, OpdCount, Person } from '../../shared/domain'
import { activeCeremonyId, getCeremony } from '../ceremony/repository'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import type { Db } from '../db/connection'
import { clockStatus } from './clock'

const LIVE = 'c.ceremony_id = @ceremonyId AND c.cancelled_at IS NULL'

/**
 * What the officer watches during check-in: present over expected, overall and per OPD,
 * late arrivals apart, the last arrivals, and who is still missing from one OPD.
 * Present counts only expected people; arrivals not on the roster are counted apart.
 */
export function dashboard(
  db: Db,
  missingOpdId: number | null,
  recentCount: number,
  /** The wall clock and whose scans to compare it with; without them no clock is judged. */
  clock?: { now: Date; kioskId: string },
): Dashboard | null {
  const ceremonyId = activeCeremonyId(db)
  if (ceremonyId === null) return null
  const ceremony = getCeremony(db, ceremonyId)
  const p = { ceremonyId }
  const perOpd = countPerOpd(db, ceremonyId)
  const unregistered = db
    .prepare(`SELECT count(*) FROM checkin c WHERE ${LIVE} AND c.employee_id IS NULL`)
    .pluck()
    .get(p) as number
  // Newest first by rowid, walking back from the end: the unary + keeps SQLite from sorting a
  // whole ceremony's arrivals through the ceremony index to find the last few.
  const recent = db
    .prepare(
      `SELECT c.id AS checkinId, c.nip, e.name, o.name AS opdName, c.scanned_at AS at, c.late, c.source
       FROM checkin c LEFT JOIN employee e ON e.id = c.employee_id LEFT JOIN opd o ON o.id = e.opd_id
       WHERE +c.ceremony_id = @ceremonyId AND c.cancelled_at IS NULL
       ORDER BY c.id DESC LIMIT @limit`,
    )
    .all({ ...p, limit: recentCount }) as (Omit<Arrival, 'late'> & { late: number })[]
  const sum = (k: 'expected' | 'present' | 'late') => perOpd.reduce((n, o) => n + o[k], 0)
  return {
    ceremony: {
      id: ceremony.id,
      name: ceremony.name,
      timeZone: ceremony.timeZone,
      lateAt: ceremony.lateAt,
    },
    expected: sum('expected'),
    present: sum('present'),
    late: sum('late'),
    unregistered,
    perOpd,
    recent: recent.map((r) => ({ ...r, late: r.late === 1 })),
    missing:
      missingOpdId === null
        ? null
        : { opdId: missingOpdId, people: missing(db, ceremonyId, missingOpdId) },
    clock: clock ? clockStatus(db, ceremony, clock.now, clock.kioskId) : { warning: null },
  }
}

/**
 * Two small aggregates instead of one join of every expected person to the check-ins: at
 * 20,000 people this is what keeps the screen's update within a frame or two of a scan.
 * Present is counted by the roster link made at scan time.
 */
function countPerOpd(db: Db, ceremonyId: number): OpdCount[] {
  const p = { ceremonyId }
  const expected = db
    .prepare(
      `WITH expected AS (${EXPECTED_EMPLOYEES})
       SELECT o.id AS opdId, o.name, count(*) AS expected
       FROM expected x JOIN opd o ON o.id = x.opd_id GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all(p) as Omit<OpdCount, 'present' | 'late'>[]
  const present = db
    .prepare(
      `WITH expected AS (${EXPECTED_EMPLOYEES})
       SELECT x.opd_id AS opdId, count(*) AS present, sum(c.late) AS late
       FROM checkin c JOIN expected x ON x.id = c.employee_id WHERE ${LIVE} GROUP BY x.opd_id`,
    )
    .all(p) as { opdId: number; present: number; late: number }[]
  const byOpd = new Map(present.map((r) => [r.opdId, r]))
  return expected.map((o) => ({
    ...o,
    present: byOpd.get(o.opdId)?.present ?? 0,
    late: byOpd.get(o.opdId)?.late ?? 0,
  }))
}

function missing(db: Db, ceremonyId: number, opdId: number): Person[] {
  return db
    .prepare(
      `WITH expected AS (${EXPECTED_EMPLOYEES})
       SELECT x.nip, x.name, o.name AS opdName FROM expected x JOIN opd o ON o.id = x.opd_id
       WHERE x.opd_id = @opdId
         AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.nip = x.nip AND ${LIVE})
       ORDER BY x.name COLLATE NOCASE`,
    )
    .all({ ceremonyId, opdId }) as Person[]
}
