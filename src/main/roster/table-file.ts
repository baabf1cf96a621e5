import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
import { UserError } from '../errors'
import { checkXlsxBuffer, notXlsx } from './xlsx-guard'

/** A cell as read, keeping what kind of value the file stored: a NIP stored as a number has lost digits. */
export interface Cell {
  text: string
  kind: 'text' | 'number' | 'date' | 'formula'
}

export interface Sheet {
  name: string | null
  /** rows[i] is the file's row i + 1. */
  rows: Cell[][]
}

const MAX_BYTES = 30 * 1024 * 1024
const EMPTY: Cell = { text: '', kind: 'text' }

export async function readTableFile(file: string): Promise<Sheet[]> {
  const name = path.basename(file)
  const ext = path.extname(file).toLowerCase()
  const stat = await fs.promises.stat(file).catch(() => null)
  if (!stat?.isFile()) throw new UserError('FILE_MISSING', `Berkas ${name} tidak ditemukan.`)
  if (stat.size === 0) throw new UserError('FILE_EMPTY', `Berkas ${name} kosong.`)
  if (stat.size > MAX_BYTES) {
    throw new UserError(
      'FILE_TOO_BIG',
      `Berkas ${name} terlalu besar (${Math.round(stat.size / 1048576)} MB; batas 30 MB).`,
    )
  }
  if (ext === '.csv' || ext === '.txt') return [readCsv(await fs.promises.readFile(file))]
  if (ext === '.xlsx') return readXlsx(file, name)
  if (ext === '.xls') {
    throw new UserError(
      'XLS_OLD',
      `Berkas ${name} berformat .xls lama. Simpan ulang sebagai .xlsx atau .csv di Excel, lalu impor lagi.`,
    )
  }
  throw new UserError('FILE_TYPE', `Berkas ${name} bukan .xlsx atau .csv.`)
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Older Excel on Windows saves CSV in the ANSI code page, not UTF-8.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function readCsv(bytes: Buffer): Sheet {
  const text = decode(bytes).replace(/^\uFEFF/, '')
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
  })
  return { name: null, rows: parsed.data.map((row) => row.map((text) => ({ text, kind: 'text' }))) }
}

/** Read once into memory (the size is already bounded), so the bytes checked are the bytes parsed. */
async function readXlsx(file: string, name: string): Promise<Sheet[]> {
  const bytes = await fs.promises.readFile(file)
  await checkXlsxBuffer(bytes, name)
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs types its Buffer as an ArrayBuffer; at run time it takes Node's Buffer as is.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw notXlsx(name)
  }
  return workbook.worksheets.map((sheet) => {
    const rows: Cell[][] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellOf(cell.value)
      })
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? EMPTY)
    })
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) }
  })
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return EMPTY
  if (typeof value === 'number') return { text: String(value), kind: 'number' }
  if (typeof value === 'string') return { text: value, kind: 'text' }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'text' }
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), kind: 'date' }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), kind: 'text' }
  if ('formula' in value || 'sharedFormula' in value) {
    // Never evaluated: only the result the spreadsheet program last saved, as plain text.
    const result = (value as { result?: unknown }).result
    return { text: result === undefined || result === null ? '' : String(result), kind: 'formula' }
  }
  if ('hyperlink' in value) return { text: String(value.text), kind: 'text' }
  return EMPTY
}
