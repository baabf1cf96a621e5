// The gate's hot path: one scan through the full handler (validate, parse, look up, insert,
// log entry, commit) against a bare durable better-sqlite3 insert on the same disk, in the same run;
// and the live counts once 20,000 people have arrived, as each next one arrives.
import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dashboard } from '../../src/main/checkin/dashboard'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { recordScan } from '../../src/main/checkin/record'
import { recordReadingStart } from '../../src/main/ikrar/repository'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { percentile, type BenchRow } from './table'
import { testContext } from '../../tests/fixtures/context'
import { addCeremony } from '../../tests/fixtures/ceremony'

const SCANS = 5000
/** What was read does not change what is counted: a short text. */
const READ_TEXT = {
  heading: 'IKRAR',
  opening: 'Kami berikrar:',
  points: ['Netral.'],
  closing: null,
}
const ms = (n: number) => `${n.toFixed(3)} ms`

function tempFile(name: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'))
  return { file: path.join(dir, name), dir }
}

function kiosk(people: number): { db: Db; dir: string; nips: string[] } {
  const { file, dir } = tempFile('kiosk.sqlite')
  const db = openDatabase(file)
  const roster = demoRoster(people)
  applyRoster(db, roster, new Date())
  addCeremony(db, { name: 'Bench' })
  return { db, dir, nips: roster.map((r) => r.nip) }
}

/** How a commit reaches the disk: FULL as the kiosk runs, OFF to see the work without the sync. */
type Sync = 'FULL' | 'OFF'

/** The same durability as the kiosk (WAL, synchronous=FULL, one commit per row), nothing else. */
function bareTable(sync: Sync): { insert: (i: number) => void; close: () => void } {
  const { file, dir } = tempFile('bare.sqlite')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${sync}`)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, nip TEXT NOT NULL, at TEXT NOT NULL)')
  const statement = db.prepare('INSERT INTO t (nip, at) VALUES (?, ?)')
  return {
    insert: (i) => statement.run(String(197000000000000000 + i), new Date().toISOString()),
    close: () => {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Alternates one bare insert and one scan through the full handler, so whatever else the
 * machine is doing weighs on both alike.
 */
async function pairedScans(
  count: number,
  sync: Sync = 'FULL',
): Promise<{ bare: number[]; handler: number[]; first: number }> {
  const { db, dir, nips } = kiosk(count)
  db.pragma(`synchronous = ${sync}`)
  const bare = bareTable(sync)
  const handlers = createHandlers(
    testContext({
      db,
      dbPath: '',
      kioskId: 'BENCH',
      now: () => new Date(),
    }),
  )
  const times = { bare: [] as number[], handler: [] as number[] }
  for (const [i, nip] of nips.entries()) {
    let t0 = performance.now()
    bare.insert(i)
    times.bare.push(performance.now() - t0)
    t0 = performance.now()
    const result = await invoke(handlers, 'checkin.scan', {
      payload: `NIP. ${nip}`,
      source: 'kamera',
    })
    times.handler.push(performance.now() - t0)
    if (!result.ok || (result.value as { kind: string }).kind !== 'recorded')
      throw new Error(JSON.stringify(result))
  }
  bare.close()
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return { ...times, first: times.handler[0]! }
}

/**
 * The check-in screen asks for the counts after every scan: time that call with 20,000 present
 * and an ikrar reading begun halfway (so "datang setelah ikrar" is counted too), one new scan
 * before each call as at the gate, beside a bare per-OPD count of the same roster.
 */
function dashboardAt(present: number): { counts: number[]; bare: number[] } {
  const calls = 50
  const { db, dir, nips } = kiosk(present + calls)
  const insert = db.prepare(
    "INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq) SELECT 1, nip, id, ?, 0, 'kamera', 'B', ? FROM employee WHERE nip = ?",
  )
  const start = Date.now() - 60 * 60_000
  const at = (i: number) => new Date(start + i * 100).toISOString()
  db.transaction(() => nips.slice(0, present).forEach((n, i) => insert.run(at(i), i + 1, n)))()
  recordReadingStart(db, new Date(at(present / 2)), 1, READ_TEXT, 'B')
  const perOpdBare = db.prepare('SELECT opd_id, count(*) FROM employee GROUP BY opd_id')
  const times = { counts: [] as number[], bare: [] as number[] }
  for (const nip of nips.slice(present)) {
    recordScan(db, { payload: nip, source: 'kamera', kioskId: 'B', now: new Date() })
    let t0 = performance.now()
    perOpdBare.all()
    times.bare.push(performance.now() - t0)
    t0 = performance.now()
    dashboard(db, null, 8)
    times.counts.push(performance.now() - t0)
  }
  db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return times
}

export default async function (): Promise<BenchRow[]> {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
  const paired = await pairedScans(SCANS)
  const bare = sorted(paired.bare)
  const handler = sorted(paired.handler)
  const ratio = percentile(handler, 50) / percentile(bare, 50)
  const unsynced = await pairedScans(SCANS, 'OFF')
  const cpu = { handler: sorted(unsynced.handler), bare: sorted(unsynced.bare) }
  const live = dashboardAt(20_000)
  const counts = sorted(live.counts)
  const bareCount = sorted(live.bare)
  return [
    {
      // The whole decision, its log entry (canonical form, SHA-256 over the previous hash) and
      // one commit, median of SCANS, beside a bare durable insert of the same run.
      name: 'scan handler with signed log',
      value: ms(percentile(handler, 50)),
      baseline: `bare insert ${ms(percentile(bare, 50))}`,
      ratio: `${ratio.toFixed(2)}x`,
      target: '<= 1.3x',
      ok: ratio <= 1.3,
    },
    {
      // The same pair with synchronous=OFF: the work besides the disk's sync, which is what the
      // ratio above weighs against one sync on this disk.
      name: 'scan handler with signed log, no disk sync',
      value: ms(percentile(cpu.handler, 50)),
      baseline: `bare insert ${ms(percentile(cpu.bare, 50))}`,
      ratio: `${(percentile(cpu.handler, 50) / percentile(cpu.bare, 50)).toFixed(1)}x`,
    },
    {
      name: 'first scan on a new database',
      value: ms(paired.first),
      baseline: `median scan ${ms(percentile(handler, 50))}`,
      ratio: `${(paired.first / percentile(handler, 50)).toFixed(1)}x`,
      target: '< 5 ms',
      ok: paired.first < 5,
    },
    {
      name: `scan handler, p99 of ${SCANS}`,
      value: ms(percentile(handler, 99)),
      baseline: `bare insert ${ms(percentile(bare, 99))}`,
      ratio: `${(percentile(handler, 99) / percentile(bare, 99)).toFixed(2)}x`,
      target: '< 10 ms',
      ok: percentile(handler, 99) < 10,
    },
    {
      name: 'live counts with 20,000 present, p95',
      value: ms(percentile(counts, 95)),
      baseline: `bare GROUP BY ${ms(percentile(bareCount, 95))}`,
      ratio: `${(percentile(counts, 95) / percentile(bareCount, 95)).toFixed(1)}x`,
      target: '< 50 ms',
      ok: percentile(counts, 95) < 50,
    },
  ]
}
