import type { Db } from './connection'

interface ForeignKey {
  table: string
  from: string
  to: string | null
}

/** Every column in the schema that points at `target`, read from SQLite's own catalogue. */
function referencesTo(db: Db, target: string): ForeignKey[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  return tables.flatMap((table) =>
    (db.pragma(`foreign_key_list("${table}")`) as { table: string; from: string; to: string }[])
      .filter((fk) => fk.table === target)
      .map((fk) => ({ table, from: fk.from, to: fk.to })),
  )
}

/**
 * Deletes the rows of `table` that `where` selects, and first every row anywhere that points
 * at them (and at those, in turn). Walking the foreign keys that the schema declares, rather
 * than a list written here, keeps this right when a later migration adds a table that refers
 * to employees, OPD or ceremonies. Run inside the caller's transaction. Returns rows deleted
 * from `table` itself.
 */
export function deleteWithDependents(
  db: Db,
  table: string,
  where: string,
  params: unknown[] = [],
  depth = 0,
): number {
  if (depth > 8) throw new Error(`foreign keys too deep at ${table}`)
  for (const fk of referencesTo(db, table)) {
    const key = fk.to ?? 'rowid'
    deleteWithDependents(
      db,
      fk.table,
      `"${fk.from}" IN (SELECT "${key}" FROM "${table}" WHERE ${where})`,
      params,
      depth + 1,
    )
  }
  return db.prepare(`DELETE FROM "${table}" WHERE ${where}`).run(...params).changes
}
