export interface Migration {
  /** PRAGMA user_version after this step. */
  version: number
  name: string
  sql: string
}
