import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors'

export interface WriterLock {
  /** The sidecar file whose operating-system lock says "a kiosk writes to this database". */
  file: string
  release(): void
}

function code(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '')
}

function inUse(dbFile: string): UserError {
  return new UserError(
    'DB_IN_USE',
    `Basis data ${dbFile} sedang dipakai oleh kiosk lain: jendela kiosk kedua di laptop ini, atau laptop lain yang membuka berkas yang sama (misalnya di flashdisk). Tutup kiosk yang lain itu lebih dulu, lalu buka aplikasi ini lagi. Data tidak diubah.`,
  )
}

/** Opens the sidecar and takes its lock; throws the SQLite error as is when it cannot. */
function take(lockFile: string, nativeBinding: string | undefined): Database.Database {
  const lock = new Database(lockFile, { nativeBinding })
  try {
    lock.pragma('busy_timeout = 0')
    // EXCLUSIVE mode keeps the lock of the first write until the connection closes; the OS
    // drops it when the process dies, so a killed kiosk leaves no stale lock behind.
    lock.pragma('locking_mode = EXCLUSIVE')
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)')
    lock.transaction(() => {
      lock.exec('DELETE FROM holder')
      lock.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString())
    })()
    return lock
  } catch (error) {
    lock.close()
    throw error
  }
}

/**
 * Makes this process the only writer of a database file, across processes and laptops: the
 * lock lives on `<db>.lock`, not on the database itself, so this same process can still open
 * more connections to the database (readers, export workers) while it holds the lock.
 */
export function lockDatabaseFile(
  dbFile: string,
  options: { nativeBinding?: string } = {},
): WriterLock {
  const file = `${dbFile}.lock`
  fs.mkdirSync(path.dirname(file), { recursive: true })
  let lock: Database.Database
  try {
    try {
      lock = take(file, options.nativeBinding)
    } catch (error) {
      // A sidecar damaged by a crash mid-write holds nothing: nobody holding the lock could
      // have let us read far enough to find the damage. It carries no data; start it over.
      if (!/^SQLITE_(NOTADB|CORRUPT)/.test(code(error))) throw error
      fs.rmSync(file, { force: true })
      lock = take(file, options.nativeBinding)
    }
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(code(error))) throw inUse(dbFile)
    throw new UserError(
      'DB_OPEN',
      `Berkas kunci ${file} tidak bisa dibuat atau ditulis (${code(error) || (error as Error).message}). Periksa folder, izin, ruang disk, atau flashdisk.`,
    )
  }
  return {
    file,
    release: () => {
      if (lock.open) lock.close()
    },
  }
}
