// Terima data at BKPSDM: 10 office kiosks' "Kirim data" files of 5,000 scans each, taken into
// one hub database (each file read, verified whole, its chain stored, arrivals derived and the
// earliest scan per person settled). Beside it: only reading and parsing the same files, and
// only writing the rows the merge writes (its chains and arrivals), bare, into an empty hub.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CheckThread } from '../../src/main/bundle/check-thread'
import { importBundles } from '../../src/main/bundle/read'
import type { Bundle } from '../../src/main/bundle/format'
import { buildBundle } from '../../src/main/bundle/write'
import { createCeremony } from '../../src/main/ceremony/repository'
import { recordScan } from '../../src/main/checkin/record'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { insertMany } from '../../src/main/db/insert-many'
import { ARRIVAL_COLUMNS, MERGE_CANCELLED_BY } from '../../src/main/hub/merge'
import { PEER_ENTRY_COLUMNS } from '../../src/main/hub/peer-chain'
import { createKey } from '../../src/main/keys/kiosk-key'
import { attachKiosk } from '../../src/main/log/append'
import type { ScanBody } from '../../src/main/log/kinds'
import { applyRoster } from '../../src/main/roster/repository'
import { ALL_DAY } from '../../tests/fixtures/ceremony'
import { crowdNip } from '../../tests/fixtures/crowd'
import { rosterRow } from '../../tests/fixtures/roster-row'
import type { BenchRow } from './table'

const KIOSKS = 10
const SCANS = 5_000
const PEOPLE = 20_000
const TARGET_MS = 1000

const ROSTER = Array.from({ length: PEOPLE }, (_, k) =>
  rosterRow(crowdNip(k), `Pegawai ${k + 1}`, `OPD ${(k % 60) + 1}`, k + 2),
)

function kioskDb(dir: string, name: string, kioskId: string): Db {
  const db = openDatabase(path.join(dir, `${name}.sqlite`))
  attachKiosk(db, kioskId)
  applyRoster(db, ROSTER, new Date('2030-01-01T00:00:00Z'))
  return db
}

/** One office's file: its scans through the real decision, in one transaction to build fast. */
function officeFile(dir: string, i: number, globalId: string): string {
  const kioskId = `KANTOR-${i + 1}`
  const db = kioskDb(dir, kioskId, kioskId)
  const start = Date.parse('2030-01-01T00:10:00Z')
  const c = createCeremony(db, new Date(start), ALL_DAY, globalId)
  db.transaction(() => {
    for (let k = 0; k < SCANS; k++) {
      // Offices overlap by half: half of each office's people were also at the next one.
      const person = (i * (SCANS / 2) + k) % PEOPLE
      const now = new Date(start + k * 300 + i * 7)
      recordScan(db, { payload: crowdNip(person), source: 'kamera', kioskId, now })
    }
  })()
  const bundle = buildBundle(db, { kioskId, key: createKey() }, c.id, new Date(start + SCANS * 300))
  db.close()
  const file = path.join(dir, `${kioskId}.kirim.json`)
  fs.writeFileSync(file, JSON.stringify(bundle))
  return file
}

/**
 * SQLite's share alone: the same chain rows and arrival rows (live for the first scan of a
 * NIP, set aside for the others, as many of each as the merge writes), in the best form the
 * merge has (32 rows per INSERT), in one transaction with its commit. The rows are made
 * before the clock starts: nothing is read, checked or decided.
 */
function bareWrites(dir: string, files: readonly string[]): number {
  const db = kioskDb(dir, 'polos', 'POLOS')
  const ceremony = createCeremony(db, new Date('2030-01-01T00:00:00Z'), ALL_DAY)
  const received = new Date().toISOString()
  const seen = new Set<string>()
  const runs = files.map((f) => {
    const b = JSON.parse(fs.readFileSync(f, 'utf8')) as Bundle
    const chain = b.entries.map((e) => [
      b.kioskId,
      e.seq,
      e.id,
      e.kind,
      e.at,
      e.kioskId,
      JSON.stringify(e.body),
      e.prevHash,
      e.hash,
      received,
    ])
    const arrivals = b.entries
      .filter((e) => e.kind === 'scan' && (e.body as ScanBody).result === 'recorded')
      .map((e) => {
        const { nip, kioskSeq } = e.body as ScanBody
        const live = !seen.has(nip!)
        seen.add(nip!)
        const aside = live
          ? [null, null, null]
          : [e.at, 'Sudah tercatat lebih awal', MERGE_CANCELLED_BY]
        return [ceremony.id, nip, null, e.at, 0, 'kamera', b.kioskId, kioskSeq, 0, ...aside]
      })
    return { kioskId: b.kioskId, chain, arrivals }
  })
  const peer = db.prepare(
    `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
     VALUES (?, ?, '', '', 'berkas', ?)`,
  )
  const chainRows = insertMany(db, 'peer_entry', PEER_ENTRY_COLUMNS)
  const arrivalRows = insertMany(db, 'checkin', ARRIVAL_COLUMNS)
  const values = (row: unknown[]) => row
  const start = performance.now()
  db.transaction(() => {
    for (const run of runs) {
      peer.run(run.kioskId, run.kioskId, received)
      chainRows(run.chain, values)
      arrivalRows(run.arrivals, values)
    }
  }).immediate()
  const took = performance.now() - start
  db.close()
  return took
}

export default async function mergeBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-merge-'))
  // Started before the files exist, as Terima data starts it when the file dialog opens.
  const checker = new CheckThread()
  try {
    const hub = kioskDb(dir, 'bkpsdm', 'BKPSDM')
    const ceremony = createCeremony(hub, new Date('2030-01-01T00:00:00Z'), ALL_DAY)
    const files = Array.from({ length: KIOSKS }, (_, i) => officeFile(dir, i, ceremony.globalId))
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0)
    const parseStart = performance.now()
    for (const f of files) JSON.parse(fs.readFileSync(f, 'utf8'))
    const parse = performance.now() - parseStart
    const start = performance.now()
    const checks = checker.check(files)
    await checks.ready()
    const reports = importBundles(hub, files, new Date(), 'BKPSDM', checks)
    const took = performance.now() - start
    const writes = bareWrites(dir, files)
    const refused = reports.filter((r) => !r.ok)
    if (refused.length) throw new Error(`bench bundle refused: ${refused[0]!.error}`)
    const live = hub
      .prepare('SELECT count(*) FROM checkin WHERE ceremony_id = ? AND cancelled_at IS NULL')
      .pluck()
      .get(ceremony.id) as number
    const repeats = reports.reduce((n, r) => n + r.repeats, 0)
    hub.close()
    return [
      {
        name: 'merge 10 bundles x 5,000 scans',
        value: `${Math.round(took)} ms (${live} people counted once, ${repeats} repeats set aside; ${Math.round(bytes / 2 ** 20)} MiB)`,
        baseline: `${Math.round(parse)} ms (read and JSON.parse the same files, bare)`,
        ratio: `${(took / parse).toFixed(1)}x`,
        target: `<= ${TARGET_MS} ms`,
        ok: took <= TARGET_MS,
      },
      {
        name: 'merge 10 bundles x 5,000 scans, bare writes',
        value: `${Math.round(writes)} ms (the same 50,000 chain rows and 50,000 arrival rows, one transaction)`,
        baseline: `${Math.round(took)} ms (the merge above)`,
        ratio: `${(took / writes).toFixed(1)}x`,
      },
    ]
  } finally {
    checker.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
