// The gate never waits: scans due every 20 ms on a fixed schedule, through the handler table,
// while a 20,000-person / 60-OPD export and then a 20,000-row .xlsx roster preview run behind
// the same table; beside the same scans with nothing else running. A scan's latency counts
// from when it was due, so a thread blocked by heavy work counts in full.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { openDatabase } from '../../src/main/db/connection'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { addCeremony } from '../../tests/fixtures/ceremony'
import { testContext } from '../../tests/fixtures/context'
import { scheduledScans } from '../../tests/fixtures/scheduled-scans'
import { seed } from './export'
import { writeRosterXlsx } from './roster'
import { percentile, type BenchRow } from './table'

const EVERY_MS = 20
const IDLE_SCANS = 250
const TARGET_MS = 50

interface Scans {
  max: number
  p95: number
  count: number
  /**
   * Share of the phase the main thread's event loop was busy (scans included). Unlike the
   * latencies it hardly moves with other load on the machine: it says whether the heavy work
   * ran on this thread at all.
   */
  busy: number
}

/** The bench's figures of one phase of scans. */
async function phase(
  handlers: Handlers,
  nips: string[],
  until: Promise<unknown> | null,
): Promise<Scans> {
  const plan = until ? { everyMs: EVERY_MS, until } : { everyMs: EVERY_MS, count: IDLE_SCANS }
  const { latencies, busy } = await scheduledScans(handlers, nips, plan)
  const sorted = latencies.sort((a, b) => a - b)
  return { max: sorted.at(-1) ?? NaN, p95: percentile(sorted, 95), count: sorted.length, busy }
}

async function mustSucceed(call: Promise<{ ok: boolean }>, what: string): Promise<void> {
  const result = await call
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`)
}

export default async function gateDuringJobsBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gate-jobs-'))
  try {
    const dbFile = path.join(dir, 'kiosk.sqlite')
    const exported = seed(dbFile)
    const rosterFile = path.join(dir, 'Data Pegawai.xlsx')
    await writeRosterXlsx(rosterFile)
    const db = openDatabase(dbFile)
    // Today's apel, the gate's active one: nobody has arrived at it yet.
    setActiveCeremony(db, addCeremony(db, { name: 'Apel hari ini' }).id)
    const nips = db.prepare('SELECT nip FROM employee ORDER BY id DESC').pluck().all() as string[]
    const out = path.join(dir, 'usb')
    fs.mkdirSync(out)
    const ctx = testContext({
      db,
      dbPath: dbFile,
      dialogs: { chooseExportFolder: async () => out, openRosterFile: async () => rosterFile },
    })
    const handlers = createHandlers(ctx)
    const idle = await phase(handlers, nips, null)
    const exporting = mustSucceed(
      invoke(handlers, 'export.run', { ceremonyId: exported, order: 'rate' }),
      'export',
    )
    const duringExport = await phase(handlers, nips, exporting)
    const previewing = mustSucceed(
      invoke(handlers, 'roster.chooseImportFile', undefined),
      'preview',
    )
    const duringPreview = await phase(handlers, nips, previewing)
    db.close()
    const ms = (x: number) => `${Math.round(x)} ms`
    const figure = (s: Scans) =>
      `${ms(s.max)} (p95 ${ms(s.p95)}, ${s.count} scans, loop busy ${Math.round(s.busy * 100)}%)`
    const during = (name: string, s: Scans): BenchRow => ({
      name,
      value: figure(s),
      baseline: `${ms(idle.max)} (scan idle, max)`,
      ratio: `${(s.max / idle.max).toFixed(1)}x`,
      target: `<= ${TARGET_MS} ms`,
      ok: s.max <= TARGET_MS,
    })
    return [
      { name: 'scan idle, max', value: figure(idle) },
      during('scan during export, max', duringExport),
      during('scan during roster preview, max', duringPreview),
    ]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
