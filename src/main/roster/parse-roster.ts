import type { ImportRejection, JenisPegawai } from '../../shared/domain'
import { FIELD_MAX, type LimitedField } from '../../shared/field-limits'
import { formatCount } from '../../shared/format'
import { validateNip } from '../../shared/nip'
import { opdKey, tidyOpdName } from './opd-key'
import { rowReporter, type ReadProgress } from './read-progress'
import { columnLetter } from './sheet-limits'
import type { Cell, Sheet } from './table-file'

export interface RosterRow {
  row: number
  nip: string
  name: string
  opdKey: string
  opdName: string
  jabatan: string
  pangkat: string
  jenis: JenisPegawai
}

export interface ParsedRoster {
  sheetName: string | null
  headerRow: number
  rows: RosterRow[]
  rejected: ImportRejection[]
  /**
   * Readable NIPs of rejected rows. Their people stay as they are: a row refused for a formula
   * or a duplicate must not retire someone as "missing from the file".
   */
  held: string[]
  opdMerged: { name: string; variants: string[] }[]
}

type Field = 'nip' | LimitedField | 'jenis'
type Cells = Map<number, Cell>
const EMPTY: Cell = { text: '', kind: 'text' }

/** Header spellings seen in BKPSDM/SIMPEG exports, compared with letters only, lower case. */
const HEADERS: Record<Field, string[]> = {
  nip: ['nip', 'nipbaru', 'nipnipppk', 'nomorindukpegawai'],
  name: ['nama', 'namalengkap', 'namapegawai', 'namaasn'],
  opd: ['unitkerja', 'opd', 'perangkatdaerah', 'skpd', 'namaopd', 'unitorganisasi', 'instansi'],
  jabatan: ['jabatan', 'namajabatan'],
  pangkat: ['pangkat', 'golongan', 'golruang', 'pangkatgolongan', 'pangkatgol', 'golonganruang'],
  jenis: ['jenis', 'jenispegawai', 'statuspegawai', 'statusasn', 'statuskepegawaian', 'jenisasn'],
}
const HEADER_SEARCH_ROWS = 50

const letters = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '')

function mapHeader(cells: Cells): Partial<Record<Field, number>> | null {
  const columns: Partial<Record<Field, number>> = {}
  cells.forEach((cell, col) => {
    const key = letters(cell.text)
    for (const field of Object.keys(HEADERS) as Field[]) {
      if (columns[field] === undefined && HEADERS[field].includes(key)) columns[field] = col
    }
  })
  return columns.nip !== undefined && columns.name !== undefined ? columns : null
}

/** The header's position in sheet.rows, its file row, and the column of each field it names. */
function findHeader(sheet: Sheet) {
  for (let i = 0; i < sheet.rows.length && sheet.rows[i]!.row <= HEADER_SEARCH_ROWS; i++) {
    const columns = mapHeader(sheet.rows[i]!.cells)
    if (columns) return { index: i, row: sheet.rows[i]!.row, columns }
  }
  return null
}

function jenisOf(text: string, nipKind: 'PNS' | 'PPPK'): JenisPegawai | null {
  const key = letters(text)
  if (key === '') return nipKind
  if (key === 'pns' || key === 'cpns') return 'PNS'
  if (key === 'pppk' || key === 'p3k' || key === 'pppkparuhwaktu') return 'PPPK'
  if (key === 'nonasn' || key === 'honorer' || key === 'tkd' || key === 'thl') return 'NON_ASN'
  return null
}

/** "Jumlah", "TOTAL", "Jumlah: 2.400": the sums BKPSDM exports put under the table. */
const TOTAL_ROW = /^(jumlah|total|grand total)\b/i

/** A cell's text as quoted back to the officer: enough to find it, never the whole of a huge one. */
function quoted(text: string): string {
  const t = text.trim()
  return t.length > 40 ? `${t.slice(0, 40)}…` : t
}

