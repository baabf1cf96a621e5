import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/types'

export type Db = Database.Database

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron needs its own). */
  nativeBinding?: string
  migrations?: readonly Migration[]
}

/**
 * Opens (creating when absent) the kiosk's database: WAL so a crash never loses a
 * committed scan, synchronous=FULL so a confirmed scan survives power loss too.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file, { nativeBinding: options.nativeBinding })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, options.migrations ?? MIGRATIONS)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.length
  if (current > latest) {
    throw new UserError(
      'DB_TOO_NEW',
      `Basis data ini dibuat oleh versi aplikasi yang lebih baru (skema ${current}, aplikasi ini ${latest}). Perbarui aplikasi; data tidak diubah.`,
    )
  }
  if (current === latest) return
  db.transaction(() => {
    for (const step of migrations.slice(current)) db.exec(step.sql)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
}
