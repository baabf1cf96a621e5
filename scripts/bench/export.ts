// Export of a large ceremony (20,000 employees in 60 OPD) beside a bare exceljs baseline.
// Each measurement runs in its own child process, so its peak memory is its own.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createCeremony } from '../../src/main/ceremony/repository'
import { openDatabase } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { demoRoster } from '../../src/main/roster/demo'
import { opdKey } from '../../src/main/roster/opd-key'
import { applyRoster } from '../../src/main/roster/repository'
import { median, runChild } from './child'
import { peakRssMb, type BenchRow } from './table'
import { PILKADA_2024 } from '../../tests/fixtures/ceremony'
import { testSigning } from '../../tests/fixtures/signing'

const EMPLOYEES = 20_000
const COLUMNS = 10
const RUNS = 3
const TARGET_MS = 3000
const TARGET_MB = 300

interface Figure {
  ms: number
  /** CPU time of the child (all its threads): steadier than wall time on a shared machine. */
  cpuMs: number
  peakMb: number
}

/** 20,000 people in 60 OPD; 85% scanned (a tenth of them late), 5% with a reason. */
export function seed(file: string): number {
  const db = openDatabase(file)
  const now = new Date('2024-09-29T10:00:00Z')
  const rows = demoRoster(EMPLOYEES).map((r, i) => {
    if (i % 3) return r
    const opdName = `UPTD Puskesmas ${1 + (i % 20)}`
    return { ...r, opdName, opdKey: opdKey(opdName) }
  })
  applyRoster(db, rows, now)
  const ceremony = createCeremony(db, now, PILKADA_2024)
  const checkin = db.prepare(
    `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id)
     VALUES (?, ?, ?, ?, ?, 'kamera', 'KIOSK-BENCH')`,
  )
  const reason = db.prepare(
    `INSERT INTO absence (ceremony_id, employee_id, reason, note, set_by, set_at)
     VALUES (?, ?, 'DINAS_LUAR', 'Bimtek', 'Petugas', ?)`,
  )
  const people = db.prepare('SELECT id, nip FROM employee').all() as { id: number; nip: string }[]
  db.transaction(() => {
    people.forEach((p, i) => {
      const at = new Date(Date.parse('2024-09-30T00:10:00Z') + (i % 2400) * 1000).toISOString()
      if (i % 20 < 17) checkin.run(ceremony.id, p.nip, p.id, at, i % 10 === 0 ? 1 : 0)
      else if (i % 20 === 17) reason.run(ceremony.id, p.id, now.toISOString())
    })
  })()
  db.close()
  return ceremony.id
}

/** What one child measures: the full export, or exceljs streaming the same rows bare. */
async function measure(mode: string, dbFile: string, ceremonyId: number, out: string) {
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  if (mode === 'export') {
    const db = openDatabase(dbFile)
    await exportCeremony(db, {
      ceremonyId,
      folder: out,
      order: 'rate',
      ikrar: null,
      signing: testSigning(),
    })
    db.close()
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path.join(out, 'baseline.xlsx'),
    })
    const sheet = workbook.addWorksheet('Data')
    const row = Array.from({ length: COLUMNS }, (_, c) => `teks ${c}`)
    for (let i = 0; i < EMPLOYEES; i++) sheet.addRow([i + 1, ...row.slice(1)]).commit()
    await workbook.commit()
  }
  const cpu = process.cpuUsage(cpuStart)
  return {
    ms: performance.now() - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMb: peakRssMb(),
  }
}

async function measureInChild(mode: string, dbFile: string, ceremonyId: number): Promise<Figure> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${mode}-`))
  try {
    return await runChild<Figure>(__filename, [mode, dbFile, String(ceremonyId), out])
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
}

async function series(mode: string, dbFile: string, ceremonyId: number) {
  const figures: Figure[] = []
  for (let i = 0; i < RUNS; i++) figures.push(await measureInChild(mode, dbFile, ceremonyId))
  return {
    ms: median(figures.map((f) => f.ms)),
    cpuMs: median(figures.map((f) => f.cpuMs)),
    peakMb: Math.max(...figures.map((f) => f.peakMb)),
  }
}

export default async function exportBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-export-'))
  try {
    const dbFile = path.join(dir, 'kiosk.sqlite')
    const ceremonyId = seed(dbFile)
    const exported = await series('export', dbFile, ceremonyId)
    const bare = await series('baseline', dbFile, ceremonyId)
    const label = `${EMPLOYEES.toLocaleString('en')} employees, 60 OPD`
    return [
      {
        name: `export: 60 workbooks + recap + CSV, ${label} (median of ${RUNS})`,
        value: `${Math.round(exported.ms)} ms`,
        baseline: `${Math.round(bare.ms)} ms (exceljs stream, ${EMPLOYEES} rows x ${COLUMNS})`,
        ratio: `${(exported.ms / bare.ms).toFixed(1)}x`,
        target: `< ${TARGET_MS} ms`,
        ok: exported.ms < TARGET_MS,
      },
      {
        name: `export: CPU time, all threads (median of ${RUNS})`,
        value: `${Math.round(exported.cpuMs)} ms`,
        baseline: `${Math.round(bare.cpuMs)} ms`,
        ratio: `${(exported.cpuMs / bare.cpuMs).toFixed(1)}x`,
      },
      {
        name: `export: peak memory of the exporting process (max of ${RUNS})`,
        value: `${Math.round(exported.peakMb)} MB`,
        baseline: `${Math.round(bare.peakMb)} MB`,
        ratio: `${(exported.peakMb / bare.peakMb).toFixed(1)}x`,
        target: `< ${TARGET_MB} MB`,
        ok: exported.peakMb < TARGET_MB,
      },
    ]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') {
  const [mode, dbFile, ceremonyId, out] = process.argv.slice(3) as [string, string, string, string]
  void measure(mode, dbFile, Number(ceremonyId), out).then((figure) => {
    process.send!(figure)
    process.disconnect()
  })
}
