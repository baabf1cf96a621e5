import type { CardHolder } from '../../shared/domain'
import type { Db } from '../db/connection'
import { rosterWhere, type RosterFilter } from './repository'

/**
 * Everyone the filter selects, as their cards show them, by OPD then name: the officer cuts a
 * sheet and hands each OPD its own stack. Small rows, so even the whole region (20,000) is
 * one quick answer; the renderer splits it into sheets.
 */
export function listCardHolders(db: Db, filter: RosterFilter): CardHolder[] {
  const { clause, params } = rosterWhere(filter)
  return db
    .prepare(
      `SELECT e.id, e.nip, e.name, o.name AS opdName
       FROM employee e JOIN opd o ON o.id = e.opd_id ${clause}
       ORDER BY o.name COLLATE NOCASE, e.name COLLATE NOCASE, e.id`,
    )
    .all(params) as CardHolder[]
}

/**
 * Records that these people's cards were printed, after the officer confirmed the sheet came
 * out right. A reprint moves the date forward; unknown ids change nothing and are not counted.
 */
export function markCardsPrinted(db: Db, now: Date, ids: readonly number[]): { marked: number } {
  const mark = db.prepare('UPDATE employee SET card_printed_at = ? WHERE id = ?')
  const stamp = now.toISOString()
  return db
    .transaction(() => ({ marked: ids.reduce((n, id) => n + mark.run(stamp, id).changes, 0) }))
    .immediate()
}