/** "kolom Nama (B)": the header as the file spells it, and the letter Excel shows. */
function columnName(header: Cells, col: number): string {
  return `kolom ${quoted(header.get(col)?.text ?? '') || 'tanpa judul'} (${columnLetter(col)})`
}

const LIMITED = Object.keys(FIELD_MAX) as LimitedField[]

/** The first field longer than the contract allows, as the officer should read it; or null. */
function tooLong(
  values: Record<LimitedField, string>,
  header: Cells,
  columns: Partial<Record<Field, number>>,
): string | null {
  for (const field of LIMITED) {
    const col = columns[field]
    const length = values[field].length
    if (col === undefined || length <= FIELD_MAX[field]) continue
    return `${columnName(header, col)}: lebih dari ${FIELD_MAX[field]} karakter (tertulis ${formatCount(length)} karakter)`
  }
  return null
}

/**
 * A formula is never evaluated and its last saved result is not trusted either: the name shown
 * by =HYPERLINK("http://…","Budi") is not what the cell holds. The officer types the value.
 */
function formulaIn(
  cells: Cells,
  header: Cells,
  columns: Partial<Record<Field, number>>,
): string | null {
  for (const col of Object.values(columns)) {
    if (cells.get(col)?.kind !== 'formula') continue
    return `${columnName(header, col)} berisi rumus Excel, bukan nilai; salin lalu tempel sebagai nilai (Paste Values)`
  }
  return null
}

/** Why a NIP cell cannot be trusted, or null when its text is the NIP as typed. */
function lostDigits(cell: Cell): string | null {
  if (cell.kind === 'number' || /^\d+(\.\d+)?e\+?\d+$/i.test(cell.text.trim())) {
    return `NIP tersimpan sebagai angka (${quoted(cell.text)}) sehingga digit terakhirnya hilang; ubah format kolom NIP menjadi Teks lalu ketik ulang`
  }
  if (cell.kind === 'date') return `kolom NIP berisi tanggal (${quoted(cell.text)}), bukan NIP`
  return null
}

