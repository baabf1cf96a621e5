import type ExcelJS from 'exceljs'

/** A cell's text as a person sees it; a formula is marked, never evaluated or trusted. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return `=${String(value.formula ?? '')}`
  if ('text' in value) return String(value.text)
  return ''
}

/** The sheet's rows as arrays of values from column 1, row numbers from 1. */
export function sheetRows(sheet: ExcelJS.Worksheet): { n: number; values: ExcelJS.CellValue[] }[] {
  const rows: { n: number; values: ExcelJS.CellValue[] }[] = []
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    rows.push({ n, values: (row.values as ExcelJS.CellValue[]).slice(1) })
  })
  return rows
}
