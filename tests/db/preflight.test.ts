import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupDir } from '../../src/main/backup/backups'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import type { KioskContext } from '../../src/main/context'
import { openDatabase } from '../../src/main/db/connection'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { preflightHandlers } from '../../src/main/ipc/preflight'
import { checkClock, type ClockFacts } from '../../src/main/preflight/clock'
import { checkIntegrity } from '../../src/main/preflight/database'
import { checkDisplay } from '../../src/main/preflight/display'
import {
  checkBackupFolder,
  checkDataFolder,
  checkFolder,
  judgeSpace,
} from '../../src/main/preflight/storage'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import type { PreflightItem, PreflightResult } from '../../src/shared/contract/preflight'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { tempDb, tempDir } from '../fixtures/temp-db'
import { mountTmpfs, tmpfsUnavailable } from '../fixtures/tmpfs'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const MB = 1024 * 1024
const GB = 1024 * MB

function folder(prefix = 'kiosk-preflight-'): string {
  const dir = tempDir(prefix)
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

function database() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  return t
}

const cannotMount = tmpfsUnavailable()
if (cannotMount) console.log(`[preflight] tmpfs DILEWATI: ${cannotMount}`)

function tmpfs(size: string): string {
  const dir = tempDir('kiosk-preflight-tmpfs-')
  expect(mountTmpfs(dir, size)).toBeNull()
  cleanups.push(() => {
    execFileSync('umount', [dir])
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

describe('disk space and the data folder', () => {
  it('is red under 100 MB, amber under 1 GB or under 50 times the database, green otherwise', () => {
    expect(judgeSpace({ freeBytes: 99 * MB, dbBytes: 1 * MB })).toBe('fail')
    expect(judgeSpace({ freeBytes: 100 * MB, dbBytes: 1 * MB })).toBe('warn')
    expect(judgeSpace({ freeBytes: 1023 * MB, dbBytes: 1 * MB })).toBe('warn')
    expect(judgeSpace({ freeBytes: 2 * GB, dbBytes: 1 * MB })).toBe('ok')
    // A 100 MB database on 4 GB free: ten backups and a day's exports would not fit.
    expect(judgeSpace({ freeBytes: 4 * GB, dbBytes: 100 * MB })).toBe('warn')
    expect(judgeSpace({ freeBytes: 6 * GB, dbBytes: 100 * MB })).toBe('ok')
  })

  it('writes, flushes and removes a real probe in the database folder, and names the folder', () => {
    const { file, dir } = database()
    const before = fs.readdirSync(dir).sort()
    const result = checkDataFolder(file)
    expect(result.detail).toContain(`Folder data ${dir} dapat ditulis`)
    expect(result.detail).toMatch(/Sisa ruang [\d.,]+ (MB|GB|TB); basis data [\d.,]+ KB/)
    // This machine has room; whatever it is, the verdict is the thresholds' own.
    expect(['ok', 'warn']).toContain(result.status)
    expect(fs.readdirSync(dir).sort()).toEqual(before)
  })

  it('is red, naming the folder and why, when the folder is gone or is a file', () => {
    const dir = folder()
    const gone = path.join(dir, 'flashdisk-dicabut')
    expect(checkFolder('Folder data', gone, 0)).toMatchObject({
      status: 'fail',
      detail: `Folder data ${gone} tidak dapat ditulis: folder tujuan tidak ditemukan; apakah flashdisk dicabut?.`,
    })
    const blocker = path.join(dir, 'berkas')
    fs.writeFileSync(blocker, 'x')
    const result = checkDataFolder(path.join(blocker, 'kiosk.sqlite'))
    expect(result.status).toBe('fail')
    expect(result.detail).toContain('sebagian jalurnya adalah berkas, bukan folder')
    expect(result.advice).toMatch(/kehadiran tidak tersimpan/)
  })

  it.skipIf(process.getuid?.() === 0)(
    'is red in a folder without write permission (chmod; root ignores it)',
    () => {
      const dir = folder()
      fs.chmodSync(dir, 0o555)
      cleanups.unshift(() => fs.chmodSync(dir, 0o755))
      const result = checkFolder('Folder data', dir, 0)
      expect(result.status).toBe('fail')
      expect(result.detail).toContain('tidak ada izin menulis di sana')
    },
  )

  describe.skipIf(cannotMount !== null)('on a real small or read-only disk (tmpfs)', () => {
    it('is red on a write-protected disk, and leaves it as it was', () => {
      const dir = tmpfs('8m')
      fs.writeFileSync(path.join(dir, 'kiosk.sqlite'), 'x')
      execFileSync('mount', ['-o', 'remount,ro', dir])
      const result = checkDataFolder(path.join(dir, 'kiosk.sqlite'))
      execFileSync('mount', ['-o', 'remount,rw', dir])
      expect(result).toMatchObject({ status: 'fail' })
      expect(result.detail).toContain(
        `Folder data ${dir} tidak dapat ditulis: disk atau flashdisk itu hanya-baca`,
      )
      expect(fs.readdirSync(dir)).toEqual(['kiosk.sqlite'])
    })

    it('is red on a 50 MB disk and amber on a 500 MB one, by the space statfs reports', () => {
      const small = checkFolder('Folder data', tmpfs('50m'), 0)
      expect(small.status).toBe('fail')
      expect(small.detail).toMatch(/Sisa ruang (49|50|5\d),?\d* MB/)
      expect(small.advice).toMatch(/menghentikan pencatatan/)
      const middling = checkFolder('Folder data', tmpfs('500m'), 0)
      expect(middling.status).toBe('warn')
      expect(middling.detail).toMatch(/Sisa ruang (49\d|500)(,\d)? MB/)
    })

    it('is red on a disk that cannot take the probe (full)', () => {
      const dir = tmpfs('128k')
      const result = checkFolder('Folder cadangan', dir, 0)
      expect(result.status).toBe('fail')
      expect(result.detail).toContain('penyimpanan penuh')
      expect(fs.readdirSync(dir)).toEqual([])
    })
  })

  it('makes the backup folder if it is not there yet, as the first backup would', () => {
    const { file } = database()
    const dir = backupDir(file)
    expect(fs.existsSync(dir)).toBe(false)
    const result = checkBackupFolder('Folder cadangan', dir, file)
    expect(result.detail).toContain(`Folder cadangan ${dir} dapat ditulis`)
    expect(fs.readdirSync(dir)).toEqual([])
  })
})

const WIB: Omit<ClockFacts, 'now'> = { offsetMinutes: 420, zoneName: 'Asia/Jakarta' }
const at = (iso: string, zone = WIB): ClockFacts => ({ now: new Date(iso), ...zone })

describe('the laptop clock and time zone', () => {
  function withCeremony(changes = {}) {
    const t = database()
    const ceremony = addCeremony(t.db, changes, PILKADA_2024)
    return { ...t, ceremony }
  }

  it('is green on the ceremony day in WIB', () => {
    const { db, ceremony } = withCeremony()
    const result = checkClock(db, ceremony, 'K', at('2024-09-30T00:10:00Z'))
    expect(result).toEqual({
      status: 'ok',
      detail:
        'Jam laptop: Senin, 30 September 2024 pukul 07.10 WIB (zona laptop Asia/Jakarta, UTC+07.00). Sesuai dengan tanggal acara "Apel Netralitas ASN Pilkada Serentak 2024".',
      advice: null,
    })
  })

  it('is red when the laptop is far from the ceremony date, in the gate`s own words', () => {
    const { db, ceremony } = withCeremony()
    const result = checkClock(db, ceremony, 'K', at('2026-12-01T01:00:00Z'))
    expect(result.status).toBe('fail')
    expect(result.detail).toContain('padahal acara dijadwalkan Senin, 30 September 2024')
    expect(result.advice).toContain('Betulkan tanggal dan jam laptop')
  })

  it('is amber the evening before: not the ceremony day, but near it', () => {
    const { db, ceremony } = withCeremony()
    const result = checkClock(db, ceremony, 'K', at('2024-09-29T12:00:00Z'))
    expect(result.status).toBe('warn')
    expect(result.detail).toContain('Hari ini Minggu, 29 September 2024, bukan hari acara')
  })

  it('is amber when the zone is not WIB, WITA or WIT, told by its offset, not its name', () => {
    const { db, ceremony } = withCeremony()
    const utc = checkClock(
      db,
      ceremony,
      'K',
      at('2024-09-30T00:10:00Z', { offsetMinutes: 0, zoneName: 'UTC' }),
    )
    expect(utc.status).toBe('warn')
    expect(utc.detail).toContain('Zona waktu laptop UTC (UTC+00.00) bukan WIB, WITA, atau WIT.')
    // Windows' "Bangkok, Hanoi, Jakarta" is WIB all the same.
    const bangkok = { offsetMinutes: 420, zoneName: 'Asia/Bangkok' }
    expect(checkClock(db, ceremony, 'K', at('2024-09-30T00:10:00Z', bangkok)).status).toBe('ok')
  })

  it('is amber when the laptop and the ceremony are in different Indonesian zones', () => {
    const { db, ceremony } = withCeremony({ timeZone: 'Asia/Makassar' })
    const wib = at('2024-09-30T00:10:00Z')
    const result = checkClock(db, ceremony, 'K', wib)
    expect(result.status).toBe('warn')
    expect(result.detail).toContain('Laptop memakai WIB, acara memakai WITA')
  })

  it('is red when the clock is behind the last scan this kiosk recorded', async () => {
    const { db, file, ceremony } = withCeremony()
    const handlers = createHandlers(
      testContext({
        db,
        dbPath: file,
        kioskId: 'GERBANG',
        now: () => new Date('2024-09-30T00:20:00Z'),
      }),
    )
    applyRoster(db, demoRoster(3), new Date())
    const nip = demoRoster(3)[0]!.nip
    expect(
      await invoke(handlers, 'checkin.scan', { payload: nip, source: 'pemindai' }),
    ).toMatchObject({ ok: true })
    const result = checkClock(db, ceremony, 'GERBANG', at('2024-09-30T00:05:00Z'))
    expect(result.status).toBe('fail')
    expect(result.detail).toContain('Jam laptop mundur: pindaian terakhir tercatat')
    // Another kiosk's scans say nothing about this laptop's clock.
    expect(checkClock(db, ceremony, 'LAIN', at('2024-09-30T00:05:00Z')).status).toBe('ok')
  })

  it('is amber without an active ceremony: there is no date to compare with', () => {
    const { db } = database()
    const result = checkClock(db, null, 'K', at('2024-09-30T00:10:00Z'))
    expect(result.status).toBe('warn')
    expect(result.advice).toContain('Aktifkan acara di menu Acara')
  })
})

describe('the second display', () => {
  const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }
  const projector = {
    id: 2,
    label: 'EPSON PJ',
    bounds: { x: 1366, y: 0, width: 1920, height: 1080 },
  }

  it('cannot be checked where no desktop shell runs: amber, said so', () => {
    expect(checkDisplay(undefined, false)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('tidak dapat diperiksa di sini'),
    })
  })

  it('is green with the projector beside the laptop, named with its size', () => {
    const result = checkDisplay({ all: [laptop, projector], kioskDisplayId: 1 }, false)
    expect(result.status).toBe('ok')
    expect(result.detail).toContain('Layar kedua ditemukan (EPSON PJ), 1920 × 1080')
  })

  it('is green when the OS mirrors the screen, or the officer says it does', () => {
    const mirror = { ...projector, bounds: laptop.bounds }
    expect(checkDisplay({ all: [laptop, mirror], kioskDisplayId: 1 }, false).status).toBe('ok')
    expect(checkDisplay({ all: [laptop], kioskDisplayId: 1 }, true).status).toBe('ok')
  })

  it('is amber with the laptop alone, saying how to connect the projector', () => {
    const result = checkDisplay({ all: [laptop], kioskDisplayId: 1 }, false)
    expect(result.status).toBe('warn')
    expect(result.advice).toContain('Windows+P')
  })
})

/** A database with some thousands of rows, closed, with its WAL folded in. */
function filledDatabaseFile(): string {
  const { db, file } = database()
  applyRoster(db, demoRoster(2400), new Date())
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return file
}

/** A copy with one page in the middle overwritten, as a failing disk or a pulled stick leaves it. */
function damagedCopy(file: string): string {
  const copy = path.join(folder(), 'rusak.sqlite')
  const bytes = fs.readFileSync(file)
  const pageSize = bytes.readUInt16BE(16)
  const pages = bytes.length / pageSize
  const page = Math.floor(pages / 2)
  bytes.fill(0xa5, page * pageSize + 8, (page + 1) * pageSize)
  fs.writeFileSync(copy, bytes)
  return copy
}

describe('the database integrity check', () => {
  it('is green on a whole database, red on a copy with a damaged page', () => {
    const file = filledDatabaseFile()
    const whole = openDatabase(file)
    cleanups.push(() => whole.close())
    expect(checkIntegrity(whole)).toMatchObject({ status: 'ok', advice: null })

    // Opened as the running kiosk holds it: damage that came after the start-up check.
    const damaged = new Database(damagedCopy(file))
    cleanups.push(() => damaged.close())
    const result = checkIntegrity(damaged)
    expect(result.status).toBe('fail')
    expect(result.detail).toMatch(/^Basis data (rusak|tidak dapat diperiksa)/)
    expect(result.advice).toContain('Pulihkan cadangan terakhir')
  })

  function table(dbPath: string, options?: { integrityLimitMs: number }) {
    const db = new Database(dbPath)
    cleanups.push(() => db.close())
    const ctx: KioskContext = testContext({ db, dbPath })
    const handlers = preflightHandlers(ctx, options)
    const check = (item: PreflightItem) => Promise.resolve(handlers['preflight.check']({ item }))
    return { ctx, check }
  }

  it('runs in a worker thread through the handler table: green, then red on the damaged copy', async () => {
    const file = filledDatabaseFile()
    const db = openDatabase(file)
    cleanups.push(() => db.close())
    const handlers = createHandlers(testContext({ db, dbPath: file }))
    const ok = await invoke(handlers, 'preflight.check', { item: 'database' })
    expect(ok).toMatchObject({ ok: true, value: { status: 'ok' } })

    const { check } = table(damagedCopy(file))
    const damaged: PreflightResult = await check('database')
    expect(damaged.status).toBe('fail')
  })

  it('is stopped, amber, when it outlasts its bound; two requests share one run', async () => {
    const { check } = table(filledDatabaseFile(), { integrityLimitMs: 1 })
    const [a, b] = await Promise.all([check('database'), check('database')])
    expect(a).toBe(b)
    expect(a).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('dihentikan setelah'),
    })
  })
})

