import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'

/** Which arrivals a tally adds: the ones with ids in (afterId, upTo], of one ceremony. */
export interface NewArrivals {
  ceremonyId: number
  afterId: number
  upTo: number
}

/**
 * A count over a ceremony's arrivals that the gate re-reads after every scan: counted whole
 * once, then only the arrivals added since are added. `add` may change `had` in place and
 * returns it, or null when the new rows could change what was already counted (count whole).
 */
export interface Tallied<T> {
  all(db: Db, ceremonyId: number): T
  add(db: Db, had: T, rows: NewArrivals): T | null
}

interface Kept<T> {
  ceremonyId: number
  /** counts_generation when counted: any other value means something besides arrivals changed. */
  generation: number
  /** The highest checkin id counted (of any ceremony). */
  lastId: number
  value: T
}

const marks = perDb((db) => ({
  generation: db.prepare('SELECT n FROM counts_generation').pluck(),
  lastId: db.prepare('SELECT coalesce(max(id), 0) FROM checkin').pluck(),
}))

/**
 * Keeps a tally per connection, for the last ceremony asked (the gate watches one at a time).
 * Between two values of counts_generation (migration counts-generation) arrivals are only
 * added, and they get ever higher ids, so the tally so far plus the rows after the last id
 * counted is the tally. Read in one transaction, so a worker's commit cannot fall between the
 * marks and the rows. Inside a caller's transaction nothing is kept: it may still roll back,
 * and an id it counted would then be given to another arrival.
 */
export function tallied<T>(tally: Tallied<T>): (db: Db, ceremonyId: number) => T {
  const kept = new WeakMap<Db, Kept<T>>()
  const latest = (db: Db, ceremonyId: number): Kept<T> => {
    const generation = marks(db).generation.get() as number
    const lastId = marks(db).lastId.get() as number
    const had = kept.get(db)
    if (had && had.ceremonyId === ceremonyId && had.generation === generation) {
      if (lastId === had.lastId) return had
      const value = tally.add(db, had.value, { ceremonyId, afterId: had.lastId, upTo: lastId })
      if (value !== null) return { ...had, lastId, value }
    }
    return { ceremonyId, generation, lastId, value: tally.all(db, ceremonyId) }
  }
  return (db, ceremonyId) => {
    if (db.inTransaction) return tally.all(db, ceremonyId)
    const now = db.transaction(() => latest(db, ceremonyId))()
    kept.set(db, now)
    return now.value
  }
}

/** Arrivals by rowid from the last one counted; the unary + keeps SQLite off the ceremony's index. */
export const NEW_ARRIVALS = 'c.id > @afterId AND c.id <= @upTo AND +c.ceremony_id = @ceremonyId'
