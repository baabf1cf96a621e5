import type { PreflightResult } from '../../shared/contract/preflight'
import type { Ceremony } from '../../shared/domain'
import { formatDate, formatTime, TIME_ZONES, utcToLocal, type TimeZoneId } from '../../shared/time'
import { behindLastScan, farFromCeremony } from '../checkin/clock'
import type { Db } from '../db/connection'
import { verdict, type Finding } from './verdict'

/** What the laptop says about its clock, read by the caller (the OS in the app, fixed in tests). */
export interface ClockFacts {
  now: Date
  /** Minutes east of UTC, as the laptop applies them now (WIB 420). */
  offsetMinutes: number
  /** The zone's name as the OS reports it ("Asia/Jakarta", "Asia/Bangkok", "UTC"). */
  zoneName: string
}

/** The clock and zone of the process: what Windows' tray clock shows. */
export function laptopClock(now: Date): ClockFacts {
  return {
    now,
    offsetMinutes: -now.getTimezoneOffset(),
    zoneName: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'tidak diketahui',
  }
}

/**
 * By offset, not by name: Windows' "(UTC+07:00) Bangkok, Hanoi, Jakarta" may come back as
 * Asia/Bangkok, and it is WIB all the same.
 */
function indonesianZone(offsetMinutes: number): TimeZoneId | null {
  const ids = Object.keys(TIME_ZONES) as TimeZoneId[]
  return ids.find((id) => TIME_ZONES[id].offsetHours * 60 === offsetMinutes) ?? null
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `UTC${sign}${pad(Math.floor(abs / 60))}.${pad(abs % 60)}`
}

function zoneFindings(facts: ClockFacts, ceremony: Ceremony | null): Finding[] {
  const laptop = indonesianZone(facts.offsetMinutes)
  if (!laptop) {
    return [
      {
        status: 'warn',
        text: `Zona waktu laptop ${facts.zoneName} (${offsetLabel(facts.offsetMinutes)}) bukan WIB, WITA, atau WIT.`,
        advice:
          'Atur zona waktu di pengaturan Tanggal & Waktu Windows ke (UTC+07:00) untuk WIB, (UTC+08:00) untuk WITA, atau (UTC+09:00) untuk WIT, lalu periksa kembali jamnya.',
      },
    ]
  }
  if (ceremony && ceremony.timeZone !== laptop) {
    return [
      {
        status: 'warn',
        text: `Laptop memakai ${TIME_ZONES[laptop].label}, acara memakai ${TIME_ZONES[ceremony.timeZone].label}: jam di kiosk mengikuti zona acara, jam di pojok layar laptop tidak.`,
        advice: 'Periksa zona acara di menu Acara, atau zona waktu laptop.',
      },
    ]
  }
  return []
}

/** Within a day of the ceremony, but not its day: normal the evening before, wrong on the day. */
function otherDay(ceremony: Ceremony, now: Date): Finding[] {
  const today = utcToLocal(now.toISOString(), ceremony.timeZone).date
  if (today === ceremony.date) return []
  return [
    {
      status: 'warn',
      text: `Hari ini ${formatDate(now.toISOString(), ceremony.timeZone)}, bukan hari acara (${formatDate(ceremony.startsAt, ceremony.timeZone)}).`,
      advice:
        'Wajar bila kiosk disiapkan sehari sebelumnya; pada hari apel tanggal laptop harus sama dengan tanggal acara.',
    },
  ]
}

function ceremonyFindings(db: Db, ceremony: Ceremony, facts: ClockFacts, kioskId: string) {
  const fix = 'Betulkan tanggal dan jam laptop sebelum memindai: waktu datang dicatat dari jam ini.'
  const far = farFromCeremony(ceremony, facts.now)
  const behind = behindLastScan(db, ceremony, facts.now, kioskId)
  const findings: Finding[] = []
  if (far) findings.push({ status: 'fail', text: far, advice: fix })
  else findings.push(...otherDay(ceremony, facts.now))
  if (behind) findings.push({ status: 'fail', text: behind, advice: fix })
  return findings
}

/**
 * "Jam laptop dan zona waktu": the laptop's date against the active ceremony's (the gate's own
 * rule from checkin/clock.ts, and the day itself), its zone against WIB/WITA/WIT and the
 * ceremony's, and its clock against this kiosk's last scan.
 */
export function checkClock(
  db: Db,
  ceremony: Ceremony | null,
  kioskId: string,
  facts: ClockFacts,
): PreflightResult {
  const iso = facts.now.toISOString()
  const shownIn = ceremony?.timeZone ?? indonesianZone(facts.offsetMinutes) ?? 'Asia/Jakarta'
  const seen = `Jam laptop: ${formatDate(iso, shownIn)} pukul ${formatTime(iso, shownIn)} (zona laptop ${facts.zoneName}, ${offsetLabel(facts.offsetMinutes)}).`
  const findings = zoneFindings(facts, ceremony)
  if (!ceremony) {
    findings.push({
      status: 'warn',
      text: 'Belum ada acara aktif, jadi tanggal laptop belum dapat dibandingkan dengan tanggal acara.',
      advice: 'Aktifkan acara di menu Acara, lalu ulangi pemeriksaan ini.',
    })
  } else {
    findings.push(...ceremonyFindings(db, ceremony, facts, kioskId))
  }
  const result = verdict(seen, findings)
  if (result.status === 'ok' && ceremony) {
    result.detail += ` Sesuai dengan tanggal acara "${ceremony.name}".`
  }
  return result
}
