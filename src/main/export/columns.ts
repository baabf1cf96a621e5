import type ExcelJS from 'exceljs'
import { STATUS_LABEL, type AttendanceRow } from '../../shared/attendance'
import { formatNip } from '../../shared/nip'
import { ikrarCell } from './ikrar-summary'
import { TIME_ZONES, wallClockDate, type TimeZoneId } from '../../shared/time'

export type CellValue = string | number | Date | null

export interface DataColumn {
  header: string
  width: number
  numFmt?: string
  value(row: AttendanceRow, index: number): CellValue
  /** The value in the CSV, where it must differ from the .xlsx cell. */
  csv?(row: AttendanceRow): CellValue
}

/** Text, so Excel never turns an 18-digit NIP into 1.97405E+17 and drops its last digits. */
export const TEXT_FORMAT = '@'
export const SCAN_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss'

/**
 * The machine-readable attendance table: the same columns, in this order, in the per-OPD data
 * sheet, the recap's OPD sheets and the CSV. "Unit Kerja" lets the roster import read it back.
 */
export function dataColumns(zone: TimeZoneId, extra: readonly DataColumn[] = []): DataColumn[] {
  return [
    { header: 'No', width: 6, value: (_r, i) => i + 1 },
    {
      header: 'NIP',
      width: 21,
      numFmt: TEXT_FORMAT,
      value: (r) => r.nip,
      // A CSV has no cell types: Excel and LibreOffice read 18 digits as a number and print
      // 198206042015092003 as ...000. Written with its usual spaces, "19820604 201509 2 003",
      // it is text to both (tried in LibreOffice: all 18 digits kept), has no hidden character
      // and no formula, and every NIP reader, our roster import included, removes the spaces.
      csv: (r) => formatNip(r.nip),
    },
    { header: 'Nama', width: 32, value: (r) => r.name },
    { header: 'Jabatan', width: 36, value: (r) => r.jabatan },
    { header: 'Pangkat/Golongan', width: 28, value: (r) => r.pangkat },
    { header: 'Unit Kerja', width: 30, value: (r) => r.opdName },
    { header: 'Status', width: 14, value: (r) => STATUS_LABEL[r.status] },
    {
      header: `Waktu Scan (${TIME_ZONES[zone].label})`,
      width: 20,
      numFmt: SCAN_TIME_FORMAT,
      value: (r) => (r.scannedAt ? wallClockDate(r.scannedAt, zone) : null),
    },
    { header: 'Sumber', width: 10, value: (r) => r.source ?? '' },
    { header: 'Ikrar', width: 30, value: ikrarCell },
    { header: 'Keterangan', width: 36, value: (r) => r.note },
    // Facts kept beside attendance (the pakta), each given by its own module.
    ...extra,
  ]
}

/**
 * One style object per column, shared by all its cells. exceljs registers a style once per
 * distinct object; a copy per cell (what `cell.numFmt = …` makes) made a large export
 * several times slower.
 */
export function sharedStyles(columns: readonly { numFmt?: string }[]): Partial<ExcelJS.Style>[] {
  return columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : {}))
}

/** Gives each cell of the row its column's shared style; never mutate a style given here. */
export function applyStyles(row: ExcelJS.Row, styles: readonly Partial<ExcelJS.Style>[]): void {
  styles.forEach((style, i) => (row.getCell(i + 1).style = style))
}
