import ExcelJS from 'exceljs'
import path from 'node:path'
import type { FileCheck } from '../../shared/contract/authenticity'
import { TIME_ZONES, TIME_ZONE_IDS, type TimeZoneId } from '../../shared/time'
import { UserError } from '../errors'
import { KEASLIAN_HEADER, KEASLIAN_LABELS, KEASLIAN_SHEET } from '../export/keaslian'
import { SEAL_FORMAT, sealHolds, type CanonicalRow, type Seal } from '../keys/seal'
import { checkXlsxBuffer } from '../roster/xlsx-guard'
import { readRegularFile } from '../roster/table-file'
import { cellText, sheetRows } from './cells'
import { byNip, compareTable, missingRows, type FoundRow } from './compare'
import { judgeSeal, unreadable, type VerifyOptions } from './judge'

type Row = { n: number; values: ExcelJS.CellValue[] }

/** The seal the Keaslian sheet carries, or why it cannot be one. */
function readSeal(sheet: ExcelJS.Worksheet): Seal | string {
  const rows = sheetRows(sheet)
  const field = new Map<string, string>()
  const header = rows.findIndex((r) => KEASLIAN_HEADER.every((h, i) => cellText(r.values[i]) === h))
  if (header < 0) return 'tabel baris yang ditandatangani tidak ditemukan'
  for (const r of rows.slice(0, header)) field.set(cellText(r.values[0]), cellText(r.values[1]))
  const L = KEASLIAN_LABELS
  const get = (label: string) => field.get(label) ?? ''
  if (get(L.format) !== SEAL_FORMAT) return `format "${get(L.format)}" tidak dikenal`
  const zone = get(L.timeZone) as TimeZoneId
  if (!TIME_ZONE_IDS.includes(zone)) return `zona waktu "${zone}" tidak dikenal`
  const body = rows.slice(header + 1).map((r): CanonicalRow => ({
    nip: cellText(r.values[0]),
    status: cellText(r.values[1]),
    time: cellText(r.values[2]),
    source: cellText(r.values[3]),
    reason: cellText(r.values[4]),
  }))
  return {
    format: SEAL_FORMAT,
    scope: get(L.scope),
    ceremonyId: Number(get(L.ceremonyId)),
    ceremonyName: get(L.ceremonyName),
    ceremonyDate: get(L.ceremonyDate),
    timeZone: zone,
    signedAt: get(L.signedAt),
    publicKey: get(L.publicKey),
    signature: get(L.signature),
    rows: body,
  }
}

const TIME_HEADER = /^(Waktu Scan|Pukul)/
const HEADER_SEARCH_ROWS = 80

/** Where the list's columns are: by their headers, so a column added beside them changes nothing. */
function listColumns(values: ExcelJS.CellValue[]) {
  const texts = values.map(cellText)
  const at = (test: (t: string) => boolean) => texts.findIndex(test)
  const nip = at((t) => t === 'NIP')
  const status = at((t) => t === 'Status')
  if (nip < 0 || status < 0) return null
  return {
    nip,
    status,
    time: at((t) => TIME_HEADER.test(t)),
    source: at((t) => t === 'Sumber'),
    reason: at((t) => t === 'Keterangan'),
  }
}

function timeOf(value: ExcelJS.CellValue, zone: TimeZoneId): FoundRow['time'] {
  if (value instanceof Date) {
    return { utcMs: value.getTime() - TIME_ZONES[zone].offsetHours * 3_600_000 }
  }
  const text = cellText(value).trim()
  if (text === '') return null
  return /^\d{2}\.\d{2}$/.test(text) ? { hhmm: text } : { text }
}

/** The attendance list a sheet holds, or null when it has none (the recap's counts, Keaslian). */
function readList(sheet: ExcelJS.Worksheet, zone: TimeZoneId): FoundRow[] | null {
  const rows = sheetRows(sheet)
  const start = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => listColumns(r.values))
  if (start < 0) return null
  const cols = listColumns(rows[start]!.values)!
  const found: FoundRow[] = []
  let previous = rows[start]!.n
  for (const r of rows.slice(start + 1) as Row[]) {
    const nip = cellText(r.values[cols.nip]).replace(/\s/g, '')
    // The list ends at its first gap (the print sheet's counts and signature follow it).
    if (nip === '' || r.n !== previous + 1) break
    previous = r.n
    found.push({
      where: `Lembar "${sheet.name}" baris ${r.n}`,
      nip,
      status: cellText(r.values[cols.status]),
      time: cols.time < 0 ? null : timeOf(r.values[cols.time], zone),
      source: cols.source < 0 ? undefined : cellText(r.values[cols.source]),
      reason: cols.reason < 0 ? '' : cellText(r.values[cols.reason]),
    })
  }
  return found
}

