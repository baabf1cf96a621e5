import type { Db } from '../connection'

export interface Migration {
  /** PRAGMA user_version after this step. */
  version: number
  name: string
  sql: string
  /**
   * Work SQL cannot do (hashing), run right after `sql` in the same transaction. Shipped steps
   * must not change what it writes, like their SQL.
   */
  run?: (db: Db) => void
}