export function parseRoster(
  sheets: Sheet[],
  fileName: string,
  progress?: ReadProgress,
): ParsedRoster | { error: string } {
  const headed = sheets.map((sheet) => ({ sheet, header: findHeader(sheet) }))
  // A sheet with a Unit Kerja column wins over an earlier one without (a printed list first).
  const found =
    headed.find((s) => s.header?.columns.opd !== undefined) ?? headed.find((s) => s.header)
  if (!found?.header) {
    return {
      error: `Berkas ${fileName}: baris judul kolom tidak ditemukan di ${HEADER_SEARCH_ROWS} baris pertama. Perlu kolom NIP dan Nama.`,
    }
  }
  const { sheet, header } = found
  if (header.columns.opd === undefined) {
    return {
      error: `Berkas ${fileName}: kolom Unit Kerja / OPD / Perangkat Daerah / SKPD tidak ditemukan.`,
    }
  }
  const col = header.columns as Record<Field, number | undefined>
  const get = (cells: Cells, field: Field): Cell => {
    const c = col[field]
    return (c === undefined ? undefined : cells.get(c)) ?? EMPTY
  }
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim()

  const rows: RosterRow[] = []
  const rejected: ImportRejection[] = []
  const held = new Set<string>()
  const headerCells = sheet.rows[header.index]!.cells
  const spellings = new Map<string, Set<string>>()
  const body = sheet.rows.slice(header.index + 1)
  const parsed = rowReporter(progress, 'parsing', body.length)
  for (const [i, { row, cells }] of body.entries()) {
    parsed(i)
    const nipCell = get(cells, 'nip')
    const nipText = nipCell.text.trim()
    const name = clean(get(cells, 'name').text)
    const opdRaw = clean(get(cells, 'opd').text)
    const texts = [...cells.values()].map((c) => c.text.trim())
    if (texts.every((t) => t === '')) continue
    if (TOTAL_ROW.test(nipText)) continue
    if (
      nipText === '' &&
      (name === '' || TOTAL_ROW.test(name) || texts.some((t) => TOTAL_ROW.test(t)))
    )
      continue
    const reject = (reason: string) => rejected.push({ row, reason })
    const broken = lostDigits(nipCell) ?? formulaIn(cells, headerCells, header.columns)
    if (broken) {
      reject(broken)
      const readable = nipCell.kind === 'text' ? validateNip(nipCell.text) : null
      if (readable?.ok) held.add(readable.nip)
      continue
    }
    if (nipText === '') {
      reject('NIP kosong (pegawai non-ASN ditambahkan lewat menu Data Pegawai)')
      continue
    }
    const nip = validateNip(nipCell.text)
    if (!nip.ok) {
      reject(`${nip.reason} (tertulis "${quoted(nipText)}")`)
      continue
    }
    const rejectKnown = (reason: string) => {
      reject(reason)
      held.add(nip.nip)
    }
    if (name === '') {
      rejectKnown('Nama kosong')
      continue
    }
    if (opdRaw === '') {
      rejectKnown('Unit kerja / OPD kosong')
      continue
    }
    const jenisText = get(cells, 'jenis').text
    const jenis = jenisOf(jenisText, nip.kind)
    if (!jenis) {
      rejectKnown(`Jenis pegawai "${quoted(jenisText)}" tidak dikenal (PNS, PPPK, atau non-ASN)`)
      continue
    }
    // Measured as stored: NFKC in tidyOpdName can lengthen a name.
    const values = {
      name,
      opd: tidyOpdName(opdRaw),
      jabatan: clean(get(cells, 'jabatan').text),
      pangkat: clean(get(cells, 'pangkat').text),
    }
    const overLimit = tooLong(values, headerCells, header.columns)
    if (overLimit) {
      rejectKnown(overLimit)
      continue
    }
    const key = opdKey(opdRaw)
    spellings.set(key, (spellings.get(key) ?? new Set()).add(opdRaw))
    rows.push({
      row,
      nip: nip.nip,
      name,
      opdKey: key,
      opdName: values.opd,
      jabatan: values.jabatan,
      pangkat: values.pangkat,
      jenis,
    })
  }
  return {
    sheetName: sheet.name,
    headerRow: header.row,
    ...dropDuplicates(rows, rejected, held),
    opdMerged: [...spellings.values()]
      .filter((v) => v.size > 1)
      .map((v) => ({ name: tidyOpdName([...v][0]!), variants: [...v] })),
  }
}

/** Rows named in one duplicate's reason; a NIP pasted down a whole column must not make each reason list all. */
const OTHER_ROWS_SHOWN = 5

/** "baris 4, 9 dan 1.203 baris lain": the first few of the other rows with this NIP. */
function otherRows(lines: number[], self: number): string {
  const shown: number[] = []
  for (const line of lines) {
    if (shown.length === OTHER_ROWS_SHOWN) break
    if (line !== self) shown.push(line)
  }
  const more = lines.length - 1 - shown.length
  return more > 0 ? `${shown.join(', ')} dan ${formatCount(more)} baris lain` : shown.join(', ')
}

/** A NIP twice in one file: neither row wins, both are reported. Linear in the rows. */
function dropDuplicates(rows: RosterRow[], rejected: ImportRejection[], held: Set<string>) {
  const byNip = new Map<string, RosterRow[]>()
  for (const r of rows) {
    const group = byNip.get(r.nip)
    if (group) group.push(r)
    else byNip.set(r.nip, [r])
  }
  const kept: RosterRow[] = []
  for (const group of byNip.values()) {
    if (group.length === 1) {
      kept.push(group[0]!)
      continue
    }
    held.add(group[0]!.nip)
    const lines = group.map((r) => r.row)
    for (const r of group) {
      rejected.push({
        row: r.row,
        reason: `NIP ${r.nip} juga ada di baris ${otherRows(lines, r.row)}; periksa mana yang benar`,
      })
    }
  }
  kept.sort((a, b) => a.row - b.row)
  rejected.sort((a, b) => a.row - b.row)
  return { rows: kept, rejected, held: [...held] }
}
