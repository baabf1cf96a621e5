import type { Arrival, ArrivalFilter, Dashboard, Person } from '../../shared/domain'
import { activeCeremonyId, getCeremony } from '../ceremony/repository'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import type { Db } from '../db/connection'
import { ikrarGate } from '../ikrar/attendance'
import { gateAttempts } from '../log/attempts'
import { clockStatus } from './clock'
import { countPerOpd } from './live-counts'

const LIVE = 'c.ceremony_id = @ceremonyId AND c.cancelled_at IS NULL'

/** Which of a ceremony's check-in rows each list on the gate shows. */
const FILTER_WHERE: Record<ArrivalFilter, string> = {
  semua: 'c.cancelled_at IS NULL',
  terlambat: 'c.cancelled_at IS NULL AND c.late = 1',
  manual: "c.cancelled_at IS NULL AND c.source = 'manual'",
  // Whoever arrived and is not expected (NIP not on the roster, inactive, OPD not invited): the
  // exports' "Tidak Terdaftar". Present is the rest, so present + this = every live arrival.
  'tidak-terdaftar': `c.cancelled_at IS NULL AND c.nip NOT IN (SELECT nip FROM (${EXPECTED_EMPLOYEES}))`,
  dibatalkan: 'c.cancelled_at IS NOT NULL',
}

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
  /** Which arrivals `recent` lists. */
  filter: ArrivalFilter = 'semua',
): Dashboard | null {
  const ceremonyId = activeCeremonyId(db)
  if (ceremonyId === null) return null
  const ceremony = getCeremony(db, ceremonyId)
  const perOpd = countPerOpd(db, ceremonyId)
  const recent = arrivals(db, ceremonyId, filter, recentCount)
  const last =
    filter === 'semua' ? (recent[0] ?? null) : (arrivals(db, ceremonyId, 'semua', 1)[0] ?? null)
  const sum = (k: 'expected' | 'present' | 'late') => perOpd.reduce((n, o) => n + o[k], 0)
  const filterCounts = countPerFilter(db, ceremonyId, sum('present'))
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
    unregistered: filterCounts['tidak-terdaftar'],
    perOpd,
    recent,
    last,
    filter,
    filterCounts,
    missing:
      missingOpdId === null
        ? null
        : { opdId: missingOpdId, people: missing(db, ceremonyId, missingOpdId) },
    clock: clock ? clockStatus(db, ceremony, clock.now, clock.kioskId) : { warning: null },
    ikrar: ikrarGate(db, ceremonyId),
    attempts: gateAttempts(db, ceremonyId),
  }
}

/**
 * Newest first by rowid, walking back from the end: the unary + keeps SQLite from sorting a
 * whole ceremony's arrivals through the ceremony index to find the last few.
 */
function arrivals(db: Db, ceremonyId: number, filter: ArrivalFilter, limit: number): Arrival[] {
  const rows = db
    .prepare(
      `SELECT c.id AS checkinId, c.nip, e.name, o.name AS opdName, c.scanned_at AS at, c.late, c.source,
         c.cancelled_at AS cancelledAt, c.cancel_reason AS cancelReason
       FROM checkin c LEFT JOIN employee e ON e.id = c.employee_id LEFT JOIN opd o ON o.id = e.opd_id
       WHERE +c.ceremony_id = @ceremonyId AND ${FILTER_WHERE[filter]}
       ORDER BY c.id DESC LIMIT @limit`,
    )
    .all({ ceremonyId, limit }) as (Omit<Arrival, 'late'> & { late: number })[]
  return rows.map((r) => ({ ...r, late: r.late === 1 }))
}

/**
 * One pass over the ceremony's rows for every list's count, so the tabs never disagree with the
 * lists. "Tidak terdaftar" is every live arrival but the present ones (FILTER_WHERE says the
 * same row by row): subtracted, not matched against the roster a second time.
 */
function countPerFilter(
  db: Db,
  ceremonyId: number,
  present: number,
): Record<ArrivalFilter, number> {
  const counted = (Object.keys(FILTER_WHERE) as ArrivalFilter[]).filter(
    (f) => f !== 'tidak-terdaftar',
  )
  const sums = counted.map((f) => `coalesce(sum(${FILTER_WHERE[f]}), 0) AS "${f}"`).join(', ')
  const counts = db
    .prepare(`SELECT ${sums} FROM checkin c WHERE c.ceremony_id = @ceremonyId`)
    .get({ ceremonyId }) as Omit<Record<ArrivalFilter, number>, 'tidak-terdaftar'>
  return { ...counts, 'tidak-terdaftar': counts.semua - present }
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
