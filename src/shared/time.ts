/** Indonesia's three zones have no daylight saving, so a fixed offset is exact. */
export const TIME_ZONES = {
  'Asia/Jakarta': { label: 'WIB', offsetHours: 7 },
  'Asia/Makassar': { label: 'WITA', offsetHours: 8 },
  'Asia/Jayapura': { label: 'WIT', offsetHours: 9 },
} as const
export type TimeZoneId = keyof typeof TIME_ZONES
export const TIME_ZONE_IDS = Object.keys(TIME_ZONES) as [TimeZoneId, ...TimeZoneId[]]

const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']
const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
]

/** Local wall-clock date ("2024-09-30") and time ("07.30" or "07:30") in a zone, to a UTC instant. */
export function localToUtc(date: string, time: string, zone: TimeZoneId): string {
  const [y, mo, d] = date.split('-').map(Number)
  const [h, mi] = time.split(/[.:]/).map(Number)
  const ms = Date.UTC(y!, mo! - 1, d!, h! - TIME_ZONES[zone].offsetHours, mi!)
  return new Date(ms).toISOString()
}

interface LocalParts {
  date: string
  time: string
  weekday: number
  day: number
  month: number
  year: number
}

/**
 * The local wall clock of an instant as a Date whose UTC fields read that wall clock: what a
 * spreadsheet date cell (which has no zone) must hold to show local time.
 */
export function wallClockDate(iso: string, zone: TimeZoneId): Date {
  return new Date(Date.parse(iso) + TIME_ZONES[zone].offsetHours * 3_600_000)
}

export function utcToLocal(iso: string, zone: TimeZoneId): LocalParts {
  const shifted = wallClockDate(iso, zone)
  const pad = (n: number) => String(n).padStart(2, '0')
  const year = shifted.getUTCFullYear()
  const month = shifted.getUTCMonth() + 1
  const day = shifted.getUTCDate()
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    weekday: shifted.getUTCDay(),
    day,
    month,
    year,
  }
}

/** "07.30 WIB" */
export function formatTime(iso: string, zone: TimeZoneId): string {
  return `${utcToLocal(iso, zone).time.replace(':', '.')} ${TIME_ZONES[zone].label}`
}

/** "Senin, 30 September 2024" */
export function formatDate(iso: string, zone: TimeZoneId): string {
  return `${HARI[utcToLocal(iso, zone).weekday]}, ${formatDay(iso, zone)}`
}

/** "30 September 2024": the date under a signature, after the place. */
export function formatDay(iso: string, zone: TimeZoneId): string {
  const p = utcToLocal(iso, zone)
  return `${p.day} ${BULAN[p.month - 1]} ${p.year}`
}
