import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  KEEP,
  applyStagedRestore,
  backupDir,
  checkDatabaseFile,
  createBackup,
  listBackups,
  stagedRestorePath,
} from '../../src/main/backup/backups'
import type { JobProgress } from '../../src/shared/jobs'
import { openDatabase } from '../../src/main/db/connection'
import { MIGRATIONS } from '../../src/main/db/migrations'
import type { KioskContext } from '../../src/main/context'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { tempDb } from '../fixtures/temp-db'
import { testContext } from '../fixtures/context'

let ctx: KioskContext
let handlers: Handlers
let cleanup: () => void
let clock = Date.parse('2024-09-30T00:00:00Z')

beforeEach(() => {
  const t = tempDb()
  cleanup = t.cleanup
  ctx = testContext({
    db: t.db,
    dbPath: t.file,
    kioskId: 'K',
    now: () => new Date((clock += 1000)),
  })
  handlers = createHandlers(ctx)
})
afterEach(() => cleanup())

const ceremony = {
  name: 'Apel',
  date: '2030-01-01',
  startTime: '07:00',
  lateTime: '07:15',
  place: '',
  timeZone: 'Asia/Jakarta',
  opdIds: null,
  unknownPolicy: 'review',
}
const names = () => ctx.db.prepare('SELECT name FROM ceremony ORDER BY id').pluck().all()

