import type { OpdCount } from '../../shared/domain'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import { NEW_ARRIVALS, tallied } from './tally'

/**
 * The live arrivals of expected people per OPD. Present is matched by NIP, as in the exports,
 * so a person added to the roster after scanning counts the same on the screen and on paper.
 */
const presentSql = (arrivals: string) => `
  WITH expected AS (${EXPECTED_EMPLOYEES})
  SELECT x.opd_id AS opdId, count(*) AS present, coalesce(sum(c.late), 0) AS late
  FROM checkin c JOIN expected x ON x.nip = c.nip
  WHERE ${arrivals} AND c.cancelled_at IS NULL
  GROUP BY x.opd_id`

const perOpd = perDb((db) => ({
  expected: db.prepare(
    `WITH expected AS (${EXPECTED_EMPLOYEES})
     SELECT o.id AS opdId, o.name, count(*) AS expected
     FROM expected x JOIN opd o ON o.id = x.opd_id GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
  ),
  present: db.prepare(presentSql('c.ceremony_id = @ceremonyId')),
  presentAfter: db.prepare(presentSql(NEW_ARRIVALS)),
}))

type Present = { opdId: number; present: number; late: number }
interface PerOpd {
  expected: Omit<OpdCount, 'present' | 'late'>[]
  present: Map<number, Present>
}

function addPresent(into: Map<number, Present>, rows: Present[]): Map<number, Present> {
  for (const r of rows) {
    const had = into.get(r.opdId)
    into.set(r.opdId, {
      opdId: r.opdId,
      present: (had?.present ?? 0) + r.present,
      late: (had?.late ?? 0) + r.late,
    })
  }
  return into
}

const perOpdTally = tallied<PerOpd>({
  all: (db, ceremonyId) => ({
    expected: perOpd(db).expected.all({ ceremonyId }) as PerOpd['expected'],
    present: addPresent(new Map(), perOpd(db).present.all({ ceremonyId }) as Present[]),
  }),
  add: (db, had, rows) => {
    addPresent(had.present, perOpd(db).presentAfter.all(rows) as Present[])
    return had
  },
})

/** Present, late and expected per OPD of a ceremony, in OPD name order. */
export function countPerOpd(db: Db, ceremonyId: number): OpdCount[] {
  const { expected, present } = perOpdTally(db, ceremonyId)
  return expected.map((o) => ({
    ...o,
    present: present.get(o.opdId)?.present ?? 0,
    late: present.get(o.opdId)?.late ?? 0,
  }))
}
