import fs from 'node:fs'
import path from 'node:path'
import type { Backup, Ceremony } from '../../shared/domain'
import type { KioskContext } from '../context'
import { openDatabase, type Db } from '../db/connection'
import { UserError } from '../errors'

/** How many copies are kept; the oldest go first. */
export const KEEP = 10
const NAME = /^kehadiran-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z0-9-]+)\.sqlite$/

export function backupDir(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'cadangan')
}

/**
 * A consistent copy of the live database through SQLite's online backup, written under a
 * temporary name and renamed, so a copy on disk is always whole. `reason`: a short tag such
 * as "acara-3" or "ekspor".
 */
export async function createBackup(
  db: Db,
  dbPath: string,
  reason: string,
  now: Date,
): Promise<Backup> {
  const dir = backupDir(dbPath)
  fs.mkdirSync(dir, { recursive: true })
  const tag =
    reason
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'manual'
  const name = `kehadiran-${now.toISOString().replace(/[:.]/g, '-')}-${tag}.sqlite`
  const target = path.join(dir, name)
  await db.backup(`${target}.tmp`)
  fs.renameSync(`${target}.tmp`, target)
  prune(dir)
  return describe(dir, name)!
}

/**
 * The automatic backups (a ceremony becoming active, an export): a failed copy is logged,
 * never a reason to stop what the officer is doing.
 */
export async function backUpQuietly(
  ctx: Pick<KioskContext, 'db' | 'dbPath' | 'now'>,
  reason: string,
): Promise<void> {
  await createBackup(ctx.db, ctx.dbPath, reason, ctx.now()).catch((e: unknown) =>
    console.error('[cadangan]', e),
  )
}

/** A ceremony that becomes the gate's active one starts with a backup. */
export async function backUpIfActive<C extends Pick<Ceremony, 'id' | 'active'>>(
  ctx: Pick<KioskContext, 'db' | 'dbPath' | 'now'>,
  ceremony: C,
): Promise<C> {
  if (ceremony.active) await backUpQuietly(ctx, `acara-${ceremony.id}`)
  return ceremony
}

function describe(dir: string, name: string): Backup | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [date, time] = m[1]!.split('T')
  const at = `${date}T${time!.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`
  return { name, at, reason: m[2]!, bytes: fs.statSync(path.join(dir, name)).size }
}

/** Newest first. */
export function listBackups(dbPath: string): Backup[] {
  return listIn(backupDir(dbPath))
}

function listIn(dir: string): Backup[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .map((name) => describe(dir, name))
    .filter((b): b is Backup => b !== null)
    .sort((a, b) => b.name.localeCompare(a.name))
}

function prune(dir: string): void {
  for (const old of listIn(dir).slice(KEEP)) fs.rmSync(path.join(dir, old.name))
}

/** Where a chosen backup waits for the next start to take the live database's place. */
export function stagedRestorePath(dbPath: string): string {
  return `${dbPath}.pulih`
}

/**
 * Stages a backup to replace the live database at the next start (the app restarts at once),
 * so no open handle ever sees its file swapped. The live state is backed up first, so a
 * restore can itself be undone, and the chosen copy is checked before anything is staged.
 */
export async function stageRestore(db: Db, dbPath: string, name: string, now: Date): Promise<void> {
  const chosen = listBackups(dbPath).find((b) => b.name === name)
  if (!chosen) throw new UserError('NOT_FOUND', `Cadangan ${name} tidak ditemukan.`)
  const source = path.join(backupDir(dbPath), name)
  openDatabase(source).close()
  await createBackup(db, dbPath, 'sebelum-pemulihan', now)
  const staged = stagedRestorePath(dbPath)
  fs.copyFileSync(source, `${staged}.tmp`)
  fsyncFile(`${staged}.tmp`)
  fs.renameSync(`${staged}.tmp`, staged)
}

/** At start-up, before the database is opened: puts a staged restore in place. */
export function applyStagedRestore(dbPath: string): boolean {
  const staged = stagedRestorePath(dbPath)
  if (!fs.existsSync(staged)) return false
  // The live file's WAL belongs to the state being replaced, which the pre-restore backup holds.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true })
  fs.renameSync(staged, dbPath)
  return true
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