describe('automatic backups', () => {
  it('copies the database when a ceremony becomes the active one', async () => {
    const created = await invoke(handlers, 'ceremony.create', ceremony)
    expect(created).toMatchObject({ ok: true, value: { active: true } })
    const [backup] = listBackups(ctx.dbPath)
    expect(backup).toMatchObject({ reason: expect.stringMatching(/^acara-\d+$/) })
    const copy = openDatabase(path.join(backupDir(ctx.dbPath), backup!.name))
    expect(copy.prepare('SELECT name FROM ceremony').pluck().all()).toEqual(['Apel'])
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
  })

  it(`keeps the last ${KEEP}, newest first`, async () => {
    for (let i = 0; i < KEEP + 3; i++)
      await createBackup(ctx.db, ctx.dbPath, `uji ${i}`, new Date((clock += 1000)))
    const kept = listBackups(ctx.dbPath)
    expect(kept).toHaveLength(KEEP)
    expect(kept[0]!.reason).toBe(`uji-${KEEP + 2}`)
    expect(kept.at(-1)!.reason).toBe('uji-3')
    expect(fs.readdirSync(backupDir(ctx.dbPath)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})

describe('backups and the laptop clock', () => {
  it('keeps the copy just made when the clock is a day behind ten newer copies', async () => {
    for (let i = 0; i < KEEP; i++) await createBackup(ctx.db, ctx.dbPath, `uji ${i}`, ctx.now())
    const dayBefore = Date.parse('2024-09-29T00:00:00Z')
    ctx.now = () => new Date(dayBefore)
    const made = await invoke(handlers, 'backup.create', undefined)
    expect(made).toMatchObject({
      ok: true,
      value: { reason: 'manual', at: '2024-09-29T00:00:00.000Z' },
    })
    const kept = listBackups(ctx.dbPath)
    expect(kept).toHaveLength(KEEP)
    // Ordered as made, not as the clock said: the new copy first, the first copy made gone.
    expect(kept[0]!.name).toBe((made as { value: { name: string } }).value.name)
    expect(kept.map((b) => b.reason)).toEqual([
      'manual',
      ...Array.from({ length: KEEP - 1 }, (_, i) => `uji-${KEEP - 1 - i}`),
    ])
    expect(fs.existsSync(path.join(backupDir(ctx.dbPath), kept[0]!.name))).toBe(true)
  })

  it('counts copies named before the sequence existed as made before every numbered one', async () => {
    const dir = backupDir(ctx.dbPath)
    fs.mkdirSync(dir, { recursive: true })
    // The old name format, with a clock far in the future.
    await ctx.db.backup(path.join(dir, 'kehadiran-2099-01-01T00-00-00-000Z-lama.sqlite'))
    const made = await createBackup(ctx.db, ctx.dbPath, 'baru', ctx.now())
    expect(listBackups(ctx.dbPath).map((b) => b.name)).toEqual([
      made.name,
      'kehadiran-2099-01-01T00-00-00-000Z-lama.sqlite',
    ])
    expect(made.name).toMatch(/^kehadiran-000001-/)
  })

  it('says in Indonesian which folder could not take the backup', async () => {
    // A file where the backup folder should be: no permission trick, works as root too.
    fs.writeFileSync(backupDir(ctx.dbPath), 'bukan folder')
    const result = await invoke(handlers, 'backup.create', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_WRITE' } })
    const { message } = (result as { error: { message: string } }).error
    expect(message).toContain(`Gagal membuat cadangan "${backupDir(ctx.dbPath)}"`)
    expect(message).toContain('sudah ada berkas bernama sama di tempat yang seharusnya folder')
    expect(await invoke(handlers, 'backup.list', undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'BACKUP_READ',
        message: `Gagal membaca folder cadangan "${backupDir(ctx.dbPath)}": sebagian jalurnya adalah berkas, bukan folder; pilih folder lain.`,
      },
    })
  })
})

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('checking a backup before restoring it', () => {
  /** A file in the backup folder with a backup's name and the given bytes. */
  function planted(bytes: Buffer | string): string {
    const dir = backupDir(ctx.dbPath)
    fs.mkdirSync(dir, { recursive: true })
    const name = 'kehadiran-000900-2024-09-30T00-00-00-000Z-manual.sqlite'
    fs.writeFileSync(path.join(dir, name), bytes)
    return name
  }

  async function copyWith(edit: (db: Database.Database) => void): Promise<Buffer> {
    const file = path.join(path.dirname(ctx.dbPath), 'racikan.sqlite')
    await ctx.db.backup(file)
    const db = new Database(file)
    edit(db)
    db.close()
    return fs.readFileSync(file)
  }

  it('reads a good backup without changing a byte or leaving files beside it', async () => {
    const made = await createBackup(ctx.db, ctx.dbPath, 'uji', ctx.now())
    const file = path.join(backupDir(ctx.dbPath), made.name)
    const before = sha256(file)
    checkDatabaseFile(file, made.name)
    expect(sha256(file)).toBe(before)
    expect(fs.readdirSync(backupDir(ctx.dbPath))).toEqual([made.name])
  })

  const crafted: [string, () => Promise<Buffer | string>, string][] = [
    [
      'garbage',
      async () => 'ini bukan basis data '.repeat(500),
      'bukan berkas basis data yang utuh',
    ],
    [
      'truncated',
      async () => (await copyWith(() => undefined)).subarray(0, 4096 * 2 + 100),
      'rusak atau terpotong',
    ],
    [
      'a newer schema',
      () => copyWith((db) => db.pragma(`user_version = ${MIGRATIONS.length + 1}`)),
      `dibuat oleh versi aplikasi yang lebih baru (skema ${MIGRATIONS.length + 1}`,
    ],
    [
      'another SQLite database',
      async () => {
        const file = path.join(path.dirname(ctx.dbPath), 'lain.sqlite')
        const db = new Database(file)
        db.exec('CREATE TABLE catatan (isi TEXT)')
        db.close()
        return fs.readFileSync(file)
      },
      'bukan basis data kiosk kehadiran apel',
    ],
  ]
  for (const [kind, bytes, why] of crafted) {
    it(`refuses ${kind} in Indonesian, unchanged, and stages nothing`, async () => {
      const name = planted(await bytes())
      const file = path.join(backupDir(ctx.dbPath), name)
      const before = sha256(file)
      const result = await invoke(handlers, 'backup.restore', { name })
      expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } })
      const { message } = (result as { error: { message: string } }).error
      expect(message).toContain(`Cadangan "${name}" tidak dapat dipulihkan`)
      expect(message).toContain(why)
      expect(message).toContain('Data saat ini tidak diubah.')
      expect(sha256(file)).toBe(before)
      expect(fs.readdirSync(backupDir(ctx.dbPath))).toEqual([name])
      expect(fs.readdirSync(path.dirname(ctx.dbPath)).filter((f) => f.includes('.pulih'))).toEqual(
        [],
      )
    })
  }
})

describe('restoring a backup', () => {
  /** Every job progress event from now on. */
  function jobEvents(): JobProgress[] {
    const seen: JobProgress[] = []
    ctx.events.listen((name, payload) => {
      if (name === 'job.progress') seen.push(payload as JobProgress)
    })
    return seen
  }
  /** What a restore may leave beside the live database: the staged copy, or a temporary file. */
  const leftovers = () =>
    fs.readdirSync(path.dirname(ctx.dbPath)).filter((f) => f.includes('.pulih'))

  it('stages the copy, keeps the state it replaces, and puts it in place at the next start', async () => {
    await invoke(handlers, 'ceremony.create', ceremony)
    const before = listBackups(ctx.dbPath)[0]!
    await invoke(handlers, 'ceremony.create', { ...ceremony, name: 'Apel kedua' })
    const jobs = jobEvents()
    expect(await invoke(handlers, 'backup.restore', { name: before.name })).toEqual({
      ok: true,
      value: { restarting: false },
    })
    expect(listBackups(ctx.dbPath)[0]!.reason).toBe('sebelum-pemulihan')
    // Copy and check ran in a worker, then the backup of the state it replaces, in another.
    expect(jobs.filter((p) => p.state !== 'running').map((p) => [p.kind, p.state])).toEqual([
      ['restore-check', 'done'],
      ['backup', 'done'],
    ])
    expect(jobs.map((p) => p.label)).toContain(`Menyalin dan memeriksa cadangan ${before.name}`)
    const staged = stagedRestorePath(ctx.dbPath)
    expect(sha256(staged)).toBe(sha256(path.join(backupDir(ctx.dbPath), before.name)))
    expect(leftovers()).toEqual([path.basename(staged)])
    expect(names()).toEqual(['Apel', 'Apel kedua']) // nothing swapped under the open database

    ctx.db.close()
    expect(applyStagedRestore(ctx.dbPath)).toBe(true)
    ctx.db = openDatabase(ctx.dbPath)
    expect(names()).toEqual(['Apel'])
    expect(applyStagedRestore(ctx.dbPath)).toBe(false)
  })

  it('a restore stopped while its copy is made stages nothing and leaves no half-copy', async () => {
    await invoke(handlers, 'ceremony.create', ceremony)
    const [backup] = listBackups(ctx.dbPath)
    const stop = ctx.events.listen((name, payload) => {
      const p = payload as JobProgress
      if (name === 'job.progress' && p.kind === 'restore-check' && p.state === 'running')
        void invoke(handlers, 'job.cancel', { jobId: p.jobId })
    })
    const result = await invoke(handlers, 'backup.restore', { name: backup!.name })
    stop()
    expect(result).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } })
    expect((result as { error: { message: string } }).error.message).toContain('dibatalkan')
    expect(leftovers()).toEqual([])
    expect(listBackups(ctx.dbPath)).toHaveLength(1)
  })

  it('refuses a name that is not one of the backups', async () => {
    expect(await invoke(handlers, 'backup.restore', { name: '..' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await invoke(handlers, 'backup.restore', { name: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    })
  })
})
