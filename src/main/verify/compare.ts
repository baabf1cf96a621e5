import { formatNip } from '../../shared/nip'
import { TIME_ZONES, type TimeZoneId } from '../../shared/time'
import type { CanonicalRow } from '../keys/seal'

/**
 * One row as a sheet or CSV shows it, read back. `time` is what the file holds, already
 * turned into a UTC instant (ms) where it is a full time, or local "HH.MM" where the sheet
 * prints only hours and minutes (the print sheet's Pukul); null when empty.
 */
export interface FoundRow {
  /** Where a person finds it: 'Lembar "Data Kehadiran" baris 5', 'baris 7'. */
  where: string
  nip: string
  status: string
  time: { utcMs: number } | { hhmm: string } | { text: string } | null
  /** undefined: the sheet has no such column (the print sheet has no Sumber). */
  source?: string
  reason: string
}

/** A time within this of the signed one is the same: sheets show whole seconds. */
const SAME_TIME_MS = 1000
/** How many differences a report lists before "dan n lainnya". */
export const LISTED = 50

const nipText = (nip: string) => `NIP ${formatNip(nip)}`

/** "07.20.05 WIB" of a UTC instant in the ceremony's zone. */
function localTime(utcMs: number, zone: TimeZoneId, seconds = true): string {
  const local = new Date(utcMs + TIME_ZONES[zone].offsetHours * 3_600_000).toISOString()
  return `${local.slice(11, seconds ? 19 : 16).replace(/:/g, '.')} ${TIME_ZONES[zone].label}`
}

function shownTime(time: FoundRow['time'], zone: TimeZoneId): string {
  if (time === null) return '(kosong)'
  if ('utcMs' in time) return localTime(time.utcMs, zone)
  if ('hhmm' in time) return `${time.hhmm} ${TIME_ZONES[zone].label}`
  return `"${time.text}"`
}

function sameTime(signed: string, found: FoundRow['time'], zone: TimeZoneId): boolean {
  if (signed === '' || found === null) return signed === '' && found === null
  const ms = Date.parse(signed)
  if ('utcMs' in found) return Math.abs(found.utcMs - ms) < SAME_TIME_MS
  if ('hhmm' in found) return localTime(ms, zone, false).startsWith(found.hhmm)
  return false
}

/** What differs between a signed row and the row found for the same NIP. */
function rowDifferences(signed: CanonicalRow, found: FoundRow, zone: TimeZoneId): string[] {
  const out: string[] = []
  const quote = (s: string) => `"${s}"`
  if (found.status !== signed.status) {
    out.push(`status ${quote(signed.status)} menjadi ${quote(found.status)}`)
  }
  if (!sameTime(signed.time, found.time, zone)) {
    const was = signed.time ? localTime(Date.parse(signed.time), zone) : '(kosong)'
    out.push(`waktu ${was} menjadi ${shownTime(found.time, zone)}`)
  }
  if (found.source !== undefined && found.source !== signed.source) {
    out.push(`sumber ${quote(signed.source)} menjadi ${quote(found.source)}`)
  }
  if (found.reason !== signed.reason) {
    out.push(`keterangan ${quote(signed.reason)} menjadi ${quote(found.reason)}`)
  }
  return out
}

export interface Comparison {
  /** Each difference, naming where and which NIP. */
  findings: string[]
  /** NIPs of the signed rows that some compared table holds. */
  seen: Set<string>
}

/**
 * Compares one table (a sheet, a CSV) with the signed rows: a changed field, a row added, a
 * NIP twice. Rows the table lacks are the caller's to judge (a per-OPD sheet must hold every
 * row; a recap's OPD sheets hold theirs between them).
 */
export function compareTable(
  signed: ReadonlyMap<string, CanonicalRow>,
  found: readonly FoundRow[],
  zone: TimeZoneId,
): Comparison {
  const findings: string[] = []
  const seen = new Set<string>()
  for (const row of found) {
    const mine = signed.get(row.nip)
    if (!mine) {
      findings.push(
        `${row.where}: ${nipText(row.nip)} (${row.status}) ditambahkan; tidak ada di data yang ditandatangani.`,
      )
      continue
    }
    if (seen.has(row.nip)) {
      findings.push(`${row.where}: ${nipText(row.nip)} tercantum dua kali.`)
      continue
    }
    seen.add(row.nip)
    const diff = rowDifferences(mine, row, zone)
    if (diff.length) findings.push(`${row.where}, ${nipText(row.nip)}: ${diff.join('; ')}.`)
  }
  return { findings, seen }
}

/** "NIP … (Tidak Hadir) dihapus dari lembar X" for every signed row a table lacks. */
export function missingRows(
  signed: ReadonlyMap<string, CanonicalRow>,
  seen: ReadonlySet<string>,
  from: string,
): string[] {
  return [...signed.values()]
    .filter((r) => !seen.has(r.nip))
    .map((r) => `${nipText(r.nip)} (${r.status}) dihapus dari ${from}.`)
}

export const byNip = (rows: readonly CanonicalRow[]) => new Map(rows.map((r) => [r.nip, r]))
