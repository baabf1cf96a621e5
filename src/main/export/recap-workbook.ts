import ExcelJS from 'exceljs'
import {
  ABSENCE_REASONS,
  STATUS_LABEL,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../shared/attendance'
import type { RecapOrder } from '../../shared/contract/export'
import type { Ceremony } from '../../shared/domain'
import { formatDate, formatTime } from '../../shared/time'
import { applyStyles, dataColumns, sharedStyles } from './columns'

export interface RecapOpd {
  opdName: string
  rows: readonly AttendanceRow[]
  summary: AttendanceSummary
}

const RECAP_SHEET = 'Rekap'
const UNKNOWN_SHEET = 'NIP Tak Dikenal'
/** Below this share present, an OPD's row is coloured for follow-up. */
const LOW_RATE = 0.8

const RECAP_HEADER = [
  'No',
  'OPD',
  'Jumlah Pegawai',
  'Hadir',
  'Terlambat',
  'Jumlah Hadir',
  ...ABSENCE_REASONS.map((r) => STATUS_LABEL[r]),
  'Tidak Hadir',
  'Hadir Tidak Terdaftar',
  '% Kehadiran',
]
const RATE_COL = RECAP_HEADER.length
const RATE_LETTER = String.fromCharCode(64 + RATE_COL)

function countsOf(s: AttendanceSummary): (number | string)[] {
  return [
    s.expected,
    s.onTime,
    s.late,
    s.present,
    ...ABSENCE_REASONS.map((r) => s.reasons[r]),
    s.absent,
    s.unregistered,
  ]
}

/** The recap's sum over every OPD. */
function total(opd: readonly RecapOpd[]): AttendanceSummary {
  const add = (pick: (s: AttendanceSummary) => number) =>
    opd.reduce((n, o) => n + pick(o.summary), 0)
  const expected = add((s) => s.expected)
  const present = add((s) => s.present)
  return {
    expected,
    present,
    onTime: add((s) => s.onTime),
    late: add((s) => s.late),
    reasons: Object.fromEntries(
      ABSENCE_REASONS.map((r) => [r, add((s) => s.reasons[r])]),
    ) as AttendanceSummary['reasons'],
    absent: add((s) => s.absent),
    unregistered: add((s) => s.unregistered),
    rate: expected ? present / expected : 0,
  }
}

function sortRecap(opd: readonly RecapOpd[], order: RecapOrder): RecapOpd[] {
  const byName = (a: RecapOpd, b: RecapOpd) =>
    a.opdName.localeCompare(b.opdName, 'id', { sensitivity: 'base' })
  return [...opd].sort(
    order === 'name' ? byName : (a, b) => a.summary.rate - b.summary.rate || byName(a, b),
  )
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
function sheetNames(names: readonly string[]): string[] {
  const seen = new Set<string>([RECAP_SHEET.toLowerCase(), UNKNOWN_SHEET.toLowerCase()])
  return names.map((raw) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, '-')
        .replace(/^'|'$/g, '')
        .trim() || 'OPD'
    let name = base.slice(0, 31)
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`
      name = base.slice(0, 31 - suffix.length) + suffix
    }
    seen.add(name.toLowerCase())
    return name
  })
}

function addRecapSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ceremony: Ceremony,
  opd: readonly RecapOpd[],
  order: RecapOrder,
): void {
  const sheet = workbook.addWorksheet(RECAP_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  sheet.columns = RECAP_HEADER.map((h, i) => ({ width: i === 1 ? 40 : Math.max(9, h.length + 2) }))
  const { timeZone: zone } = ceremony
  sheet.addRow(['REKAPITULASI KEHADIRAN APEL NETRALITAS ASN']).getCell(1).font = {
    bold: true,
    size: 14,
  }
  sheet.addRow([ceremony.name]).commit()
  const when = `${formatDate(ceremony.startsAt, zone)}, pukul ${formatTime(ceremony.startsAt, zone)}`
  sheet.addRow([ceremony.place ? `${when} · ${ceremony.place}` : when]).commit()
  sheet
    .addRow([
      `Urutan: ${order === 'name' ? 'nama OPD' : 'persentase kehadiran terendah dahulu'}. Merah: kehadiran di bawah ${LOW_RATE * 100}%.`,
    ])
    .commit()
  sheet.addRow([]).commit()
  const header = sheet.addRow(RECAP_HEADER)
  header.font = { bold: true }
  header.commit()
  const first = header.number + 1
  opd.forEach((o, i) => {
    const row = sheet.addRow([i + 1, o.opdName, ...countsOf(o.summary), o.summary.rate])
    row.getCell(RATE_COL).numFmt = '0.0%'
    row.commit()
  })
  const sum = total(opd)
  const totalRow = sheet.addRow(['', 'JUMLAH', ...countsOf(sum), sum.rate])
  totalRow.font = { bold: true }
  totalRow.getCell(RATE_COL).numFmt = '0.0%'
  totalRow.commit()
  sheet.addConditionalFormatting({
    ref: `${RATE_LETTER}${first}:${RATE_LETTER}${totalRow.number}`,
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        formulae: [String(LOW_RATE)],
        priority: 1,
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF8CBAD' } },
          font: { color: { argb: 'FF9C0006' } },
        },
      },
    ],
  })
  sheet.commit()
}

/** A list sheet with the same columns as the per-OPD data sheet, header at A1. */
function addListSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  rows: readonly AttendanceRow[],
  ceremony: Ceremony,
): void {
  const columns = dataColumns(ceremony.timeZone)
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => ({ width: c.width }))
  const header = sheet.addRow(columns.map((c) => c.header))
  header.font = { bold: true }
  header.commit()
  const styles = sharedStyles(columns)
  rows.forEach((r, i) => {
    const row = sheet.addRow(columns.map((c) => c.value(r, i)))
    applyStyles(row, styles)
    row.commit()
  })
  sheet.commit()
}

/**
 * The recap for BKPSDM: one row per OPD, then one sheet per OPD (in the same order), then
 * arrivals whose NIP is on no roster. Streamed, since it holds the whole ceremony.
 */
export async function writeRecapWorkbook(
  file: string,
  ceremony: Ceremony,
  opd: readonly RecapOpd[],
  unknown: readonly AttendanceRow[],
  order: RecapOrder,
): Promise<void> {
  const sorted = sortRecap(opd, order)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true })
  workbook.creator = 'Kiosk Apel Netralitas'
  addRecapSheet(workbook, ceremony, sorted, order)
  const names = sheetNames(sorted.map((o) => o.opdName))
  sorted.forEach((o, i) => addListSheet(workbook, names[i]!, o.rows, ceremony))
  if (unknown.length) addListSheet(workbook, UNKNOWN_SHEET, unknown, ceremony)
  await workbook.commit()
}
