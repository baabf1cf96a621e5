import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EventHub } from '../../src/main/events'
import { exportCeremony } from '../../src/main/export/export'
import { MANIFEST, checkExport } from '../../src/main/export/manifest'
import { TEMP_FILE } from '../../src/main/durable-file'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { runExportJob } from '../../src/main/jobs/export'
import { JobRunner } from '../../src/main/jobs/runner'
import { startTsWorker } from '../../src/main/jobs/start-worker'
import { backupDir, listBackups } from '../../src/main/backup/backups'
import { applyRoster } from '../../src/main/roster/repository'
import { addCeremony } from '../fixtures/ceremony'
import { scheduledScans } from '../fixtures/scheduled-scans'
import { writeCsv, writeXlsx } from '../fixtures/roster-files'
import type { ImportPreview } from '../../src/shared/domain'
import type { JobProgress } from '../../src/shared/jobs'
import { demoRoster } from '../../src/main/roster/demo'
import { previewRoster, readRosterFile } from '../../src/main/roster/import'
import { checkIn, seedApel, testNip } from '../fixtures/attendance'
import { testContext } from '../fixtures/context'
import type { Behaviour } from '../fixtures/job-worker'
import { tempDb, tempDir } from '../fixtures/temp-db'
import { UserError } from '../../src/main/errors'
import { testSigning } from '../fixtures/signing'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const FIXTURE = path.resolve(__dirname, '../fixtures/job-worker.ts')
const CRASHING_EXPORT = path.resolve(__dirname, '../fixtures/crashing-export-worker.ts')

/** A runner whose workers are the misbehaving fixture, and every event it emitted. */
function fixtureRunner() {
  const events = new EventHub()
  const seen: JobProgress[] = []
  events.listen((name, payload) => {
    if (name === 'job.progress') seen.push(payload as JobProgress)
  })
  const dir = tempDir()
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const runner = new JobRunner({
    events,
    dbPath: path.join(dir, 'none.sqlite'),
    spawn: (start) => startTsWorker(FIXTURE, start),
  })
  // The fixture reads how to behave from the input; the runner types inputs by kind.
  const run = (behave: Behaviour, cleanup?: () => Promise<unknown>) =>
    runner.run('export', { behave } as never, { cleanup }) as Promise<unknown>
  return { runner, seen, run }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the job to fail')
    },
    (error: unknown) => error as UserError,
  )

/** Resolves when the first event of a state arrives. */
function firstProgress(
  seen: JobProgress[],
  test: (p: JobProgress) => boolean,
): Promise<JobProgress> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000
    const poll = () => {
      const hit = seen.find(test)
      if (hit) return resolve(hit)
      if (Date.now() > deadline) return reject(new Error('no such progress within 10 s'))
      setTimeout(poll, 5)
    }
    poll()
  })
}

