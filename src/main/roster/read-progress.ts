/**
 * How far the reading of a roster file is, for its progress bar: told while the file is read,
 * every ROWS_PER_REPORT rows, never per row (each report crosses from the worker to every
 * window).
 */

/**
 * checking: the .xlsx guard's pass over the sheet XML; opening: exceljs builds the workbook
 * (no rows to count); reading: CSV records; parsing: table rows turned into roster rows.
 */
export type ReadStep = 'checking' | 'opening' | 'reading' | 'parsing'

/** `rows` seen so far in this step, of `total` when it is known. */
export type ReadProgress = (step: ReadStep, rows: number, total: number | null) => void

export const ROWS_PER_REPORT = 2000

/** A counter for one step: call it with the rows seen so far, it reports every ROWS_PER_REPORT. */
export function rowReporter(
  progress: ReadProgress | undefined,
  step: ReadStep,
  total: number | null,
): (rows: number) => void {
  let next = ROWS_PER_REPORT
  return (rows) => {
    if (!progress || rows < next) return
    next = rows - (rows % ROWS_PER_REPORT) + ROWS_PER_REPORT
    progress(step, rows, total)
  }
}
