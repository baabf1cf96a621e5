import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { PreflightResult } from '../../shared/contract/preflight'
import { formatBytes } from '../../shared/format'
import { fsReason } from '../fs-errors'

const MB = 1024 * 1024
/** Below this the next export or backup may not fit, and a full disk stops the scans. */
export const RED_FREE_BYTES = 100 * MB
export const AMBER_FREE_BYTES = 1024 * MB
/** Backups (ten kept), exports and the WAL all grow with the database. */
export const AMBER_DB_MULTIPLE = 50
/** The probe is about one export's worth of small writes: enough to meet a dying USB stick. */
const PROBE_BYTES = 256 * 1024
/** A write this slow makes every durable scan wait on the stick. */
export const SLOW_PROBE_MS = 1000

export interface SpaceFacts {
  freeBytes: number
  /** The database and its WAL: what the room left is measured against. */
  dbBytes: number
}

/** How much room is enough: red under 100 MB, amber under 1 GB or under 50 times the database. */
export function judgeSpace({ freeBytes, dbBytes }: SpaceFacts): PreflightResult['status'] {
  if (freeBytes < RED_FREE_BYTES) return 'fail'
  if (freeBytes < AMBER_FREE_BYTES || freeBytes < AMBER_DB_MULTIPLE * dbBytes) return 'warn'
  return 'ok'
}

export function freeBytes(dir: string): number {
  const s = fs.statfsSync(dir)
  return s.bavail * s.bsize
}

/** The database file and its WAL, as they sit on disk now. */
export function databaseBytes(dbPath: string): number {
  return ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + fs.statSync(dbPath + suffix).size
    } catch {
      return sum
    }
  }, 0)
}

/**
 * A real write in the folder: a probe file written, flushed to the device, and removed, as a
 * scan's commit and a backup would. Returns how long it took; throws Node's error.
 */
export function probeWrite(dir: string): number {
  const file = path.join(dir, `~uji-tulis.${randomBytes(4).toString('hex')}.tmp`)
  const started = performance.now()
  try {
    const fd = fs.openSync(file, 'wx')
    try {
      // A nearly full disk takes part of a write without an error; the rest then meets ENOSPC.
      const bytes = randomBytes(PROBE_BYTES)
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } finally {
    fs.rmSync(file, { force: true })
  }
  return Math.round(performance.now() - started)
}

const SPACE_ADVICE = {
  fail: 'Kosongkan ruang disk (hapus berkas yang tidak perlu, kosongkan Recycle Bin) atau pindahkan basis data ke disk lain sebelum apel: disk yang penuh menghentikan pencatatan.',
  warn: 'Ruang cukup untuk hari ini, tetapi sebaiknya kosongkan ruang disk sebelum apel berikutnya.',
} as const

/**
 * One folder the kiosk must write to: it exists, takes a flushed write, and has room.
 * `what` names it in the officer's words ("Folder data", "Folder cadangan").
 */
export function checkFolder(what: string, dir: string, dbBytes: number): PreflightResult {
  let ms: number
  let free: number
  try {
    ms = probeWrite(dir)
    free = freeBytes(dir)
  } catch (error) {
    return {
      status: 'fail',
      detail: `${what} ${dir} tidak dapat ditulis: ${fsReason(error)}.`,
      advice:
        'Pastikan disk atau flashdisk terpasang dan tidak dikunci tulis, lalu ulangi. Tanpa folder yang dapat ditulis, kehadiran tidak tersimpan.',
    }
  }
  const space = judgeSpace({ freeBytes: free, dbBytes })
  const slow = ms >= SLOW_PROBE_MS
  const detail = `${what} ${dir} dapat ditulis (uji tulis ${formatBytes(PROBE_BYTES)} dalam ${ms} ms). Sisa ruang ${formatBytes(free)}; basis data ${formatBytes(dbBytes)}.`
  if (space !== 'ok') return { status: space, detail, advice: SPACE_ADVICE[space] }
  if (slow) {
    return {
      status: 'warn',
      detail,
      advice:
        'Penulisan lambat: disk atau flashdisk ini membuat setiap pindaian menunggu. Pakai disk laptop atau flashdisk yang lebih cepat.',
    }
  }
  return { status: 'ok', detail, advice: null }
}

/** The data folder: where the database, its WAL and the lock file live. */
export function checkDataFolder(dbPath: string): PreflightResult {
  return checkFolder('Folder data', path.dirname(dbPath), databaseBytes(dbPath))
}

/**
 * A backup folder (the kiosk's own, made if missing as the first backup would, or a USB stick
 * the officer picked): one copy of the database must fit, with room to spare.
 */
export function checkBackupFolder(what: string, dir: string, dbPath: string): PreflightResult {
  try {
    fs.mkdirSync(dir, { recursive: true })
  } catch (error) {
    return {
      status: 'fail',
      detail: `${what} ${dir} tidak dapat dibuat: ${fsReason(error)}.`,
      advice: 'Pastikan disk atau flashdisk terpasang dan dapat ditulis, lalu ulangi.',
    }
  }
  return checkFolder(what, dir, databaseBytes(dbPath))
}
