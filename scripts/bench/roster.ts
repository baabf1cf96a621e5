// Roster import of 20,000 employees in 60 OPD from .xlsx (read, preview, apply) beside two bare
// baselines: exceljs reading the same file, and better-sqlite3 inserting the same rows.
// Each measurement runs in its own child process, so its peak memory is its own.
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { demoRoster } from '../../src/main/roster/demo'
import { previewRoster, readRosterFile } from '../../src/main/roster/import'
import { applyRoster } from '../../src/main/roster/repository'
import { median, runChild } from './child'
import { peakRssMb, type BenchRow } from './table'

const EMPLOYEES = 20_000
const OPD = 60
const RUNS = 3
const TARGET_MS = 3000
const TARGET_MB = 400

interface Figure {
  ms: number
  /** CPU time of the child (all its threads): steadier than wall time on a shared machine. */
  cpuMs: number
  peakMb: number
  /** Import only: where the time goes. */
  readMs?: number
  previewMs?: number
  applyMs?: number
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(start)
  return (cpu.user + cpu.system) / 1000
}

/** A SIMPEG-like export: a title row, then the header, NIP typed as text. */
export async function writeRosterXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
  })
  const sheet = workbook.addWorksheet('Data Pegawai')
  sheet.addRow(['DAFTAR PEGAWAI KABUPATEN CONTOH']).commit()
  sheet.addRow(['No', 'NIP', 'Nama', 'Jabatan', 'Pangkat/Golongan', 'Unit Kerja', 'Jenis']).commit()
  const nipText = { numFmt: '@' }
  demoRoster(EMPLOYEES, OPD).forEach((r, i) => {
    const row = sheet.addRow([i + 1, r.nip, r.name, r.jabatan, r.pangkat, r.opdName, r.jenis])
    row.getCell(2).style = nipText
    row.commit()
  })
  await workbook.commit()
}

async function importRoster(file: string, dbFile: string): Promise<Figure> {
  const db = openDatabase(dbFile)
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const parsed = await readRosterFile(file)
  const read = performance.now()
  const preview = previewRoster(db, parsed, path.basename(file))
  const previewed = performance.now()
  const result = applyRoster(db, parsed.rows, new Date(), parsed.held)
  const end = performance.now()
  db.close()
  if (preview.toAdd !== EMPLOYEES || result.added !== EMPLOYEES) {
    throw new Error(`expected ${EMPLOYEES} added, preview ${preview.toAdd}, apply ${result.added}`)
  }
  return {
    ms: end - start,
    cpuMs: cpuMsSince(cpuStart),
    peakMb: peakRssMb(),
    readMs: read - start,
    previewMs: previewed - read,
    applyMs: end - previewed,
  }
}

async function bareRead(file: string): Promise<Figure> {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  await new ExcelJS.Workbook().xlsx.readFile(file)
  return { ms: performance.now() - start, cpuMs: cpuMsSince(cpuStart), peakMb: peakRssMb() }
}

/** The same rows into a plain table: WAL, FULL sync, one transaction, no checks. */
async function bareInsert(dbFile: string): Promise<Figure> {
  const rows = demoRoster(EMPLOYEES, OPD)
  const db = new Database(dbFile)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE employee (nip TEXT PRIMARY KEY, name TEXT, opd TEXT, jabatan TEXT)')
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const insert = db.prepare('INSERT INTO employee VALUES (?, ?, ?, ?)')
  db.transaction(() => rows.forEach((r) => insert.run(r.nip, r.name, r.opdName, r.jabatan)))()
  const ms = performance.now() - start
  const cpuMs = cpuMsSince(cpuStart)
  db.close()
  return { ms, cpuMs, peakMb: peakRssMb() }
}

async function series(mode: string, file: string, dir: string) {
  const figures: Figure[] = []
  for (let i = 0; i < RUNS; i++) {
    const dbFile = path.join(dir, `${mode}-${i}.sqlite`)
    figures.push(await runChild<Figure>(__filename, [mode, file, dbFile]))
  }
  const mid = (key: keyof Figure) => median(figures.map((f) => f[key] ?? NaN))
  return {
    ms: mid('ms'),
    cpuMs: mid('cpuMs'),
    readMs: mid('readMs'),
    previewMs: mid('previewMs'),
    applyMs: mid('applyMs'),
    peakMb: Math.max(...figures.map((f) => f.peakMb)),
  }
}

export default async function rosterBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-roster-'))
  try {
    const file = path.join(dir, 'Data Pegawai.xlsx')
    await writeRosterXlsx(file)
    const imported = await series('import', file, dir)
    const read = await series('exceljs', file, dir)
    const insert = await series('insert', file, dir)
    const label = `${EMPLOYEES.toLocaleString('en')} employees, ${OPD} OPD`
    const ms = (x: number) => `${Math.round(x)} ms`
    return [
      {
        name: `roster import .xlsx: read + preview + apply, ${label} (median of ${RUNS})`,
        value: ms(imported.ms),
        baseline: `${ms(read.ms + insert.ms)} (bare exceljs read + bare insert)`,
        ratio: `${(imported.ms / (read.ms + insert.ms)).toFixed(1)}x`,
        target: `< ${TARGET_MS} ms`,
        ok: imported.ms < TARGET_MS,
      },
      {
        name: `roster import: CPU time, all threads (median of ${RUNS})`,
        value: ms(imported.cpuMs),
        baseline: ms(read.cpuMs + insert.cpuMs),
        ratio: `${(imported.cpuMs / (read.cpuMs + insert.cpuMs)).toFixed(1)}x`,
      },
      {
        name: 'roster import: reading the file (guard, exceljs, parse)',
        value: ms(imported.readMs),
        baseline: `${ms(read.ms)} (bare exceljs read)`,
        ratio: `${(imported.readMs / read.ms).toFixed(1)}x`,
      },
      { name: 'roster import: preview (diff against the database)', value: ms(imported.previewMs) },
      {
        name: 'roster import: apply (one transaction)',
        value: ms(imported.applyMs),
        baseline: `${ms(insert.ms)} (bare insert, one transaction)`,
        ratio: `${(imported.applyMs / insert.ms).toFixed(1)}x`,
      },
      {
        name: `roster import: peak memory of the importing process (max of ${RUNS})`,
        value: `${Math.round(imported.peakMb)} MB`,
        baseline: `${Math.round(read.peakMb)} MB (bare exceljs read)`,
        ratio: `${(imported.peakMb / read.peakMb).toFixed(1)}x`,
        target: `< ${TARGET_MB} MB`,
        ok: imported.peakMb < TARGET_MB,
      },
    ]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const MODES: Record<string, (file: string, dbFile: string) => Promise<Figure>> = {
  import: importRoster,
  exceljs: (file) => bareRead(file),
  insert: (_file, dbFile) => bareInsert(dbFile),
}

if (process.argv[2] === '--child') {
  const [mode, file, dbFile] = process.argv.slice(3) as [string, string, string]
  void MODES[mode]!(file, dbFile).then((figure) => {
    process.send!(figure)
    process.disconnect()
  })
}
