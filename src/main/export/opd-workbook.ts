import ExcelJS from 'exceljs'
import {
  ABSENCE_REASONS,
  STATUS_LABEL,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../shared/attendance'
import type { Ceremony } from '../../shared/domain'
import { formatNip } from '../../shared/nip'
import type { Signer } from '../../shared/signer'
import type { IkrarText } from '../../shared/ikrar'
import { formatDate, formatTime, utcToLocal, type TimeZoneId } from '../../shared/time'
import { applyStyles, dataColumns, sharedStyles, type DataColumn } from './columns'
import { addSignature } from './signature'
import { ikrarCell, ikrarLines, readingsLine } from './ikrar-summary'
import type { ReadingSpan } from '../ikrar/attendance'
import { addKeaslianSheet, withKeaslianFooter } from './keaslian'
import type { Seal } from '../keys/seal'

export interface OpdSheet {
  ceremony: Ceremony
  opdName: string
  rows: readonly AttendanceRow[]
  summary: AttendanceSummary
  /** The ikrar read at the apel, printed above the list; null leaves the block out. */
  ikrar: IkrarText | null
  /** Who signs for the OPD: as set by the officer, or the derived title with blank lines. */
  signer: Signer
  /** The ceremony's ikrar readings, which the Ikrar column is measured against. */
  readings: readonly ReadingSpan[]
  /** The signed canonical rows: the "Keaslian" sheet and the print sheet's footer code. */
  seal: Seal
  /** Columns after the attendance ones (the kiosk's, the pakta's) on the data sheet. */
  extra?: readonly DataColumn[]
  /** The same facts on the print sheet, before its Keterangan column. */
  printExtra?: readonly PrintColumn[]
}

const DATA_SHEET = 'Data Kehadiran'
const PRINT_SHEET = 'Cetak'
const DATA_TABLE = 'Kehadiran'

/** A column of the print sheet. `wrap`: long text goes onto more lines instead of being cut off. */
export interface PrintColumn {
  header: string
  width: number
  wrap: boolean
  value(row: AttendanceRow, index: number, zone: TimeZoneId): string | number
}

const PRINT_COLUMNS: readonly PrintColumn[] = [
  { header: 'No', width: 5, wrap: false, value: (_r, i) => i + 1 },
  { header: 'Nama', width: 28, wrap: true, value: (r) => r.name },
  { header: 'NIP', width: 22, wrap: false, value: (r) => formatNip(r.nip) },
  { header: 'Jabatan', width: 24, wrap: true, value: (r) => r.jabatan },
  { header: 'Pangkat/Gol.', width: 20, wrap: true, value: (r) => r.pangkat },
  { header: 'Status', width: 12, wrap: true, value: (r) => STATUS_LABEL[r.status] },
  {
    header: 'Pukul',
    width: 7,
    wrap: false,
    value: (r, _i, zone) =>
      r.scannedAt ? utcToLocal(r.scannedAt, zone).time.replace(':', '.') : '',
  },
  { header: 'Ikrar', width: 16, wrap: true, value: ikrarCell },
]
const NOTE_COLUMN: PrintColumn = {
  header: 'Keterangan',
  width: 20,
  wrap: true,
  value: (r) => r.note,
}
/** The signature block starts at the Status column. */
const SIGN_FROM = 5

/** The print sheet's columns: the fixed ones, the ones that apply (Kiosk, Pakta), the note last. */
function printColumns(extra: readonly PrintColumn[] = []): PrintColumn[] {
  return [...PRINT_COLUMNS, ...extra, NOTE_COLUMN]
}
const letter = (n: number) => String.fromCharCode(64 + n)
/** The print sheet's last column, where its full-width lines end (its columns are set first). */
const lastColumn = (sheet: ExcelJS.Worksheet) => letter(sheet.columns.length)
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const bordered = (columns: readonly PrintColumn[]): Partial<ExcelJS.Style>[] =>
  columns.map((c) => ({ border: THIN, alignment: { vertical: 'top', wrapText: c.wrap } }))
/** Points per printed line of 11-point text. */
const LINE_HEIGHT = 15
/** A4 portrait and landscape, fitted to one page wide, margins in inches. */
const A4 = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const
const MARGINS = { left: 0.5, right: 0.5, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 }
/** Characters per printed line across the columns, to size wrapped rows (Excel does not on its own). */
const LINE_CHARS = 130

/** The machine-readable table, header at A1, nothing merged, so it imports anywhere. */
function addDataSheet(workbook: ExcelJS.Workbook, s: OpdSheet): void {
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  const columns = dataColumns(s.ceremony.timeZone, s.extra)
  sheet.addTable({
    name: DATA_TABLE,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: s.rows.map((r, i) => columns.map((c) => c.value(r, i))),
  })
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1)
    column.width = c.width
    // The column's own format, so text typed below the table later stays text too.
    if (c.numFmt) column.numFmt = c.numFmt
  })
  const styles = sharedStyles(columns)
  for (let n = 2; n <= s.rows.length + 1; n++) applyStyles(sheet.getRow(n), styles)
  sheet.pageSetup = {
    ...A4,
    orientation: 'landscape',
    printTitlesRow: '1:1',
    margins: MARGINS,
  }
  sheet.headerFooter = pageHeaderFooter(s)
}

