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
  let db: Db | undefined
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    db = new Database(file, { nativeBinding: options.nativeBinding })
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' })
    migrate(db, options.migrations ?? MIGRATIONS)
    return db
  } catch (error) {
    db?.close()
    throw isCorrupt(error) || error instanceof UserError ? error : cannotOpen(file, error)
  }
}

function errorCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '')
}

function isCorrupt(error: unknown): boolean {
  return /^SQLITE_(NOTADB|CORRUPT)/.test(errorCode(error))
}

function cannotOpen(file: string, error: unknown): UserError {
  return new UserError(
    'DB_OPEN',
    `Basis data ${file} tidak bisa dibuka atau ditulis (${errorCode(error) || (error as Error).message}). Periksa folder, izin, ruang disk, atau flashdisk.`,
  )
}

export interface OpenedDatabase {
  db: Db
  /** Where a damaged file was moved, so the officer can be told and the file rescued. */
  movedAside: string | null
}

/**
 * For the app: a damaged database file is moved aside with its WAL, never overwritten, and a
 * fresh one is started; the caller tells the officer where the old one went.
 */
export function openKioskDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  try {
    return { db: openDatabase(file, options), movedAside: null }
  } catch (error) {
    if (!isCorrupt(error)) throw error
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const aside = `${file}.rusak-${stamp}`
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
    }
    return { db: openDatabase(file, options), movedAside: aside }
  }
}

/**
 * Versions are positional; a step whose own version disagrees with its place (a renumbering
 * half done at a merge) would stamp the wrong user_version, so nothing runs.
 */
function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((step, index) => {
    if (step.version === index + 1) return
    throw new UserError(
      'DB_MIGRATION_ORDER',
      `Daftar migrasi aplikasi ini salah susun: langkah ke-${index + 1} (${step.name}) bernomor ${step.version}. Basis data tidak diubah; laporkan ke pengembang.`,
    )
  })
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  checkOrder(migrations)
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
    for (const step of migrations.slice(current)) {
      db.exec(step.sql)
      step.run?.(db)
      db.pragma(`user_version = ${step.version}`)
    }
  }).immediate()
}
