import type ExcelJS from 'exceljs'

/** A thin line on every side of a cell: the printed tables' grid. */
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

/**
 * One row of a printed summary table on a streamed sheet: every cell bordered (empty ones too,
 * so the grid has no gaps), top-aligned and wrapped, bold for headers and totals. Not committed:
 * the caller may still format a cell. Returns the row.
 */
export function borderedRow(
  sheet: ExcelJS.Worksheet,
  values: (string | number)[],
  bold = false,
): ExcelJS.Row {
  const row = sheet.addRow(values)
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN
    cell.alignment = { vertical: 'top', wrapText: true }
    if (bold) cell.font = { bold: true }
  })
  return row
}