describe('the job runner', () => {
  it('reports start, each step in order and one end state, and returns the result', async () => {
    const { seen, run } = fixtureRunner()
    expect(await run('count')).toEqual({ counted: 3 })
    expect(seen.map((p) => [p.state, p.done, p.total])).toEqual([
      ['running', 0, null],
      ['running', 1, 3],
      ['running', 2, 3],
      ['running', 3, 3],
      ['done', 3, 3],
    ])
    expect(new Set(seen.map((p) => p.jobId)).size).toBe(1)
    expect(seen.every((p) => p.kind === 'export')).toBe(true)
    expect(seen.at(-1)!.label).toBe('Ekspor selesai')
  })

  it('runs one job of a kind at a time and tells a second request that the first is running', async () => {
    const { runner, seen, run } = fixtureRunner()
    const first = failure(run('forever'))
    expect(() => run('count')).toThrow(
      expect.objectContaining({
        code: 'JOB_BUSY',
        message: 'Ekspor sebelumnya masih berjalan. Tunggu sampai selesai atau batalkan dulu.',
      }),
    )
    // Another kind is not held up by it.
    const other = runner.run('backup', { behave: 'count' } as never)
    await expect(other).resolves.toEqual({ counted: 3 })
    expect(runner.cancel(runner.runningId('export')!)).toBe(true)
    expect((await first).code).toBe('JOB_CANCELLED')
    // Once the first has ended, the next one runs.
    expect(await run('count')).toEqual({ counted: 3 })
    expect(seen.filter((p) => p.state !== 'running').map((p) => [p.kind, p.state])).toEqual([
      ['backup', 'done'],
      ['export', 'cancelled'],
      ['export', 'done'],
    ])
  })

  it('cancels a running job: the worker is stopped, its leftovers removed, the end said once', async () => {
    const { runner, seen, run } = fixtureRunner()
    let cleaned = 0
    const job = failure(
      run('forever', async () => {
        cleaned++
      }),
    )
    const moving = await firstProgress(seen, (p) => p.done >= 2)
    expect(runner.cancel('no-such-job')).toBe(false)
    expect(runner.cancel(moving.jobId)).toBe(true)
    const error = await job
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe('Ekspor dibatalkan. Tidak ada berkas setengah jadi yang tertinggal.')
    expect(cleaned).toBe(1)
    expect(runner.runningId('export')).toBeNull()
    const ends = seen.filter((p) => p.state !== 'running')
    expect(ends).toMatchObject([{ state: 'cancelled', jobId: moving.jobId }])
    expect(seen.at(-1)!.state).toBe('cancelled')
    // A cancel after the end finds nothing to stop.
    expect(runner.cancel(moving.jobId)).toBe(false)
  })

  it.each<[Behaviour, string]>([
    ['exit', 'kode keluar 3'],
    ['throw', 'galat di dalam proses kerja'],
  ])(
    'turns a worker that crashes (%s) into an Indonesian refusal and cleans up',
    async (behave, why) => {
      const { runner, seen, run } = fixtureRunner()
      let cleaned = 0
      const error = await failure(
        run(behave, async () => {
          cleaned++
        }),
      )
      expect(error.code).toBe('JOB_CRASHED')
      expect(error.message).toContain(`Ekspor berhenti tiba-tiba (${why})`)
      expect(cleaned).toBe(1)
      expect(seen.at(-1)).toMatchObject({ state: 'failed', kind: 'export' })
      expect(runner.runningId('export')).toBeNull()
      expect(await run('count')).toEqual({ counted: 3 })
    },
  )

  it("keeps a worker's refusal as the same UserError, code and message", async () => {
    const { run } = fixtureRunner()
    const error = await failure(run('refuse'))
    expect(error).toBeInstanceOf(UserError)
    expect(error.code).toBe('ROSTER_HEADER')
    expect(error.message).toBe('Berkas x.xlsx: kolom NIP tidak ada.')
  })
})

/** Every cell value of every sheet: what an OPD head reads, without zip timestamps. */
async function workbookText(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  // The Keaslian sheet carries the export's own time and signature; its rows are the
  // verifier tests' business.
  return workbook.worksheets
    .filter((sheet) => sheet.name !== 'Keaslian')
    .map((sheet) => {
      const rows: string[] = [sheet.name]
      sheet.eachRow((row) => rows.push(JSON.stringify(row.values)))
      return rows.join('\n')
    })
    .join('\n\n')
}

const PEOPLE = demoRoster(300, 12).map((r) => ({ nip: r.nip, name: r.name, opd: r.opdName }))

/** A roster of 300 in 12 OPD, half of them scanned, behind a handler table over the real file. */
function kiosk(exportTo: string) {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const ceremony = seedApel(t.db, PEOPLE)
  PEOPLE.slice(0, 150).forEach((p) => checkIn(t.db, ceremony.id, p.nip, '2024-09-30T00:20:00.000Z'))
  const seen: JobProgress[] = []
  const ctx = testContext({
    db: t.db,
    dbPath: t.file,
    now: () => new Date('2024-09-30T01:00:00Z'),
    dialogs: { openRosterFile: async () => null, chooseExportFolder: async () => exportTo },
  })
  ctx.events.listen((name, payload) => {
    if (name === 'job.progress') seen.push(payload as JobProgress)
  })
  return { ...t, ctx, handlers: createHandlers(ctx), ceremonyId: ceremony.id, seen }
}

