import { GATE_SEARCH_MIN, type Person } from '../../shared/domain'
import { activeCeremonyId } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { rosterWhere } from '../roster/repository'

/** A search hit before it leaves main: the whole NIP is still here, for the pick. */
export interface PersonHere extends Person {
  id: number
  /** First live scan in the active ceremony; null: not here yet. */
  arrivedAt: string | null
}

/**
 * The gate's manual search: the roster list's own filter (name or NIP, active people), each
 * match with its live check-in in the active ceremony, so the officer sees "sudah hadir 07.31"
 * before recording anyone twice.
 */
export function findPerson(
  db: Db,
  query: string,
  limit: number,
): { total: number; rows: PersonHere[] } {
  if (query.trim().length < GATE_SEARCH_MIN) return { total: 0, rows: [] }
  const { clause, params } = rosterWhere({
    query,
    opdId: null,
    includeInactive: false,
    card: 'any',
  })
  const total = db
    .prepare(`SELECT count(*) FROM employee e ${clause}`)
    .pluck()
    .get(params) as number
  const rows = db
    .prepare(
      `SELECT e.id, e.nip, e.name, o.name AS opdName, c.scanned_at AS arrivedAt
       FROM employee e JOIN opd o ON o.id = e.opd_id
       LEFT JOIN checkin c
         ON c.ceremony_id = @ceremonyId AND c.nip = e.nip AND c.cancelled_at IS NULL
       ${clause}
       ORDER BY e.name COLLATE NOCASE, e.id LIMIT @limit`,
    )
    .all({ ...params, ceremonyId: activeCeremonyId(db), limit }) as PersonHere[]
  return { total, rows }
}