/** "&" starts a code in a page header or footer; "&&" prints one. */
const literal = (text: string) => text.replace(/&/g, '&&')

/** Every printed page says what it is: the apel and OPD on top, page numbers below. */
function pageHeaderFooter(s: OpdSheet): Partial<ExcelJS.HeaderFooter> {
  const title = literal(`Daftar Hadir ${s.ceremony.name} - ${s.opdName}`)
  const day = literal(formatDate(s.ceremony.startsAt, s.ceremony.timeZone))
  return {
    oddHeader: `&C&B&10${title}&R&8${day}`,
    oddFooter: `&L&8${literal(`${s.ceremony.name} - ${s.opdName}`)}&R&8Halaman &P dari &N`,
  }
}

/** A full-width line of the print sheet (merging is fine here: people read it, machines do not). */
function addLine(sheet: ExcelJS.Worksheet, text: string, font: Partial<ExcelJS.Font> = {}) {
  const row = sheet.addRow([text])
  sheet.mergeCells(`A${row.number}:${lastColumn(sheet)}${row.number}`)
  row.getCell(1).font = font
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' }
  row.height = LINE_HEIGHT * Math.max(1, Math.ceil(text.length / LINE_CHARS))
  return row
}

/**
 * Tall enough for the longest wrapped cell: Excel keeps a written file's row heights and does
 * not grow a row to its wrapped text on opening.
 */
function fitHeight(row: ExcelJS.Row, columns: readonly PrintColumn[], texts: string[]): void {
  const lines = columns.map((c, i) =>
    c.wrap ? Math.ceil((texts[i]?.length ?? 0) / (c.width - 2)) : 1,
  )
  const most = Math.max(1, ...lines)
  if (most > 1) row.height = LINE_HEIGHT * most
}

function addTitle(sheet: ExcelJS.Worksheet, s: OpdSheet): void {
  const { ceremony: c } = s
  const title = addLine(sheet, 'DAFTAR HADIR APEL NETRALITAS ASN', { bold: true, size: 14 })
  title.getCell(1).alignment = { horizontal: 'center' }
  addLine(sheet, c.name, { bold: true }).getCell(1).alignment = { horizontal: 'center' }
  addLine(sheet, s.opdName.toUpperCase(), { bold: true }).getCell(1).alignment = {
    horizontal: 'center',
  }
  sheet.addRow([])
  addLine(sheet, `Hari/Tanggal : ${formatDate(c.startsAt, c.timeZone)}`)
  addLine(
    sheet,
    `Pukul : ${formatTime(c.startsAt, c.timeZone)} (terlambat setelah ${formatTime(c.lateAt, c.timeZone)})`,
  )
  if (c.place) addLine(sheet, `Tempat : ${c.place}`)
  sheet.addRow([])
}

function addIkrar(sheet: ExcelJS.Worksheet, ikrar: IkrarText): void {
  addLine(sheet, ikrar.heading, { bold: true })
  if (ikrar.opening) addLine(sheet, ikrar.opening)
  ikrar.points.forEach((p, i) => addLine(sheet, `${i + 1}. ${p}`))
  if (ikrar.closing) addLine(sheet, ikrar.closing)
  sheet.addRow([])
}

