import type { AttendanceRow } from '../../shared/attendance'
import type { TimeZoneId } from '../../shared/time'
import { dataColumns, type CellValue, type DataColumn } from './columns'

/** What makes Excel, LibreOffice or Google Sheets read a CSV field as a formula (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A CSV field no spreadsheet program runs as a formula: a leading apostrophe (OWASP's advice)
 * and quotes around it. Only CSV needs this: in the .xlsx files every text is a string cell,
 * which no spreadsheet evaluates.
 */
export function csvField(value: CellValue): string {
  let text = value instanceof Date ? csvDateTime(value) : value === null ? '' : String(value)
  const guarded = typeof value === 'string' && FORMULA_START.test(text)
  if (guarded) text = `'${text}`
  return guarded || /[";\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text
}

/** "2024-09-30 07:31:05": the wall-clock Date's UTC fields are the local time. */
function csvDateTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ')
}

/** UTF-8 with a byte-order mark and ";" between fields, as Excel set to Indonesian opens it. */
export function attendanceCsv(
  rows: readonly AttendanceRow[],
  zone: TimeZoneId,
  extra: readonly DataColumn[] = [],
): string {
  const columns = dataColumns(zone, extra)
  const lines = [
    columns.map((c) => csvField(c.header)).join(';'),
    ...rows.map((r, i) => columns.map((c) => csvField(c.csv ? c.csv(r) : c.value(r, i))).join(';')),
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