describe('the preflight calls through the table', () => {
  it('answers every item, refuses an unknown one, and checks a folder only from main`s dialog', async () => {
    const { db, file } = database()
    setActiveCeremony(db, addCeremony(db).id)
    let picked: string | null = folder('kiosk-usb-')
    const ctx = testContext({
      db,
      dbPath: file,
      dialogs: {
        openRosterFile: async () => null,
        chooseExportFolder: async () => picked,
      },
    })
    const handlers = createHandlers(ctx)
    for (const item of ['disk', 'backup', 'clock', 'display', 'database'] as const) {
      const result = await invoke(handlers, 'preflight.check', { item })
      expect(result, item).toMatchObject({
        ok: true,
        value: { status: expect.stringMatching(/ok|warn|fail/) },
      })
    }
    expect(await invoke(handlers, 'preflight.check', { item: 'kamera' })).toMatchObject({
      ok: false,
    })
    expect(await invoke(handlers, 'preflight.checkFolder', { folder: '/' })).toMatchObject({
      ok: false,
    })
    const usb = picked
    expect(await invoke(handlers, 'preflight.checkFolder', undefined)).toMatchObject({
      ok: true,
      value: { folder: usb, detail: expect.stringContaining(`Folder ${usb} dapat ditulis`) },
    })
    picked = null
    expect(await invoke(handlers, 'preflight.checkFolder', undefined)).toEqual({
      ok: true,
      value: null,
    })
  })
})
