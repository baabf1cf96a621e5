import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { formatCount } from '../../shared/format'
import { UserError } from '../errors'
import { rowReporter, type ReadProgress } from './read-progress'
import { MAX_SHEET_ITEMS, beyondRoster, refuseSheet } from './sheet-limits'
import { checkXlsxBuffer, notXlsx } from './xlsx-guard'

/** A cell as read, keeping what kind of value the file stored: a NIP stored as a number has lost digits. */
export interface Cell {
  text: string
  kind: 'text' | 'number' | 'date' | 'formula'
}

/** One row that holds something. Empty cells are absent, so a row costs what it holds. */
export interface SheetRow {
  /** The file's row number, from 1. */
  row: number
  /** By column index from 0 (A is 0), in column order. */
  cells: Map<number, Cell>
}

/**
 * A sheet as the cells actually present, rows in file order. Never densified: a cell at XFD or
 * at row 1,048,576 costs one entry, not every empty cell before it.
 */
export interface Sheet {
  name: string | null
  rows: SheetRow[]
}

const MAX_BYTES = 30 * 1024 * 1024

/**
 * Reads a roster file into sparse sheets. Bounded whatever the file holds: at most 30 MB read,
 * and no more than MAX_SHEET_ITEMS cells (CSV) or XML elements and merged cells (.xlsx, see
 * xlsx-guard) are ever built, each inside a roster's reach (sheet-limits).
 */
export async function readTableFile(file: string, progress?: ReadProgress): Promise<Sheet[]> {
  const name = path.basename(file)
  const ext = path.extname(file).toLowerCase()
  const bytes = await readRegularFile(file, name)
  if (ext === '.csv' || ext === '.txt') return [readCsv(bytes, name, progress)]
  if (ext === '.xlsx') return readXlsx(bytes, name, progress)
  if (ext === '.xls') {
    throw new UserError(
      'XLS_OLD',
      `Berkas ${name} berformat .xls lama. Simpan ulang sebagai .xlsx atau .csv di Excel, lalu impor lagi.`,
    )
  }
  throw new UserError('FILE_TYPE', `Berkas ${name} bukan .xlsx atau .csv.`)
}

/** What a path that is not a regular file is, in the officer's words. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'folder'
  if (stat.isFIFO()) return 'pipa'
  if (stat.isSocket()) return 'soket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'perangkat'
  return 'bukan berkas data'
}

const notRegular = (name: string, stat: fs.Stats) =>
  new UserError(
    'FILE_NOT_REGULAR',
    `Berkas ${name} bukan berkas biasa (${kindOf(stat)}); pilih berkas .xlsx atau .csv.`,
  )

/**
 * The file's bytes, read once, so the bytes checked are the bytes parsed. A FIFO or a device
 * is refused from stat() without being opened (opening a FIFO waits for a writer forever);
 * the open itself is non-blocking and re-checked, for a path swapped in between.
 */
export async function readRegularFile(file: string, name: string): Promise<Buffer> {
  const stat = await fs.promises.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      throw new UserError('FILE_DENIED', `Berkas ${name} tidak boleh dibaca (izin ditolak).`)
    }
    throw new UserError('FILE_MISSING', `Berkas ${name} tidak ditemukan.`)
  })
  if (!stat.isFile()) throw notRegular(name, stat)
  checkSize(stat.size, name)
  const handle = await fs.promises.open(
    file,
    fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0),
  )
  try {
    const opened = await handle.stat()
    if (!opened.isFile()) throw notRegular(name, opened)
    checkSize(opened.size, name)
    return await readAtMost(handle, opened.size)
  } finally {
    await handle.close()
  }
}

/** The first `size` bytes, no more: a file still growing cannot stretch the read past the cap. */
async function readAtMost(handle: fs.promises.FileHandle, size: number): Promise<Buffer> {
  const bytes = Buffer.alloc(size)
  let filled = 0
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return bytes.subarray(0, filled)
}

function checkSize(size: number, name: string): void {
  if (size === 0) throw new UserError('FILE_EMPTY', `Berkas ${name} kosong.`)
  if (size > MAX_BYTES) {
    throw new UserError(
      'FILE_TOO_BIG',
      `Berkas ${name} terlalu besar (${Math.round(size / 1048576)} MB; batas 30 MB).`,
    )
  }
}