describe('heavy calls through the handler table, in workers', () => {
  it('exports the same files as the export run in the thread, reporting files written of total', async () => {
    const out = tempDir()
    cleanups.push(() => fs.rmSync(out, { recursive: true, force: true }))
    const k = kiosk(path.join(out, 'worker'))
    fs.mkdirSync(path.join(out, 'worker'))
    fs.mkdirSync(path.join(out, 'thread'))
    const result = await invoke(k.handlers, 'export.run', {
      ceremonyId: k.ceremonyId,
      order: 'name',
    })
    expect(result.ok).toBe(true)
    const viaWorker = (result as { value: { folder: string; files: string[] } }).value
    const inThread = await exportCeremony(k.db, {
      ceremonyId: k.ceremonyId,
      folder: path.join(out, 'thread'),
      order: 'name',
      ikrar: null,
      signing: testSigning(),
    })
    expect(viaWorker.files).toEqual(inThread.files)
    expect(viaWorker.files).toHaveLength(12 + 4)
    expect((await checkExport(viaWorker.folder)).complete).toBe(true)
    for (const name of inThread.files.filter((f) => f !== MANIFEST && !f.endsWith('.json'))) {
      const [a, b] = [viaWorker.folder, inThread.folder].map((d) => path.join(d, name))
      if (name.endsWith('.csv')) expect(fs.readFileSync(a!)).toEqual(fs.readFileSync(b!))
      else expect(await workbookText(a!), name).toBe(await workbookText(b!))
    }
    // Progress: files written of the total, never backwards, ending done; then the backup's job.
    const exportEvents = k.seen.filter((p) => p.kind === 'export')
    const done = exportEvents.map((p) => p.done)
    expect(done).toEqual([...done].sort((x, y) => x - y))
    expect(exportEvents.at(-1)).toMatchObject({ state: 'done', done: 15, total: 15 })
    expect(exportEvents.some((p) => p.label.startsWith('Menulis Rekap Kehadiran'))).toBe(true)
    expect(k.seen.at(-1)).toMatchObject({ kind: 'backup', state: 'done' })
    expect(fs.readdirSync(backupDir(k.file)).some((f) => f.endsWith('-ekspor.sqlite'))).toBe(true)
  })

  it('records scans while an export runs, and a cancelled export leaves no half-written file', async () => {
    const out = tempDir()
    cleanups.push(() => fs.rmSync(out, { recursive: true, force: true }))
    const k = kiosk(out)
    const running = invoke(k.handlers, 'export.run', { ceremonyId: k.ceremonyId, order: 'rate' })
    const second = await invoke(k.handlers, 'export.run', {
      ceremonyId: k.ceremonyId,
      order: 'rate',
    })
    expect(second).toMatchObject({ ok: false, error: { code: 'JOB_BUSY' } })
    const writing = await firstProgress(k.seen, (p) => p.kind === 'export' && p.done >= 2)
    const scanned = await invoke(k.handlers, 'checkin.scan', {
      payload: PEOPLE[200]!.nip,
      source: 'pemindai',
    })
    expect(scanned).toMatchObject({ ok: true, value: { kind: 'recorded' } })
    expect(await invoke(k.handlers, 'job.cancel', { jobId: writing.jobId })).toEqual({
      ok: true,
      value: { cancelled: true },
    })
    expect(await running).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED' } })
    const folder = path.join(out, 'Kehadiran Apel Netralitas 2024-09-30')
    const left = fs.readdirSync(folder)
    expect(left.filter((f) => TEMP_FILE.test(f))).toEqual([])
    expect(left).not.toContain(MANIFEST)
    expect((await checkExport(folder)).complete).toBe(false)
    expect(k.seen.filter((p) => p.state !== 'running').map((p) => p.state)).toEqual(['cancelled'])
    const arrived = k.db.prepare('SELECT COUNT(*) FROM checkin').pluck().get()
    expect(arrived).toBe(151)
    // The next export runs to the end.
    const again = await invoke(k.handlers, 'export.run', {
      ceremonyId: k.ceremonyId,
      order: 'rate',
    })
    expect(again.ok).toBe(true)
    expect((await checkExport(folder)).complete).toBe(true)
  })

  it('a worker that crashes in the middle of a real export leaves no half-written file', async () => {
    const out = tempDir()
    cleanups.push(() => fs.rmSync(out, { recursive: true, force: true }))
    const k = kiosk(out)
    const runner = new JobRunner({
      events: k.ctx.events,
      dbPath: k.file,
      spawn: (start) => startTsWorker(CRASHING_EXPORT, start),
    })
    const request = {
      ceremonyId: k.ceremonyId,
      folder: out,
      order: 'name' as const,
      ikrar: null,
      signing: testSigning(),
    }
    const error = await failure(runExportJob(runner, k.db, request))
    expect(error.code).toBe('JOB_CRASHED')
    expect(error.message).toContain('Ekspor berhenti tiba-tiba (kode keluar 7)')
    const folder = path.join(out, 'Kehadiran Apel Netralitas 2024-09-30')
    const left = fs.readdirSync(folder)
    // Three files were whole on disk before the crash; nothing else is.
    expect(left.length).toBeGreaterThanOrEqual(3)
    expect(left.filter((f) => TEMP_FILE.test(f))).toEqual([])
    expect(left).not.toContain(MANIFEST)
    expect((await checkExport(folder)).complete).toBe(false)
    const end = k.seen.at(-1)!
    expect(end).toMatchObject({ kind: 'export', state: 'failed' })
    expect(end.done).toBeGreaterThanOrEqual(3)
    expect(end.done).toBeLessThan(end.total!)
    // The same export, by the handler's own worker, then completes the set.
    const again = await invoke(k.handlers, 'export.run', {
      ceremonyId: k.ceremonyId,
      order: 'name',
    })
    expect(again.ok).toBe(true)
    expect((await checkExport(folder)).complete).toBe(true)
  })

  it('reads and previews a roster file in a worker, reporting rows read; the preview applies', async () => {
    const k = kiosk(tempDir())
    const file = path.join(k.dir, 'Data Pegawai.csv')
    const header = 'NIP,Nama,Unit Kerja\n'
    const lines = [...PEOPLE, { nip: testNip(9001), name: 'Pegawai Baru', opd: 'Dinas Baru' }]
    fs.writeFileSync(file, header + lines.map((p) => `'${p.nip},${p.name},${p.opd}`).join('\n'))
    k.ctx.dialogs.openRosterFile = async () => file
    const preview = await invoke(k.handlers, 'roster.chooseImportFile', undefined)
    const inThread = previewRoster(k.db, await readRosterFile(file), 'Data Pegawai.csv')
    expect(preview).toEqual({ ok: true, value: { ...inThread, previewId: expect.any(String) } })
    expect(inThread.toAdd).toBe(1)
    const events = k.seen.filter((p) => p.kind === 'roster-preview')
    expect(events.map((p) => p.state)).toEqual(['running', 'running', 'running', 'done'])
    expect(events[2]).toMatchObject({ done: 301, total: 301 })
    expect(events[2]!.label).toBe('301 baris terbaca; membandingkan dengan data pegawai')
    const { previewId } = (preview as { value: { previewId: string } }).value
    // A real import needs the officer's PIN to exist (setting it also unlocks).
    await invoke(k.handlers, 'auth.setPin', { pin: '482719' })
    expect(await invoke(k.handlers, 'roster.applyImport', { previewId })).toMatchObject({
      ok: true,
      value: { added: 1 },
    })
  })

  it('refuses a roster file with its reason, as the thread did', async () => {
    const k = kiosk(tempDir())
    const file = path.join(k.dir, 'kosong.csv')
    fs.writeFileSync(file, '')
    k.ctx.dialogs.openRosterFile = async () => file
    expect(await invoke(k.handlers, 'roster.chooseImportFile', undefined)).toEqual({
      ok: false,
      error: { code: 'FILE_EMPTY', message: 'Berkas kosong.csv kosong.' },
    })
  })
})