/** The list itself; returns the header row's number, which is repeated on every printed page. */
function addList(sheet: ExcelJS.Worksheet, s: OpdSheet, columns: readonly PrintColumn[]): number {
  const header = sheet.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.border = THIN
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
  })
  const styles = bordered(columns)
  s.rows.forEach((r, i) => {
    const values = columns.map((c) => c.value(r, i, s.ceremony.timeZone))
    const row = sheet.addRow(values)
    applyStyles(row, styles)
    fitHeight(row, columns, values.map(String))
  })
  return header.number
}

/** "Hadir tepat waktu 10" … "Persentase kehadiran 83,3%": the footer counts of a sheet. */
function summaryLines(sum: AttendanceSummary): [string, number][] {
  return [
    ['Jumlah pegawai', sum.expected],
    ['Hadir tepat waktu', sum.onTime],
    ['Terlambat', sum.late],
    ['Jumlah hadir', sum.present],
    ...ABSENCE_REASONS.map((r): [string, number] => [STATUS_LABEL[r], sum.reasons[r]]),
    ['Tidak Hadir (tanpa keterangan)', sum.absent],
    ...(sum.unregistered
      ? [[STATUS_LABEL.TIDAK_TERDAFTAR, sum.unregistered] as [string, number]]
      : []),
  ]
}

/** Below the counts: who was there for the ikrar, and the readings it is measured against. */
function addIkrarSummary(sheet: ExcelJS.Worksheet, s: OpdSheet): void {
  sheet.addRow([])
  sheet.addRow(['', 'Kehadiran saat ikrar']).getCell(2).font = { bold: true }
  for (const [label, n] of ikrarLines(s.rows, s.readings)) sheet.addRow(['', label, n])
  addLine(sheet, readingsLine(s.readings, s.ceremony.timeZone), { italic: true, size: 9 })
}

function addSummary(sheet: ExcelJS.Worksheet, sum: AttendanceSummary): void {
  sheet.addRow([])
  sheet.addRow(['', 'Rekapitulasi']).getCell(2).font = { bold: true }
  for (const [label, n] of summaryLines(sum)) sheet.addRow(['', label, n])
  const rate = sheet.addRow(['', 'Persentase kehadiran', sum.rate])
  rate.getCell(3).numFmt = '0.0%'
  rate.getCell(2).font = { bold: true }
}

/** The first sheet: what the OPD head prints and signs. */
function addPrintSheet(workbook: ExcelJS.Workbook, s: OpdSheet): void {
  const sheet = workbook.addWorksheet(PRINT_SHEET)
  const columns = printColumns(s.printExtra)
  sheet.columns = columns.map((c) => ({ width: c.width }))
  addTitle(sheet, s)
  if (s.ikrar) addIkrar(sheet, s.ikrar)
  const headerRow = addList(sheet, s, columns)
  addSummary(sheet, s.summary)
  addIkrarSummary(sheet, s)
  addSignature(sheet, s.signer, {
    day: formatDate(s.ceremony.startsAt, s.ceremony.timeZone).replace(/^[^,]+, /, ''),
    from: letter(SIGN_FROM + 1),
    to: lastColumn(sheet),
    chars: columns.slice(SIGN_FROM).reduce((n, c) => n + c.width, 0) - 2,
  })
  sheet.pageSetup = {
    ...A4,
    orientation: 'portrait',
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: MARGINS,
  }
  // The title is on the sheet itself; the footer names the OPD on every page, and carries the
  // code and key fingerprint the signed paper anchors.
  sheet.headerFooter = { oddFooter: withKeaslianFooter(pageHeaderFooter(s).oddFooter!, s.seal) }
}

/**
 * One OPD's workbook. It opens on the printable daftar hadir, what the OPD head wants; the
 * machine-readable table is the second sheet (the roster import looks for its Unit Kerja column).
 */
export async function writeOpdWorkbook(file: string, s: OpdSheet): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kiosk Apel Netralitas'
  addPrintSheet(workbook, s)
  addDataSheet(workbook, s)
  addKeaslianSheet(workbook, s.seal)
  workbook.views = [
    { activeTab: 0, firstSheet: 0, x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible' },
  ]
  // Stored, not deflated: exceljs deflates in-memory workbooks in JavaScript on this thread,
  // which took a third of a large export; a stored .xlsx is as valid and a few times larger.
  await workbook.xlsx.writeFile(file, { zip: { compression: 'STORE' } })
}
