import type ExcelJS from 'exceljs'

/** A thin line on every side of a cell: the printed tables' grid. */
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

/** Points per printed line of 11-point text. */
const LINE_HEIGHT = 15

/**
 * One row of a printed summary table on a streamed sheet: every cell bordered (empty ones too,
 * so the grid has no gaps), top-aligned and wrapped, bold for headers and totals. Given the
 * columns' widths, the row is as tall as its longest wrapped text: Excel and LibreOffice keep a
 * written row's height and do not grow it on opening. Not committed: the caller may still
 * format a cell. Returns the row.
 */
export function borderedRow(
  sheet: ExcelJS.Worksheet,
  values: (string | number)[],
  bold = false,
  widths?: readonly number[],
): ExcelJS.Row {
  const row = sheet.addRow(values)
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN
    cell.alignment = { vertical: 'top', wrapText: true }
    if (bold) cell.font = { bold: true }
  })
  if (widths) {
    // About one character per unit of width, less a margin; numbers never wrap.
    const lines = values.map((v, i) =>
      typeof v === 'string' ? Math.ceil(v.length / Math.max(1, (widths[i] ?? 10) - 2)) : 1,
    )
    row.height = LINE_HEIGHT * Math.max(1, ...lines)
  }
  return row
}
