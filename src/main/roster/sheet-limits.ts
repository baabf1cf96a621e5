import { formatCount } from '../../shared/format'
import { UserError } from '../errors'

/** The refusal of a roster file that is readable but no roster: crafted, or far out of shape. */
export const refuseSheet = (name: string, why: string) =>
  new UserError('FILE_SUSPICIOUS', `Berkas ${name} ditolak: ${why}`)

/**
 * How far a roster sheet may reach, whatever its format. The largest region has about 20,000
 * employees in a dozen columns; these sit ten times above that and far below what would hurt
 * the kiosk. A sheet that reaches beyond them is a stray cell or a crafted file, never a roster.
 */
export const MAX_SHEET_ROWS = 200_000
export const MAX_SHEET_COLUMNS = 1_000

/**
 * Everything a reader may build for one file: fields in a CSV; in an .xlsx, every XML element
 * of every part, every cell a merge, a data validation or a defined name covers, and the reach
 * of every row (see xlsx-guard), on top of the 30 MB file and 32 MB unpacked caps. The bound
 * this gives, measured on a 2-core build machine: the costliest accepted .xlsx found (70,000
 * rows of eleven number cells, 770,000 cells) reads in 2.8 s (6.6 s with the machine loaded)
 * with 420 MB of peak memory; 1.15 million empty cells, 3.5 s and 314 MB. A real roster of
 * 20,000 in a dozen columns spends about a fifth of the budget.
 */
export const MAX_SHEET_ITEMS = 2_500_000

/** Excel's own grid: an address beyond it is not a spreadsheet at all. */
export const EXCEL_ROWS = 1_048_576
export const EXCEL_COLUMNS = 16_384

/** "A" for the first column, "AB" for the 28th: how the officer finds the cell in Excel. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  for (; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** The column index (from 0) of letters such as "XFD"; letters are upper case A-Z. */
export function columnIndex(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** Why a cell at this row (from 1) and column (from 0) is out of any roster's reach, or null. */
export function beyondRoster(row: number, column: number): string | null {
  if (row <= MAX_SHEET_ROWS && column < MAX_SHEET_COLUMNS) return null
  const where = `sel ${columnLetter(column)}${row}`
  return `lembar berisi ${where}, jauh di luar tabel pegawai (batas ${formatCount(MAX_SHEET_ROWS)} baris dan ${formatCount(MAX_SHEET_COLUMNS)} kolom, sampai kolom ${columnLetter(MAX_SHEET_COLUMNS - 1)}). Hapus isi atau format di luar tabel, simpan, lalu impor lagi.`
}
