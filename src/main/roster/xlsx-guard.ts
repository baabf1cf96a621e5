import unzipper from 'unzipper'
import { formatCount } from '../../shared/format'
import { UserError } from '../errors'
import { rowReporter, type ReadProgress } from './read-progress'
import {
  EXCEL_COLUMNS,
  EXCEL_ROWS,
  MAX_SHEET_ITEMS,
  beyondRoster,
  columnIndex,
  refuseSheet,
} from './sheet-limits'

/**
 * exceljs inflates every part of an .xlsx into memory and then builds a model several times
 * larger, so a small file that inflates to gigabytes (a zip bomb) would take the kiosk down.
 * These limits sit far above any real roster: 20,000 employees in a SIMPEG-like layout unpack
 * to about 6 MB with parts compressed about 7:1.
 */
export const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024
const MAX_ENTRIES = 1000
const MAX_RATIO = 100
/** Small parts (relationships, content types) can compress oddly well; only big ones are judged by ratio. */
const RATIO_FLOOR_BYTES = 1024 * 1024

const MB = (bytes: number) => Math.round(bytes / 1048576)

/** The refusal for anything that is not a readable .xlsx: a renamed .exe, a truncated download. */
export const notXlsx = (name: string) =>
  new UserError('FILE_CORRUPT', `Berkas ${name} bukan file Excel (.xlsx) yang valid atau rusak.`)

/**
 * Refuses an .xlsx before exceljs sees it, from the zip's central directory (declared sizes,
 * nothing inflated), then inflates each part as a stream, counting, to catch a part that
 * declares less than it holds, and reads the positions the XML claims (see PartScan).
 * Memory stays at one chunk whatever the file claims.
 */
export async function checkXlsxBuffer(
  bytes: Buffer,
  name: string,
  progress?: ReadProgress,
): Promise<void> {
  const directory = await unzipper.Open.buffer(bytes).catch(() => {
    throw notXlsx(name)
  })
  const files = directory.files.filter((f) => f.type === 'File')
  if (files.length > MAX_ENTRIES) {
    throw refuseSheet(
      name,
      `berisi ${files.length} bagian (batas ${MAX_ENTRIES}); ini bukan file data pegawai.`,
    )
  }
  const total = files.reduce((sum, f) => sum + f.uncompressedSize, 0)
  if (total > MAX_UNZIPPED_BYTES) {
    throw refuseSheet(
      name,
      `isinya mengembang menjadi ${MB(total)} MB saat dibuka (batas ${MB(MAX_UNZIPPED_BYTES)} MB).`,
    )
  }
  for (const f of files) {
    const ratio = f.uncompressedSize / Math.max(1, f.compressedSize)
    if (f.uncompressedSize >= RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
      throw refuseSheet(
        name,
        `bagian ${f.path} dipadatkan ${Math.round(ratio)}:1, tidak wajar untuk data.`,
      )
    }
  }
  const budget = { items: 0, merges: 0, rows: 0, rowsSeen: rowReporter(progress, 'checking', null) }
  for (const f of files) await checkPart(f, name, budget)
}

