import ExcelJS from 'exceljs'
import {
  ABSENCE_REASONS,
  STATUS_LABEL,
  UNREGISTERED_WHY,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../shared/attendance'
import type { RecapOrder } from '../../shared/contract/export'
import type { Ceremony } from '../../shared/domain'
import type { Signer } from '../../shared/signer'
import { formatDate, formatTime } from '../../shared/time'
import type { PaktaTracking } from '../../shared/pakta'
import { applyStyles, dataColumns, sharedStyles, type DataColumn } from './columns'
import { addPaktaRecapSheet, PAKTA_SHEET } from './pakta'
import { visibleText } from './file-name'
import { addSignature } from './signature'
import { addIkrarRecap } from './ikrar-summary'
import type { ReadingSpan } from '../ikrar/attendance'
import { addKeaslianSheet, withKeaslianFooter } from './keaslian'
import type { Seal } from '../keys/seal'
import type { CeremonyAttempts } from '../log/attempts'
import { addAttemptsSheet, ATTEMPTS_SHEET } from './attempts-sheet'
import { addKioskSheet, KIOSK_SHEET, type ExportKiosks } from './kiosks'

export interface RecapOpd {
  opdName: string
  rows: readonly AttendanceRow[]
  summary: AttendanceSummary
}

export interface Recap {
  ceremony: Ceremony
  opd: readonly RecapOpd[]
  /** Arrivals whose NIP is on no roster. */
  unknown: readonly AttendanceRow[]
  order: RecapOrder
  /** The head of BKPSDM, who signs the recap. */
  signer: Signer
  /** The ceremony's ikrar readings, for the "Rekap Ikrar" sheet. */
  readings: readonly ReadingSpan[]
  /** Every row of the ceremony, signed: the "Keaslian" sheet and the recap's footer code. */
  seal: Seal
  /** Columns after the attendance ones on the OPD sheets (the kiosk's, the pakta's). */
  extra?: readonly DataColumn[]
  /** The pakta's counts (export/pakta.ts); absent: none. */
  pakta?: { tracking: PaktaTracking } | null
  /** Every scan attempt of the ceremony, from the log: the "Percobaan Pindai" sheet. */
  attempts: CeremonyAttempts
  /** The kiosks that recorded its arrivals, where they are shown: the "Kiosk" sheet. */
  kiosks?: ExportKiosks | null
}

type Sheet = ExcelJS.Worksheet
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
/** A4 landscape, one page wide, as many pages long as the rows need. */
const LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
}
const PAGE_NUMBERS = '&R&8Halaman &P dari &N'
const LINE_HEIGHT = 15

const RECAP_SHEET = 'Rekap'
const IKRAR_SHEET = 'Rekap Ikrar'
/** Every arrival the apel did not expect, whatever the reason: the count on the gate screen. */
const UNREGISTERED_SHEET = STATUS_LABEL.TIDAK_TERDAFTAR
/** The recap row of arrivals with no OPD, so the column adds up to its total. */
const NO_OPD = `Tanpa OPD (${UNREGISTERED_WHY.unknown})`
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
  STATUS_LABEL.TIDAK_TERDAFTAR,
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
  const seen = new Set<string>(
    [RECAP_SHEET, IKRAR_SHEET, UNREGISTERED_SHEET, PAKTA_SHEET, ATTEMPTS_SHEET, KIOSK_SHEET].map(
      (n) => n.toLowerCase(),
    ),
  )
  return names.map((raw) => {
    const base =
      visibleText(raw)
        .replace(/[[\]:*?/\\]/g, '-')
        // exceljs quotes a sheet name in its print titles without doubling an apostrophe.
        .replace(/'/g, '\u2019')
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

const OPD_WIDTH = 40
const widthOf = (header: string, i: number) =>
  i === 0 ? 5 : i === 1 ? OPD_WIDTH : Math.max(9, Math.min(13, header.length + 2))
const WIDTHS = RECAP_HEADER.map(widthOf)
const LAST_LETTER = RATE_LETTER

/** A row of the table: bordered, text wrapped (long OPD names never cut off), sized to fit. */
function tableRow(sheet: Sheet, values: (number | string)[], bold = false): ExcelJS.Row {
  const row = sheet.addRow(values)
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = THIN
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: col > 2 ? 'right' : 'left' }
    if (bold) cell.font = { bold: true }
  })
  // Numbers never wrap; text wraps at about one character per unit of column width.
  const lines = values.map((v, i) =>
    typeof v === 'string' ? Math.ceil(v.length / (WIDTHS[i]! - 1)) : 1,
  )
  row.height = LINE_HEIGHT * Math.max(1, ...lines)
  return row
}

function addTitle(sheet: Sheet, ceremony: Ceremony, order: RecapOrder): void {
  const { timeZone: zone } = ceremony
  const when = `${formatDate(ceremony.startsAt, zone)}, pukul ${formatTime(ceremony.startsAt, zone)}`
  const lines: [string, Partial<ExcelJS.Font>][] = [
    ['REKAPITULASI KEHADIRAN APEL NETRALITAS ASN', { bold: true, size: 14 }],
    [ceremony.name, { bold: true }],
    [ceremony.place ? `${when} · ${ceremony.place}` : when, {}],
    [
      `Urutan: ${order === 'name' ? 'nama OPD' : 'persentase kehadiran terendah dahulu'}. Merah: kehadiran di bawah ${LOW_RATE * 100}%.`,
      { italic: true, size: 9 },
    ],
  ]
  for (const [text, font] of lines) {
    const row = sheet.addRow([text])
    row.getCell(1).font = font
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true }
    sheet.mergeCells(`A${row.number}:${LAST_LETTER}${row.number}`)
    row.commit()
  }
  sheet.addRow([]).commit()
}

function addRecapSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, recap: Recap): void {
  const { ceremony, opd, order } = recap
  const sheet = workbook.addWorksheet(RECAP_SHEET, {
    pageSetup: { ...LANDSCAPE },
    headerFooter: {
      oddFooter: withKeaslianFooter(
        `&L&8${ceremony.name.replace(/&/g, '&&')}${PAGE_NUMBERS}`,
        recap.seal,
      ),
    },
  })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  addTitle(sheet, ceremony, order)
  const header = tableRow(sheet, RECAP_HEADER, true)
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  })
  header.height = LINE_HEIGHT * 2
  header.commit()
  const first = header.number + 1
  opd.forEach((o, i) => {
    const row = tableRow(sheet, [i + 1, o.opdName, ...countsOf(o.summary), o.summary.rate])
    row.getCell(RATE_COL).numFmt = '0.0%'
    row.commit()
  })
  // Counts of people expected do not apply to it; text, so the red rule never colours it.
  const unknown = recap.unknown.length
  const notCounted = Array<string>(RECAP_HEADER.length - 4).fill('')
  if (unknown) tableRow(sheet, ['', NO_OPD, ...notCounted, unknown, '-']).commit()
  const sum = total(opd)
  sum.unregistered += unknown
  const totalRow = tableRow(sheet, ['', 'JUMLAH', ...countsOf(sum), sum.rate], true)
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
  // Below the table, on the right: the head of BKPSDM signs.
  const signFrom = RATE_COL - 4
  const last = addSignature(sheet, recap.signer, {
    day: formatDate(ceremony.startsAt, ceremony.timeZone).replace(/^[^,]+, /, ''),
    from: String.fromCharCode(64 + signFrom),
    to: LAST_LETTER,
    chars: WIDTHS.slice(signFrom - 1).reduce((n, w) => n + w, 0) - 2,
  })
  // Only the recap prints, the title to the signature; the header row repeats on each page.
  sheet.pageSetup.printArea = `A1:${LAST_LETTER}${last}`
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`
  sheet.commit()
}

/** A list sheet with the same columns as the per-OPD data sheet, header at A1. */
function addListSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  rows: readonly AttendanceRow[],
  ceremony: Ceremony,
  extra: readonly DataColumn[] = [],
): void {
  const columns = dataColumns(ceremony.timeZone, extra)
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { ...LANDSCAPE, printTitlesRow: '1:1' },
    headerFooter: {
      oddHeader: `&C&B&10${`Kehadiran ${ceremony.name} - ${name}`.replace(/&/g, '&&')}`,
      oddFooter: PAGE_NUMBERS,
    },
  })
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

/** Who was there for the ikrar, per OPD in the recap's order: printed like the recap. */
function addIkrarSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ceremony: Ceremony,
  opd: readonly RecapOpd[],
  readings: Recap['readings'],
): void {
  const sheet = workbook.addWorksheet(IKRAR_SHEET, {
    pageSetup: { ...LANDSCAPE },
    headerFooter: { oddFooter: `&L&8${ceremony.name.replace(/&/g, '&&')}${PAGE_NUMBERS}` },
  })
  const header = addIkrarRecap(sheet, ceremony, opd, readings)
  sheet.pageSetup.printTitlesRow = `${header}:${header}`
  sheet.commit()
}

/**
 * The recap for BKPSDM: one row per OPD, then one sheet per OPD (in the same order), then
 * every "tidak terdaftar" arrival (NIP on no roster, inactive, OPD not invited). Streamed,
 * since it holds the whole ceremony.
 */
export async function writeRecapWorkbook(file: string, recap: Recap): Promise<void> {
  const { ceremony, unknown } = recap
  const sorted = sortRecap(recap.opd, recap.order)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true })
  workbook.creator = 'Kiosk Apel Netralitas'
  addRecapSheet(workbook, { ...recap, opd: sorted })
  addIkrarSheet(workbook, recap.ceremony, sorted, recap.readings)
  // Beside the attendance recap: "berapa ASN sudah menandatangani pakta" is asked with it.
  if (recap.pakta) addPaktaRecapSheet(workbook, recap.pakta.tracking)
  // Where the arrivals came from, and the chain each is held under, before the lists of them.
  if (recap.kiosks) addKioskSheet(workbook, ceremony, recap.kiosks, LANDSCAPE)
  const names = sheetNames(sorted.map((o) => o.opdName))
  const extra = recap.extra ?? []
  sorted.forEach((o, i) => addListSheet(workbook, names[i]!, o.rows, ceremony, extra))
  const unregistered = [
    ...sorted.flatMap((o) => o.rows.filter((r) => r.status === 'TIDAK_TERDAFTAR')),
    ...unknown,
  ]
  if (unregistered.length) addListSheet(workbook, UNREGISTERED_SHEET, unregistered, ceremony, extra)
  // Evidence from the log beside the signed rows: what happened at the gate, arrivals or not.
  addAttemptsSheet(workbook, ceremony, recap.attempts, LANDSCAPE)
  addKeaslianSheet(workbook, recap.seal)
  await workbook.commit()
}