describe('automatic backups, in a worker', () => {
  /** 20,000 people in 60 OPD with today's apel active, behind a handler table over the file. */
  function crowd() {
    const t = tempDb()
    cleanups.push(t.cleanup)
    applyRoster(t.db, demoRoster(20_000, 60), new Date('2024-09-29T10:00:00Z'))
    addCeremony(t.db, { name: 'Apel kemarin' })
    const today = addCeremony(t.db, { name: 'Apel hari ini' })
    const ctx = testContext({ db: t.db, dbPath: t.file })
    const seen: JobProgress[] = []
    ctx.events.listen((name, payload) => {
      if (name === 'job.progress') seen.push(payload as JobProgress)
    })
    const nips = t.db.prepare('SELECT nip FROM employee').pluck().all() as string[]
    return { ...t, ctx, handlers: createHandlers(ctx), today, nips, seen }
  }

  it('answers scans promptly while the backup of a 20,000-person ceremony activation runs', async () => {
    const c = crowd()
    const activating = invoke(c.handlers, 'ceremony.setActive', { id: c.today.id })
    const { latencies } = await scheduledScans(c.handlers, c.nips, {
      everyMs: 20,
      until: activating,
    })
    expect(await activating).toMatchObject({ ok: true, value: { id: c.today.id, active: true } })
    const max = Math.max(...latencies)
    console.info(
      `scan during ceremony-activation backup: max ${Math.round(max)} ms over ${latencies.length} scans`,
    )
    // The backup ran as a job, and scans were answered while it did.
    expect(c.seen.filter((p) => p.state !== 'running')).toMatchObject([
      { kind: 'backup', state: 'done' },
    ])
    expect(latencies.length).toBeGreaterThanOrEqual(3)
    // Generous: quiet, scans here wait 10-30 ms; on this shared 2-core machine at load 7-11
    // even idle scans were seen waiting up to 265 ms (the bench's `scan idle, max`).
    expect(max).toBeLessThan(300)
    const [backup] = listBackups(c.file)
    expect(backup).toMatchObject({ reason: `acara-${c.today.id}` })
    const copy = new Database(path.join(backupDir(c.file), backup!.name), { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM employee').pluck().get()).toBe(20_000)
    copy.close()
  })

  it("queues the officer's own backup behind an automatic one instead of refusing it", async () => {
    const c = crowd()
    const activating = invoke(c.handlers, 'ceremony.setActive', { id: c.today.id })
    await firstProgress(c.seen, (p) => p.kind === 'backup')
    const manual = await invoke(c.handlers, 'backup.create', undefined)
    expect(manual).toMatchObject({ ok: true, value: { reason: 'manual' } })
    expect((await activating).ok).toBe(true)
    expect(listBackups(c.file).map((b) => b.reason)).toEqual(['manual', `acara-${c.today.id}`])
    expect(c.seen.filter((p) => p.state !== 'running').map((p) => p.state)).toEqual([
      'done',
      'done',
    ])
  })

  it('logs a failed automatic backup and still activates the ceremony', async () => {
    const c = crowd()
    // A file where the backup folder should be: the copy cannot be written.
    fs.writeFileSync(backupDir(c.file), 'bukan folder')
    const activating = await invoke(c.handlers, 'ceremony.setActive', { id: c.today.id })
    expect(activating).toMatchObject({ ok: true, value: { active: true } })
    expect(c.seen.at(-1)).toMatchObject({ kind: 'backup', state: 'failed' })
    expect(c.seen.at(-1)!.label).toContain('cadangan')
  })
})

describe('rows read, while a roster file is read', () => {
  const ROSTER = demoRoster(20_000, 60)
  const table = [
    ['NIP', 'Nama', 'Unit Kerja', 'Jabatan'],
    ...ROSTER.map((r) => [r.nip, r.name, r.opdName, r.jabatan]),
  ]

  /** The roster-preview job's progress for one file, each with when it reached main. */
  async function previewEvents(file: string) {
    const k = kiosk(tempDir())
    const at: number[] = []
    k.ctx.events.listen((name, payload) => {
      if (name === 'job.progress' && (payload as JobProgress).kind === 'roster-preview')
        at.push(performance.now())
    })
    k.ctx.dialogs.openRosterFile = async () => file
    const preview = await invoke(k.handlers, 'roster.chooseImportFile', undefined)
    const { toAdd, toUpdate, unchanged } = (preview as { value: ImportPreview }).value
    expect(toAdd + toUpdate + unchanged).toBe(20_000)
    const events = k.seen.filter((p) => p.kind === 'roster-preview')
    const spread = Math.round(at.at(-2)! - at[1]!)
    console.info(`${path.basename(file)}: ${events.length} events over ${spread} ms`)
    return events.map((p) => [p.done, p.total, p.label] as const)
  }

  /** The reports of one step: every 2,000 rows, counted up, not one per row. */
  const step = (events: (readonly [number, number | null, string])[], label: string) =>
    events.filter(([, , l]) => l === label).map(([done, total]) => [done, total])

  it('reports a 20,000-row .xlsx every 2,000 rows: found by the check, then parsed', async () => {
    const file = path.join(tempDir(), 'Data Pegawai.xlsx')
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }))
    await writeXlsx(file, table, { textColumns: [0] })
    const events = await previewEvents(file)
    const found = events.filter(([, , l]) => l.startsWith('Memeriksa berkas Data Pegawai.xlsx:'))
    expect(found.map(([done]) => done)).toEqual(
      [2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((n) => n * 1000),
    )
    expect(found[1]![2]).toBe('Memeriksa berkas Data Pegawai.xlsx: 4.000 baris ditemukan')
    const opening = events.findIndex(
      ([, , l]) => l === 'Membuka lembar kerja berkas Data Pegawai.xlsx',
    )
    expect(opening).toBeGreaterThan(events.indexOf(found.at(-1)!))
    const parsed = step(events, 'Memeriksa NIP, nama dan unit kerja tiap baris')
    expect(parsed).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18].map((n) => [n * 1000, 20_000]))
    expect(events.at(-2)).toEqual([
      20_000,
      20_000,
      '20.000 baris terbaca; membandingkan dengan data pegawai',
    ])
    expect(events.length).toBeLessThan(30)
  })

  it('reports a 20,000-row CSV every 2,000 records as papaparse reads them, then parsed', async () => {
    const file = path.join(tempDir(), 'Data Pegawai.csv')
    cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }))
    writeCsv(
      file,
      table.map((r, i) => (i ? [`'${r[0]}`, ...r.slice(1)] : r)),
    )
    const events = await previewEvents(file)
    const read = step(events, 'Membaca baris berkas Data Pegawai.csv')
    expect(read).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((n) => [n * 1000, 20_001]))
    const parsed = step(events, 'Memeriksa NIP, nama dan unit kerja tiap baris')
    expect(parsed).toHaveLength(9)
    expect(
      events.indexOf(events.find(([, , l]) => l.startsWith('Memeriksa NIP'))!),
    ).toBeGreaterThan(
      events.findIndex(([done, , l]) => l.startsWith('Membaca baris') && done === 20_000),
    )
    expect(events.length).toBeLessThan(30)
  })
})