/** Inflates one part chunk by chunk and stops as soon as it outgrows its declared size. */
async function checkPart(file: unzipper.File, name: string, budget: Budget): Promise<void> {
  let seen = 0
  const scan = XML_PART.test(file.path) ? new PartScan(file.path, name, budget) : null
  const stream = file.stream()
  try {
    for await (const chunk of stream) {
      seen += (chunk as Buffer).length
      scan?.feed(chunk as Buffer)
      if (seen > file.uncompressedSize) {
        throw refuseSheet(
          name,
          `bagian ${file.path} berisi lebih dari ukuran yang dinyatakan; berkas dimanipulasi atau rusak.`,
        )
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw notXlsx(name)
  } finally {
    stream.destroy()
  }
}

/** Parts exceljs parses as XML; media and other binary parts are kept as bytes. */
const XML_PART = /\.(xml|rels|vml)$/i
/** Excel writes a handful of merges for title rows; thousands mean a crafted file. */
export const MAX_MERGES = 5000
/** No real attribute list comes near this; a longer tag is read no further. */
const MAX_TAG_CHARS = 256 * 1024

interface Budget {
  items: number
  merges: number
  /** Rows met in every sheet so far, and who hears of them. */
  rows: number
  rowsSeen: (rows: number) => void
}

/**
 * A tag up to its closing ">": quoted values may hold ">", nothing in a tag may hold "<" (XML
 * forbids it in attribute values), so a tag found here can never hide one the parser sees.
 */
const TAG_BODY = String.raw`(?:[^>"'<]|"[^"<]*"|'[^'<]*')*>`
const COMPLETE_TAG = new RegExp(`<${TAG_BODY}`, 'y')
/** The elements exceljs takes positions from, unprefixed as exceljs matches them. */
const POSITIONED = new RegExp(`<(c|row|col|mergeCell|dataValidation)(?=[\\s/>])(${TAG_BODY})`, 'g')
const ELEMENT = /<[A-Za-z_]/g
const CELL_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/
/** A cell or range inside a defined name's formula text ("'Data'!$A$1:$XFD$1048576"). */
const NAME_RANGE = /\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g
const NAME_OPEN = new RegExp(`<definedName(?=[\\s/>])${TAG_BODY}`, 'g')
const NAME_CLOSE = '</definedName'
const NUMBER = /^[1-9]\d{0,9}$/

function attribute(attributes: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)
  return m ? (m[1] ?? m[2]) : undefined
}

/**
 * What exceljs will build from one XML part, read from the text while it inflates and before
 * exceljs sees any of it. exceljs builds about one object per element, one cell per merged
 * cell, one entry per cell a data validation or a defined name covers, keeps each row as an array as long as its last cell's column, makes one column object
 * per position up to a <col max>, and walks its row array up to the highest row number. So
 * every element, every merged cell and every row's reach is counted against one budget for
 * the file (MAX_SHEET_ITEMS), every position must lie inside Excel's grid, and every cell
 * inside a roster's reach. Work is linear in the part's bytes; memory is one chunk plus at
 * most one unfinished tag.
 */
class PartScan {
  private carry = ''
  /** How far the current row reaches (columns from 1): exceljs holds a row as an array that long. */
  private rowReach = 0
  /** The text of a <definedName> still open at the end of the last chunk, or null. */
  private nameText: string | null = null

  constructor(
    private readonly path: string,
    private readonly fileName: string,
    private readonly budget: Budget,
  ) {}

  feed(chunk: Buffer): void {
    // latin1 keeps one char per byte: a UTF-8 sequence split across chunks cannot break a tag.
    const text = this.carry + chunk.toString('latin1')
    const lastOpen = text.lastIndexOf('<')
    COMPLETE_TAG.lastIndex = lastOpen
    const whole = lastOpen === -1 || COMPLETE_TAG.test(text)
    this.carry = whole ? '' : text.slice(lastOpen)
    if (this.carry.length > MAX_TAG_CHARS) {
      throw refuseSheet(
        this.fileName,
        `bagian ${this.path} memuat tag XML yang tidak wajar panjangnya.`,
      )
    }
    this.read(whole ? text : text.slice(0, lastOpen))
  }

  private read(text: string): void {
    this.spend(text.match(ELEMENT)?.length ?? 0)
    this.definedNames(text)
    for (const [, element, attributes] of text.matchAll(POSITIONED)) {
      if (element === 'c') this.cell(attribute(attributes!, 'r'))
      else if (element === 'row') {
        this.number(attribute(attributes!, 'r'), EXCEL_ROWS)
        this.rowReach = 0
        this.budget.rowsSeen(++this.budget.rows)
      } else if (element === 'col') {
        this.number(attribute(attributes!, 'min'), EXCEL_COLUMNS)
        this.number(attribute(attributes!, 'max'), EXCEL_COLUMNS)
      } else if (element === 'mergeCell') this.merge(attribute(attributes!, 'ref'))
      else this.validation(attribute(attributes!, 'sqref'))
    }
  }

  private spend(items: number): void {
    this.budget.items += items
    if (this.budget.items > MAX_SHEET_ITEMS) {
      throw refuseSheet(
        this.fileName,
        `isinya terlalu banyak untuk daftar pegawai (lebih dari ${formatCount(MAX_SHEET_ITEMS)} sel dan unsur lain). Salin hanya tabel pegawai ke berkas baru, simpan, lalu impor lagi.`,
      )
    }
  }

  private invalid(value: string): UserError {
    return refuseSheet(
      this.fileName,
      `bagian ${this.path} memuat alamat yang tidak sah ("${value.slice(0, 20)}").`,
    )
  }

  /** An absent attribute is allowed (exceljs counts on); a present one must be in range. */
  private number(value: string | undefined, max: number): void {
    if (value !== undefined && !(NUMBER.test(value) && Number(value) <= max))
      throw this.invalid(value)
  }

  /** Row from 1, column from 0, of an address such as "XFD1048576", inside Excel's grid. */
  private address(ref: string): { row: number; column: number } {
    const m = CELL_REF.exec(ref)
    const row = Number(m?.[2])
    const column = m ? columnIndex(m[1]!) : Infinity
    if (!m || row > EXCEL_ROWS || column >= EXCEL_COLUMNS) throw this.invalid(ref)
    return { row, column }
  }

  /** How many cells a range such as "A1:F1" (or a lone "A1") covers, all inside Excel's grid. */
  private area(ref: string): number {
    const corners = ref.split(':')
    if (corners.length > 2) throw this.invalid(ref)
    const a = this.address(corners[0]!)
    const b = this.address(corners[1] ?? corners[0]!)
    return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1)
  }

  /**
   * A cell must lie inside a roster's reach; it spends the slots exceljs's array for its row
   * grows by, up to its column.
   */
  private cell(ref: string | undefined): void {
    if (ref === undefined) return
    const { row, column } = this.address(ref)
    const far = beyondRoster(row, column)
    if (far) throw refuseSheet(this.fileName, far)
    if (column + 1 > this.rowReach) this.spend(column + 1 - this.rowReach)
    this.rowReach = Math.max(this.rowReach, column + 1)
  }

  /**
   * exceljs builds one entry per cell a defined name's ranges cover (all but the print area),
   * so every range in such a name's text is spent by area; the text is kept only while its
   * element is open, and only up to MAX_TAG_CHARS.
   */
  private definedNames(text: string): void {
    let at = 0
    while (at < text.length) {
      if (this.nameText === null) {
        NAME_OPEN.lastIndex = at
        const open = NAME_OPEN.exec(text)
        if (!open) return
        at = NAME_OPEN.lastIndex
        // exceljs keeps a print area as its text; every other name it expands cell by cell.
        const printArea = attribute(open[0].slice(12, -1), 'name') === '_xlnm.Print_Area'
        if (!open[0].endsWith('/>') && !printArea) this.nameText = ''
        continue
      }
      const close = text.indexOf(NAME_CLOSE, at)
      this.nameText += close === -1 ? text.slice(at) : text.slice(at, close)
      if (this.nameText.length > MAX_TAG_CHARS) {
        throw refuseSheet(
          this.fileName,
          `bagian ${this.path} memuat nama sel yang tidak wajar panjangnya.`,
        )
      }
      if (close === -1) return
      for (const [, c1, r1, c2 = c1, r2 = r1] of this.nameText.matchAll(NAME_RANGE)) {
        const rows = Math.abs(Number(r2) - Number(r1)) + 1
        const columns =
          Math.abs(columnIndex(c2!.toUpperCase()) - columnIndex(c1!.toUpperCase())) + 1
        this.spend(rows * columns)
      }
      this.nameText = null
      at = close + NAME_CLOSE.length
    }
  }

  /**
   * exceljs stores a validation once per address it covers ("F2:F1048576", a drop-down on a
   * whole column, is a million entries), so each covered cell is spent like a cell.
   */
  private validation(sqref: string | undefined): void {
    for (const ref of sqref?.split(/\s+/).filter(Boolean) ?? []) this.spend(this.area(ref))
  }

  private merge(ref: string | undefined): void {
    if (ref === undefined) return
    const cells = this.area(ref)
    this.budget.merges += 1
    if (this.budget.merges > MAX_MERGES) {
      throw refuseSheet(
        this.fileName,
        `sel digabung di lebih dari ${formatCount(MAX_MERGES)} tempat; ini bukan daftar pegawai.`,
      )
    }
    this.spend(cells)
  }
}
