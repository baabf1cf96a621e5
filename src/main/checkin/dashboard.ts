import type { Arrival, Dashboard, OpdCount, Person } from '../../shared/domain'
import { activeCeremonyId, getCeremony } from '../ceremony/repository'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import type { Db } from '../db/connection'

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
): Dashboard | null {
  const ceremonyId = activeCeremonyId(db)
  if (ceremonyId === null) return null
  const ceremony = getCeremony(db, ceremonyId)
  const p = { ceremonyId }
  const perOpd = db
    .prepare(
      `WITH expected AS (${EXPECTED_EMPLOYEES})
       SELECT o.id AS opdId, o.name, count(x.id) AS expected,
              count(c.id) AS present, coalesce(sum(c.late), 0) AS late
       FROM expected x
       JOIN opd o ON o.id = x.opd_id
       LEFT JOIN checkin c ON c.nip = x.nip AND ${LIVE}
       GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all(p) as OpdCount[]
  const unregistered = db
    .prepare(`SELECT count(*) FROM checkin c WHERE ${LIVE} AND c.employee_id IS NULL`)
    .pluck()
    .get(p) as number
  const recent = db
    .prepare(
      `SELECT c.id AS checkinId, c.nip, e.name, o.name AS opdName, c.scanned_at AS at, c.late, c.source
       FROM checkin c LEFT JOIN employee e ON e.id = c.employee_id LEFT JOIN opd o ON o.id = e.opd_id
       WHERE ${LIVE} ORDER BY c.scanned_at DESC, c.id DESC LIMIT @limit`,
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
  }
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
