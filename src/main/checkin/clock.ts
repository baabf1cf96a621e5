import type { Ceremony, ClockStatus } from '../../shared/domain'
import { formatCount } from '../../shared/format'
import { formatDate, formatTime, localToUtc } from '../../shared/time'
import type { Db } from '../db/connection'
import { lastArrival } from './record'

const DAY_MS = 24 * 60 * 60_000
/** Clocks are nudged by a second or so when they sync; that is not "running backwards". */
const BACK_TOLERANCE_MS = 1_000

const at = (iso: string, zone: Ceremony['timeZone']) =>
  `${formatDate(iso, zone)} pukul ${formatTime(iso, zone)}`

/**
 * More than a day outside the ceremony's local calendar day: setting up the evening before or
 * exporting the next morning is normal, a laptop on last month's date is not.
 */
export function farFromCeremony(ceremony: Ceremony, now: Date): string | null {
  const dayStart = Date.parse(localToUtc(ceremony.date, '00:00', ceremony.timeZone))
  const t = now.getTime()
  if (t >= dayStart - DAY_MS && t < dayStart + 2 * DAY_MS) return null
  return `Jam laptop menunjukkan ${at(now.toISOString(), ceremony.timeZone)}, padahal acara dijadwalkan ${formatDate(ceremony.startsAt, ceremony.timeZone)}. Bila tanggal atau jam laptop salah, betulkan lebih dulu: waktu datang dan keterlambatan dicatat dari jam ini.`
}

export function behindLastScan(
  db: Db,
  ceremony: Ceremony,
  now: Date,
  kioskId: string,
): string | null {
  const last = lastArrival(db, kioskId)
  if (!last || Date.parse(last.at) - now.getTime() <= BACK_TOLERANCE_MS) return null
  return `Jam laptop mundur: pindaian terakhir tercatat ${at(last.at, ceremony.timeZone)}, sekarang jam laptop menunjukkan ${at(now.toISOString(), ceremony.timeZone)}. Periksa jam laptop.`
}

function flaggedArrivals(db: Db, ceremony: Ceremony): string | null {
  const n = db
    .prepare(
      'SELECT count(*) FROM checkin WHERE ceremony_id = ? AND clock_back = 1 AND cancelled_at IS NULL',
    )
    .pluck()
    .get(ceremony.id) as number
  if (n === 0) return null
  return `${formatCount(n)} kehadiran di acara ini tercatat dengan jam lebih awal daripada pindaian sebelumnya (jam laptop mundur). Urutan pindaian yang sebenarnya tetap tersimpan.`
}

/**
 * What the gate tells the officer about the laptop's clock: a date far from the ceremony's, a
 * clock now behind this kiosk's last scan, and arrivals recorded while it ran backwards.
 */
export function clockStatus(db: Db, ceremony: Ceremony, now: Date, kioskId: string): ClockStatus {
  const parts = [
    farFromCeremony(ceremony, now),
    behindLastScan(db, ceremony, now, kioskId),
    flaggedArrivals(db, ceremony),
  ].filter((p) => p !== null)
  return { warning: parts.length ? parts.join(' ') : null }
}