/**
 * Every list sheet against the signed rows. A per-OPD workbook holds the whole list on each
 * (print and data sheet); the recap spreads it over its OPD sheets, so there a row must be on
 * one of them.
 */
function compareSheets(workbook: ExcelJS.Workbook, seal: Seal): string[] {
  const signed = byNip(seal.rows)
  const findings: string[] = []
  const seenAnywhere = new Set<string>()
  let lists = 0
  for (const sheet of workbook.worksheets) {
    if (sheet.name === KEASLIAN_SHEET) continue
    const found = readList(sheet, seal.timeZone)
    if (!found) continue
    lists++
    const { findings: diff, seen } = compareTable(signed, found, seal.timeZone)
    findings.push(...diff)
    seen.forEach((nip) => seenAnywhere.add(nip))
    if (seal.scope !== 'Rekap')
      findings.push(...missingRows(signed, seen, `lembar "${sheet.name}"`))
  }
  if (lists === 0) findings.push('Tidak ada lembar daftar kehadiran (kolom NIP dan Status).')
  if (seal.scope === 'Rekap')
    findings.push(...missingRows(signed, seenAnywhere, 'semua lembar OPD'))
  return findings
}

interface Relationship {
  Target: string
}
interface XlsxInternals {
  reconcile(model: { worksheetRels: Relationship[][] }, options: unknown): void
}

/**
 * openpyxl writes a sheet's links to its parts as absolute paths ("/xl/tables/table1.xml"),
 * where exceljs looks them up relative ("../tables/table1.xml") and fails on the first table.
 * Both are valid; the targets are made relative before exceljs reads them (its reconcile step
 * is internal, hence the cast).
 */
function acceptAbsoluteTargets(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as XlsxInternals
  const reconcile = xlsx.reconcile.bind(xlsx)
  xlsx.reconcile = (model, options) => {
    for (const rels of Object.values(model.worksheetRels ?? {})) {
      for (const rel of rels ?? []) {
        if (rel.Target.startsWith('/xl/')) rel.Target = `../${rel.Target.slice('/xl/'.length)}`
      }
    }
    reconcile(model, options)
  }
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file)
  const bytes = await readRegularFile(file, name)
  await checkXlsxBuffer(bytes, name)
  const workbook = new ExcelJS.Workbook()
  try {
    acceptAbsoluteTargets(workbook)
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new UserError(
      'FILE_CORRUPT',
      `Berkas ${name} bukan file Excel (.xlsx) yang valid atau rusak.`,
    )
  }
  return workbook
}

const scopeWhat = (scope: string) => (scope === 'Rekap' ? 'Rekap' : `Buku kerja ${scope}`)

/** An exported workbook: its Keaslian sheet's signature, then every list sheet against it. */
export async function verifyWorkbook(
  file: string,
  options: VerifyOptions = {},
): Promise<FileCheck> {
  const name = path.basename(file)
  let workbook: ExcelJS.Workbook
  try {
    workbook = await load(file)
  } catch (error) {
    if (error instanceof UserError) return unreadable(name, 'Buku kerja', error.message)
    throw error
  }
  const sheet = workbook.getWorksheet(KEASLIAN_SHEET)
  if (!sheet) {
    return unreadable(
      name,
      'Buku kerja',
      `Berkas ${name} tidak punya lembar "${KEASLIAN_SHEET}": bukan ekspor bertanda tangan, atau lembar itu dihapus.`,
    )
  }
  const seal = readSeal(sheet)
  if (typeof seal === 'string') {
    return unreadable(name, 'Buku kerja', `Lembar "${KEASLIAN_SHEET}" di ${name} rusak: ${seal}.`)
  }
  return judgeSeal(name, scopeWhat(seal.scope), seal, sealHolds(seal), options, () =>
    compareSheets(workbook, seal),
  )
}
