import Papa from 'papaparse'
import fs from 'node:fs'
import path from 'node:path'
import type { FileCheck } from '../../shared/contract/authenticity'
import { TIME_ZONES, TIME_ZONE_IDS, type TimeZoneId } from '../../shared/time'
import { UserError } from '../errors'
import { csvSealName, type CsvSealFile } from '../export/keaslian'
import { SEAL_FORMAT, sealHolds, type Seal } from '../keys/seal'
import { readRegularFile } from '../roster/table-file'
import { byNip, compareTable, missingRows, type FoundRow } from './compare'
import { judgeSeal, unreadable, type VerifyOptions } from './judge'

/** What csvField put before a text a spreadsheet would run as a formula. */
const GUARDED = /^'[=+\-@\t\r]/

/** "2024-09-30 07:31:05" (as written) or "30/09/2024 07:31:05" (as a spreadsheet may re-save it). */
function timeOf(text: string, zone: TimeZoneId): FoundRow['time'] {
  const t = text.trim()
  if (t === '') return null
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/)
  const dmy = t.match(/^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/)
  const [y, mo, d, h, mi, s] = iso
    ? iso.slice(1)
    : dmy
      ? [dmy[3], dmy[2], dmy[1], ...dmy.slice(4)]
      : []
  if (!y) return { text: t }
  const utcMs = Date.UTC(+y, +mo! - 1, +d!, +h! - TIME_ZONES[zone].offsetHours, +mi!, +s!)
  return { utcMs }
}

async function readSeal(file: string): Promise<Seal | string> {
  let parsed: Partial<CsvSealFile>
  try {
    const bytes = await readRegularFile(file, path.basename(file))
    parsed = JSON.parse(bytes.toString('utf8')) as Partial<CsvSealFile>
  } catch (error) {
    if (error instanceof UserError) return error.message
    return 'berkas keaslian rusak atau bukan JSON'
  }
  const seal = parsed.segel
  if (!seal || seal.format !== SEAL_FORMAT || !Array.isArray(seal.rows)) {
    return 'berkas keaslian tidak berisi segel yang dikenal'
  }
  if (!TIME_ZONE_IDS.includes(seal.timeZone)) return `zona waktu "${seal.timeZone}" tidak dikenal`
  return seal
}

function readRows(text: string, zone: TimeZoneId): FoundRow[] | string {
  const { data } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true })
  const [header, ...rows] = data
  if (!header) return 'CSV kosong'
  const col = (test: (h: string) => boolean) => header.findIndex((h) => test(h.trim()))
  const c = {
    nip: col((h) => h === 'NIP'),
    status: col((h) => h === 'Status'),
    time: col((h) => h.startsWith('Waktu Scan')),
    source: col((h) => h === 'Sumber'),
    reason: col((h) => h === 'Keterangan'),
  }
  if (Object.values(c).some((i) => i < 0)) {
    return 'kolom NIP, Status, Waktu Scan, Sumber dan Keterangan tidak lengkap'
  }
  return rows.map((r, i) => ({
    where: `Baris ${i + 2}`,
    nip: (r[c.nip] ?? '').replace(/\s/g, ''),
    status: r[c.status] ?? '',
    time: timeOf(r[c.time] ?? '', zone),
    source: r[c.source] ?? '',
    reason: (r[c.reason] ?? '').replace(GUARDED, (m) => m.slice(1)),
  }))
}

/** The CSV against the seal beside it (`<name>.csv.keaslian.json`). */
export async function verifyCsv(file: string, options: VerifyOptions = {}): Promise<FileCheck> {
  const name = path.basename(file)
  const sealFile = path.join(path.dirname(file), csvSealName(name))
  if (!fs.existsSync(sealFile)) {
    return unreadable(
      name,
      'CSV',
      `Berkas keaslian "${csvSealName(name)}" tidak ada di samping ${name}: tanpa itu CSV tidak dapat diperiksa.`,
    )
  }
  const seal = await readSeal(sealFile)
  if (typeof seal === 'string') return unreadable(name, 'CSV', `${csvSealName(name)}: ${seal}.`)
  let text: string
  try {
    text = (await readRegularFile(file, name)).toString('utf8')
  } catch (error) {
    if (error instanceof UserError) return unreadable(name, 'CSV', error.message)
    throw error
  }
  const rows = readRows(text, seal.timeZone)
  if (typeof rows === 'string') return unreadable(name, 'CSV', `Berkas ${name}: ${rows}.`)
  return judgeSeal(name, 'CSV', seal, sealHolds(seal), options, () => {
    const signed = byNip(seal.rows)
    const { findings, seen } = compareTable(signed, rows, seal.timeZone)
    return [...findings, ...missingRows(signed, seen, 'CSV')]
  })
}
