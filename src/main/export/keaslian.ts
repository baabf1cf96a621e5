import type ExcelJS from 'exceljs'
import type { AttendanceRow } from '../../shared/attendance'
import type { Ceremony } from '../../shared/domain'
import { canonicalRow, makeSeal, sealFingerprint, type Seal } from '../keys/seal'
import { verificationCodeOf, type KioskKey } from '../keys/signature'

/** What an export signs with: the kiosk's key, the log's chain head when there is one, the time. */
export interface Signing {
  key: KioskKey
  /** The head of the kiosk's log at export; null where the log does not exist yet. */
  chainHead: { seq: number; hash: string } | null
  /** UTC instant the export is signed at. */
  at: string
}

export function sealRows(
  signing: Signing,
  ceremony: Ceremony,
  scope: string,
  rows: readonly AttendanceRow[],
): Seal {
  return makeSeal(signing.key, {
    scope,
    ceremonyId: ceremony.id,
    ceremonyName: ceremony.name,
    ceremonyDate: ceremony.date,
    timeZone: ceremony.timeZone,
    signedAt: signing.at,
    rows: rows.map(canonicalRow),
  })
}

/** The visible sheet every signed workbook carries; the verifier finds it by this name. */
export const KEASLIAN_SHEET = 'Keaslian'

/** Labels of the sheet's fields in column A, values in column B, all text cells. */
export const KEASLIAN_LABELS = {
  format: 'Format',
  scope: 'Cakupan',
  ceremonyId: 'Id acara',
  ceremonyName: 'Nama acara',
  ceremonyDate: 'Tanggal acara',
  timeZone: 'Zona waktu',
  signedAt: 'Waktu tanda tangan (UTC)',
  fingerprint: 'Sidik kunci kiosk',
  publicKey: 'Kunci publik',
  signature: 'Tanda tangan',
  code: 'Kode keaslian',
  count: 'Jumlah baris',
} as const

/** The header of the signed rows' table, in the canonical fields' order. */
export const KEASLIAN_HEADER = ['NIP', 'Status', 'Waktu (UTC)', 'Sumber', 'Keterangan']

const EXPLANATION = [
  'Lembar ini dibuat oleh Kiosk Apel Netralitas saat ekspor, untuk memeriksa bahwa data kehadiran di berkas ini tidak diubah sesudahnya.',
  'Tanda tangan digital (Ed25519) di bawah dibuat atas baris-baris pada tabel di bawah (NIP, status, waktu, sumber, keterangan) dengan kunci milik kiosk yang mengekspor. Berkas yang dibuka dan disimpan ulang dengan Excel atau LibreOffice tetap asli selama isinya sama.',
  'Cara memeriksa: di kiosk, Pengaturan > Periksa keaslian berkas; atau perintah "npm run verify -- <berkas atau folder>". Hasilnya "Asli", atau "Diubah" dengan NIP dan baris yang berbeda.',
  'Sidik kunci dan kode keaslian di bawah tercetak juga di kaki halaman daftar hadir yang ditandatangani pimpinan: cocokkan keduanya. Jangan mengubah lembar ini.',
]

/** Text cells throughout: no program turns a NIP, a key or a time into a number or a date. */
const TEXT: Partial<ExcelJS.Style> = { numFmt: '@', alignment: { vertical: 'top', wrapText: true } }
/** Its own object: exceljs sets a cell's font on the style object it holds, shared or not. */
const BOLD_TEXT: Partial<ExcelJS.Style> = { ...TEXT, font: { bold: true } }

function addTextRow(sheet: ExcelJS.Worksheet, values: string[], bold = false): void {
  const row = sheet.addRow(values)
  values.forEach((_, i) => (row.getCell(i + 1).style = bold ? BOLD_TEXT : TEXT))
  row.commit()
}

const WIDTHS = [26, 62, 22, 10, 40]
/** Characters per line across all five columns, to size a merged paragraph's row. */
const LINE_CHARS = WIDTHS.reduce((n, w) => n + w, 0) - 10
const LINE_HEIGHT = 15

/** A paragraph across the sheet's width (merged: people read it, the verifier does not). */
function addParagraph(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text])
  row.getCell(1).style = TEXT
  row.height = LINE_HEIGHT * Math.ceil(text.length / LINE_CHARS)
  sheet.mergeCells(`A${row.number}:E${row.number}`)
  row.commit()
}

/**
 * The "Keaslian" sheet: what it is, in Indonesian, then the seal's fields and its rows. Works
 * on a streamed workbook too (each row committed).
 */
export function addKeaslianSheet(
  workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  seal: Seal,
): void {
  const sheet = workbook.addWorksheet(KEASLIAN_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  })
  sheet.columns = WIDTHS.map((width) => ({ width }))
  addTextRow(sheet, ['KEASLIAN BERKAS'], true)
  for (const text of EXPLANATION) addParagraph(sheet, text)
  addTextRow(sheet, [])
  const L = KEASLIAN_LABELS
  const fields: [string, string][] = [
    [L.format, seal.format],
    [L.scope, seal.scope],
    [L.ceremonyId, String(seal.ceremonyId)],
    [L.ceremonyName, seal.ceremonyName],
    [L.ceremonyDate, seal.ceremonyDate],
    [L.timeZone, seal.timeZone],
    [L.signedAt, seal.signedAt],
    [L.fingerprint, sealFingerprint(seal)],
    [L.publicKey, seal.publicKey],
    [L.signature, seal.signature],
    [L.code, verificationCodeOf(seal.signature)],
    [L.count, String(seal.rows.length)],
  ]
  for (const [label, value] of fields) addTextRow(sheet, [label, value])
  addTextRow(sheet, [])
  addTextRow(sheet, KEASLIAN_HEADER, true)
  for (const r of seal.rows) addTextRow(sheet, [r.nip, r.status, r.time, r.source, r.reason])
  // Only a streamed sheet has (and needs) a commit.
  ;(sheet as { commit?: () => void }).commit?.()
}

/**
 * A print sheet's footer with the code and the key the paper anchors in its centre section,
 * placed before the right section ("&R…"): readers such as openpyxl expect left, centre, right.
 */
export function withKeaslianFooter(footer: string, seal: Seal): string {
  const centre = `&C&7Kode keaslian ${verificationCodeOf(seal.signature)} · ${sealFingerprint(seal)}`
  // The right section holds only page numbers: its "&R" is the last one (a name's "&" is "&&").
  const right = footer.lastIndexOf('&R')
  return right < 0
    ? `${footer}${centre}`
    : `${footer.slice(0, right)}${centre}${footer.slice(right)}`
}

/** The CSV's detached seal, beside it: a CSV has no room for a sheet. */
export const csvSealName = (csvName: string) => `${csvName}.keaslian.json`

/** What the CSV's seal file holds; keys in Indonesian where a person reads them. */
export interface CsvSealFile {
  keterangan: string
  berkas: string
  sidikKunci: string
  kodeKeaslian: string
  segel: Seal
}

export function csvSealJson(csvName: string, seal: Seal): string {
  const file: CsvSealFile = {
    keterangan: `Tanda tangan digital kiosk atas baris kehadiran di "${csvName}" (NIP, status, waktu, sumber, keterangan). Periksa dengan "npm run verify -- <berkas CSV>" atau di kiosk: Pengaturan > Periksa keaslian berkas.`,
    berkas: csvName,
    sidikKunci: sealFingerprint(seal),
    kodeKeaslian: verificationCodeOf(seal.signature),
    segel: seal,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}