/**
 * Excel's "Unicode Text" is UTF-16 with a byte-order mark; its CSV is UTF-8 (with or without
 * a BOM) or, in older versions on Windows, the ANSI code page. TextDecoder drops the BOM.
 */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Enough lines for papaparse to guess the separator, never the whole of a one-line file. */
const GUESS_CHARS = 64 * 1024

function readCsv(bytes: Buffer, name: string, progress?: ReadProgress): Sheet {
  const text = decode(bytes)
  const delimiter = Papa.parse<string[]>(text.slice(0, GUESS_CHARS), {
    delimitersToGuess: [';', ',', '\t'],
    preview: 20,
  }).meta.delimiter
  const lines = checkCsvShape(text, delimiter, name)
  const rows: SheetRow[] = []
  const recordsRead = rowReporter(progress, 'reading', lines)
  let record = 0
  // Record by record, so the rows read are told while the file is read.
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: ({ data: fields }) => {
      record += 1
      const cells = new Map<number, Cell>()
      fields.forEach((text, col) => {
        if (text !== '') cells.set(col, { text, kind: 'text' })
      })
      if (cells.size) rows.push({ row: record, cells })
      recordsRead(record)
    },
  })
  return { name: null, rows }
}

/**
 * Before papaparse builds anything: every separator and line break makes a field, so their
 * count bounds what it will build; and no field with text may lie outside a roster's reach.
 * Quoted separators count too, which only errs on the safe side. Returns the lines counted:
 * the records the file holds, or a few more where a quoted field spans lines.
 */
function checkCsvShape(text: string, delimiter: string, name: string): number {
  const separator = delimiter.charCodeAt(0)
  let row = 1
  let column = 0
  let fields = 1
  let filled = false
  for (let i = 0; i <= text.length; i++) {
    const ch = i === text.length ? 10 : text.charCodeAt(i)
    if (ch !== separator && ch !== 10) {
      if (ch > 32 && ch !== 34) filled = true
      continue
    }
    const far = filled ? beyondRoster(row, column) : null
    if (far) throw refuseSheet(name, far)
    filled = false
    if (ch === 10) {
      row += 1
      column = 0
    } else column += 1
    if (++fields > MAX_SHEET_ITEMS) {
      throw refuseSheet(
        name,
        `isinya terlalu banyak untuk daftar pegawai (lebih dari ${formatCount(MAX_SHEET_ITEMS)} sel).`,
      )
    }
  }
  return row - 1
}

/** Parsed from the bytes already read and checked; only cells present are visited. */
async function readXlsx(bytes: Buffer, name: string, progress?: ReadProgress): Promise<Sheet[]> {
  await checkXlsxBuffer(bytes, name, progress)
  // exceljs builds the whole workbook in one call, with nothing to count while it does.
  progress?.('opening', 0, null)
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its Buffer as an ArrayBuffer; at run time it takes Node's Buffer as is.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw notXlsx(name)
  }
  return workbook.worksheets.map((sheet) => {
    const rows: SheetRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = new Map<number, Cell>()
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const read = cellOf(cell.value)
        if (read) cells.set(col - 1, read)
      })
      if (cells.size) rows.push({ row: rowNumber, cells })
    })
    return { name: sheet.name, rows }
  })
}

/** null for a cell that holds nothing. */
function cellOf(value: ExcelJS.CellValue): Cell | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return { text: String(value), kind: 'number' }
  if (typeof value === 'string') return value === '' ? null : { text: value, kind: 'text' }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'text' }
  if (value instanceof Date) {
    // A serial beyond any calendar gives an invalid Date, whose toISOString() throws.
    const text = Number.isNaN(value.getTime()) ? '?' : value.toISOString().slice(0, 10)
    return { text, kind: 'date' }
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), kind: 'text' }
  if ('formula' in value || 'sharedFormula' in value) {
    // Never evaluated: only the result the spreadsheet program last saved, as plain text.
    const result = (value as { result?: unknown }).result
    return { text: result === undefined || result === null ? '' : String(result), kind: 'formula' }
  }
  if ('hyperlink' in value) return { text: String(value.text), kind: 'text' }
  return null
}
