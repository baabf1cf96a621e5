import type { Db } from './connection'

/**
 * Makes something once per connection and hands back the same one after: prepared statements
 * on the hot path, compiled on first use (or when warmed) and never again.
 */
export function perDb<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>()
  return (db) => {
    let value = made.get(db)
    if (value === undefined) made.set(db, (value = make(db)))
    return value
  }
}
