import ExcelJS from 'exceljs'
import {
  ABSENCE_REASONS,
  STATUS_LABEL,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../shared/attendance'
import type { Ceremony } from '../../shared/domain'
import { formatNip } from '../../shared/nip'
import type { IkrarText } from '../../shared/ikrar'
import { formatDate, formatTime, utcToLocal } from '../../shared/time'
import { applyStyles, dataColumns, sharedStyles } from './columns'

export interface OpdSheet {
  ceremony: Ceremony
  opdName: string
  rows: readonly AttendanceRow[]
  summary: AttendanceSummary
  /** The ikrar read at the apel, printed above the list; null leaves the block out. */
  ikrar: IkrarText | null
}

const DATA_SHEET = 'Data Kehadiran'
const PRINT_SHEET = 'Cetak'
const DATA_TABLE = 'Kehadiran'

const PRINT_COLUMNS = [
  { header: 'No', width: 5 },
  { header: 'Nama', width: 30 },
  { header: 'NIP', width: 22 },
  { header: 'Jabatan', width: 26 },
  { header: 'Pangkat/Gol.', width: 18 },
  { header: 'Status', width: 12 },
  { header: 'Pukul', width: 9 },
  { header: 'Keterangan', width: 24 },
]
const LAST_COL = 'H'
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const BORDERED = PRINT_COLUMNS.map(() => ({ border: THIN }))
/** Characters per printed line across A:H, to size wrapped rows (Excel does not on its own). */
const LINE_CHARS = 120

/** Sheet 1: the machine-readable table, header at A1, nothing merged, so it imports anywhere. */
function addDataSheet(workbook: ExcelJS.Workbook, s: OpdSheet): void {
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  const columns = dataColumns(s.ceremony.timeZone)
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
}

/** A full-width line of the print sheet (merging is fine here: people read it, machines do not). */
function addLine(sheet: ExcelJS.Worksheet, text: string, font: Partial<ExcelJS.Font> = {}) {
  const row = sheet.addRow([text])
  sheet.mergeCells(`A${row.number}:${LAST_COL}${row.number}`)
  row.getCell(1).font = font
  row.getCell(1).alignment = { wrapText: true, vertical: 'top' }
  row.height = 15 * Math.max(1, Math.ceil(text.length / LINE_CHARS))
  return row
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
function addList(sheet: ExcelJS.Worksheet, s: OpdSheet): number {
  const header = sheet.addRow(PRINT_COLUMNS.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.border = THIN
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
  })
  s.rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.name,
      formatNip(r.nip),
      r.jabatan,
      r.pangkat,
      STATUS_LABEL[r.status],
      r.scannedAt ? utcToLocal(r.scannedAt, s.ceremony.timeZone).time.replace(':', '.') : '',
      r.note,
    ])
    applyStyles(row, BORDERED)
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
    ...(sum.unregistered ? [['Hadir tidak terdaftar', sum.unregistered] as [string, number]] : []),
  ]
}

function addSummary(sheet: ExcelJS.Worksheet, sum: AttendanceSummary): void {
  sheet.addRow([])
  sheet.addRow(['', 'Rekapitulasi']).getCell(2).font = { bold: true }
  for (const [label, n] of summaryLines(sum)) sheet.addRow(['', label, n])
  const rate = sheet.addRow(['', 'Persentase kehadiran', sum.rate])
  rate.getCell(3).numFmt = '0.0%'
  rate.getCell(2).font = { bold: true }
}

/** "Mengetahui, Kepala …" on the right, with blank lines for the head's name and NIP. */
function addSignature(sheet: ExcelJS.Worksheet, s: OpdSheet): void {
  const day = formatDate(s.ceremony.startsAt, s.ceremony.timeZone).replace(/^[^,]+, /, '')
  const lines = [
    `..................., ${day}`,
    'Mengetahui,',
    `Kepala ${s.opdName}`,
    '',
    '',
    '',
    '(.........................................)',
    'NIP. .........................................',
  ]
  sheet.addRow([])
  for (const text of lines) {
    const row = sheet.addRow([])
    row.getCell(6).value = text
    sheet.mergeCells(`F${row.number}:${LAST_COL}${row.number}`)
    row.getCell(6).alignment = { horizontal: 'center' }
  }
}

/** Sheet 2: what the OPD head prints and signs. */
function addPrintSheet(workbook: ExcelJS.Workbook, s: OpdSheet): void {
  const sheet = workbook.addWorksheet(PRINT_SHEET)
  sheet.columns = PRINT_COLUMNS.map((c) => ({ width: c.width }))
  addTitle(sheet, s)
  if (s.ikrar) addIkrar(sheet, s.ikrar)
  const headerRow = addList(sheet, s)
  addSummary(sheet, s.summary)
  addSignature(sheet, s)
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  // "&" starts a code in a page footer; "&&" prints one.
  const footer = `${s.ceremony.name} - ${s.opdName}`.replace(/&/g, '&&')
  sheet.headerFooter = { oddFooter: `&L&8${footer}&R&8Halaman &P dari &N` }
}

/** One OPD's workbook: the data sheet first (the roster import takes the first table it finds). */
export async function writeOpdWorkbook(file: string, s: OpdSheet): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kiosk Apel Netralitas'
  addDataSheet(workbook, s)
  addPrintSheet(workbook, s)
  // Stored, not deflated: exceljs deflates in-memory workbooks in JavaScript on this thread,
  // which took a third of a large export; a stored .xlsx is as valid and a few times larger.
  await workbook.xlsx.writeFile(file, { zip: { compression: 'STORE' } })
}
