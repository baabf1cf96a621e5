import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { Backup } from '../../shared/domain'
import type { Db } from '../db/connection'
import { MIGRATIONS } from '../db/migrations'
import { syncFolderSync, writeDurable } from '../durable-file'
import { UserError } from '../errors'
import { fsError, fsReason } from '../fs-errors'

/** How many copies are kept; the earliest made go first. */
export const KEEP = 10
/**
 * "kehadiran-000042-2024-09-30T07-00-00-000Z-ekspor.sqlite": a sequence number, then the clock
 * time. The sequence orders the copies as they were made, whatever the laptop clock said;
 * copies from before it had one (no number) count as made before every numbered one.
 */
const NAME =
  /^kehadiran-(?:(\d{6,})-)?(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z0-9-]+)\.sqlite$/

export function backupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'cadangan')
}

/**
 * A consistent copy of the live database through SQLite's online backup, written durably
 * (durable-file.ts), so a copy on disk is always whole. `reason`: a short tag such
 * as "acara-3" or "ekspor".
 */
export async function createBackup(
  db: Db,
  dbPath: string,
  reason: string,
  now: Date,
): Promise<Backup> {
  const dir = backupDir(dbPath)
  const tag =
    reason
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'manual'
  let name = ''
  try {
    fs.mkdirSync(dir, { recursive: true })
    const seq = String((listIn(dir)[0]?.seq ?? 0) + 1).padStart(6, '0')
    name = `kehadiran-${seq}-${now.toISOString().replace(/[:.]/g, '-')}-${tag}.sqlite`
    await writeDurable(path.join(dir, name), async (temp) => {
      await db.backup(temp)
    })
  } catch (error) {
    throw fsError('BACKUP_WRITE', error, 'membuat cadangan', name || dir)
  }
  prune(dir, name)
  return describe(dir, name)!
}

type Listed = Backup & { seq: number }

function describe(dir: string, name: string): Listed | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [date, time] = m[2]!.split('T')
  const at = `${date}T${time!.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`
  const bytes = fs.statSync(path.join(dir, name)).size
  return { name, at, reason: m[3]!, bytes, seq: Number(m[1] ?? 0) }
}

/** The last made first. */
export function listBackups(dbPath: string): Backup[] {
  return listIn(backupDir(dbPath)).map(({ seq: _seq, ...backup }) => backup)
}

function listIn(dir: string): Listed[] {
  if (!fs.existsSync(dir)) return []
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch (error) {
    throw fsError('BACKUP_READ', error, 'membaca folder cadangan', dir)
  }
  return names
    .map((name) => describe(dir, name))
    .filter((b): b is Listed => b !== null)
    .sort((a, b) => b.seq - a.seq || b.at.localeCompare(a.at))
}

/** Keeps the last KEEP made, by sequence, and never the copy just made whatever it says. */
function prune(dir: string, made: string): void {
  const others = listIn(dir).filter((b) => b.name !== made)
  for (const old of others.slice(KEEP - 1)) fs.rmSync(path.join(dir, old.name), { force: true })
}

/** Where a chosen backup waits for the next start to take the live database's place. */
export function stagedRestorePath(dbPath: string): string {
  return `${dbPath}.pulih`
}

/** The heavy steps of a restore, which the app runs in worker threads (src/main/jobs). */
export interface RestoreSteps {
  /** Copies the chosen backup `source` to `copy` and checks the copy. */
  copyAndCheck(source: string, copy: string, label: string): Promise<unknown>
  backUp(db: Db, dbPath: string, reason: string, now: Date): Promise<unknown>
}

/**
 * The restore's first step: exactly the bytes that will be restored are checked, in the copy;
 * the backup itself is only ever read.
 */
export async function copyAndCheck(source: string, copy: string, label: string): Promise<void> {
  await fs.promises.copyFile(source, copy)
  checkDatabaseFile(copy, label)
}

const inThread: RestoreSteps = { copyAndCheck, backUp: createBackup }

/**
 * Stages a backup to replace the live database at the next start (the app restarts at once),
 * so no open handle ever sees its file swapped. The live state is backed up first, so a
 * restore can itself be undone, and the chosen copy is checked before anything is staged.
 */
export async function stageRestore(
  db: Db,
  dbPath: string,
  name: string,
  now: Date,
  steps: RestoreSteps = inThread,
): Promise<void> {
  const chosen = listBackups(dbPath).find((b) => b.name === name)
  if (!chosen) throw new UserError('NOT_FOUND', `Cadangan ${name} tidak ditemukan.`)
  const source = path.join(backupDir(dbPath), name)
  const staged = stagedRestorePath(dbPath)
  try {
    // The copy is staged only once it passed and the current data is saved.
    await writeDurable(staged, async (temp) => {
      await steps.copyAndCheck(source, temp, name)
      await steps.backUp(db, dbPath, 'sebelum-pemulihan', now)
    })
  } catch (error) {
    throw fsError('RESTORE', error, 'menyiapkan pemulihan dari cadangan', name)
  }
}

const KIOSK_TABLES = ['employee', 'opd', 'ceremony', 'checkin']

/**
 * Whether a file is a whole kiosk database this version can open, checked without writing
 * to it: opened read-only (no WAL switch, no migration), integrity and schema version read.
 * SQLite makes a -wal and -shm beside a WAL file even read-only; those it made are removed.
 * `label` names the file in the refusal.
 */
export function checkDatabaseFile(file: string, label: string): void {
  const sideFiles = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f))
  let db: Db | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const check = String(db.pragma('integrity_check', { simple: true }))
    if (check !== 'ok') refuse(label, `isinya rusak (${check.slice(0, 120)})`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > MIGRATIONS.length) {
      refuse(
        label,
        `dibuat oleh versi aplikasi yang lebih baru (skema ${version}, aplikasi ini ${MIGRATIONS.length}); perbarui aplikasi dahulu`,
      )
    }
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[]
    if (version < 1 || KIOSK_TABLES.some((t) => !tables.includes(t))) {
      refuse(label, 'bukan basis data kiosk kehadiran apel')
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    refuse(label, databaseReason(error))
  } finally {
    db?.close()
    for (const f of sideFiles) fs.rmSync(f, { force: true })
  }
}

function databaseReason(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '')
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code))
    return 'bukan berkas basis data yang utuh (rusak atau terpotong)'
  return fsReason(error)
}

function refuse(label: string, why: string): never {
  throw new UserError(
    'BACKUP_INVALID',
    `Cadangan "${label}" tidak dapat dipulihkan: ${why}. Data saat ini tidak diubah.`,
  )
}

/** At start-up, before the database is opened: puts a staged restore in place. */
export function applyStagedRestore(dbPath: string): boolean {
  const staged = stagedRestorePath(dbPath)
  if (!fs.existsSync(staged)) return false
  // The live file's WAL belongs to the state being replaced, which the pre-restore backup holds.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
  fs.renameSync(staged, dbPath)
  syncFolderSync(path.dirname(dbPath))
  return true
}
