// `npm run soak`: kills kiosk processes at random moments, hundreds of times, and counts what a
// power cut would cost: confirmed scans lost, damaged databases, half-applied rosters, broken
// exports. Not part of `npm test` (a few minutes); bounded by its round counts, each child by a
// timeout. Rounds: SOAK_SCANS (default 200), SOAK_ROSTER (40), SOAK_EXPORT (40).
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { addCeremony } from '../../tests/fixtures/ceremony'
import { runChild } from '../../tests/fixtures/child'
import { tempDir } from '../../tests/fixtures/temp-db'

const rounds = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const WRITER = path.resolve(__dirname, '../../tests/fixtures/crash-writer.ts')
const ROSTER_CHILD = path.resolve(__dirname, 'roster-child.ts')
const EXPORT_CHILD = path.resolve(__dirname, 'export-child.ts')
const fmt = (n: number) => n.toLocaleString('id-ID')

function intact(file: string): boolean {
  const raw = new Database(file, { readonly: true })
  try {
    return raw.pragma('integrity_check', { simple: true }) === 'ok'
  } finally {
    raw.close()
  }
}

function seeded(dir: string, people: number): string {
  const file = path.join(dir, 'kiosk.sqlite')
  const db = openDatabase(file)
  applyRoster(db, demoRoster(people), new Date())
  addCeremony(db, { name: 'Uji mati listrik' })
  db.close()
  return file
}

/** Scans on one file, killed after a random number of confirmed scans, again and again. */
async function scans(dir: string, total: number): Promise<boolean> {
  const file = seeded(dir, 3000)
  let kills = 0
  let confirmed = 0
  let lost = 0
  let damaged = 0
  let refused = 0
  let broken = 0
  for (let round = 0; round < total; round++) {
    const after = 1 + Math.floor(Math.random() * 60)
    const end = await runChild(WRITER, [file], {
      killWhen: (lines) => lines.length >= after,
      delayMs: () => Math.random() * 5,
      timeoutMs: 30_000,
    })
    if (end.signal === 'SIGKILL') kills++
    else refused++ // e.g. the lock of the previous, killed writer still held: it must never be
    if (!intact(file)) damaged++
    const db = openDatabase(file)
    const live = new Set(
      db.prepare('SELECT nip FROM checkin WHERE cancelled_at IS NULL').pluck().all() as string[],
    )
    confirmed += end.lines.length
    lost += end.lines.filter((nip) => !live.has(nip)).length
    // The kiosk's own order (1..n, no gap, no repeat) must survive the kills like the scans do.
    if (
      db.prepare("SELECT count(*) <> max(seq) FROM checkin WHERE kiosk_id = 'CRASH'").pluck().get()
    ) {
      broken++
    }
    // Everyone in: cancel them all so the next writers have people left to record.
    if (live.size > 2800) {
      db.prepare(
        "UPDATE checkin SET cancelled_at = ?, cancel_reason = 'soak' WHERE cancelled_at IS NULL",
      ).run(new Date().toISOString())
    }
    db.close()
    if ((round + 1) % 20 === 0 || round + 1 === total) {
      console.log(
        `  pindai: ${fmt(round + 1)}/${fmt(total)} putaran, dibunuh ${fmt(kills)}, dikonfirmasi ${fmt(confirmed)}, hilang ${fmt(lost)}, integrity_check gagal ${fmt(damaged)}, urutan rusak ${fmt(broken)}, tidak dibunuh ${fmt(refused)}`,
      )
    }
  }
  console.log(
    `PINDAI  kills=${kills} confirmed=${confirmed} lost=${lost} integrity_failures=${damaged} broken_sequence=${broken} ended_unkilled=${refused}`,
  )
  return lost === 0 && damaged === 0 && broken === 0 && refused === 0
}

/** Roster imports killed mid-transaction: the roster is the old one or the new one, never a mix. */
async function rosters(dir: string, total: number): Promise<boolean> {
  const file = seeded(dir, 2000)
  const active = () => {
    const db = openDatabase(file)
    const n = db.prepare('SELECT count(*) FROM employee WHERE active = 1').pluck().get() as number
    db.close()
    return n
  }
  const child = killDuring(ROSTER_CHILD, 200)
  const { tally } = child
  let mixed = 0
  let applied = 0
  let damaged = 0
  for (let round = 0; round < total; round++) {
    const before = active()
    const target = before === 6000 ? 2000 : 6000
    await child.run([file, String(target)])
    if (!intact(file)) damaged++
    const after = active()
    if (after !== before && after !== target) mixed++
    if (after === target) applied++
    if ((round + 1) % 10 === 0 || round + 1 === total) {
      console.log(
        `  impor: ${fmt(round + 1)}/${fmt(total)} putaran, dibunuh ${fmt(tally.kills)} (${fmt(tally.midway)} sebelum selesai), diterapkan utuh ${fmt(applied)}, campuran ${fmt(mixed)}, integrity_check gagal ${fmt(damaged)}`,
      )
    }
  }
  console.log(
    `IMPOR   kills=${tally.kills} killed_before_done=${tally.midway} applied_whole=${applied} half_applied=${mixed} integrity_failures=${damaged}`,
  )
  return mixed === 0 && damaged === 0
}

/**
 * Runs a child that says "start" and "done <ms>", killing it at a random moment of its work:
 * the delay is drawn up to a little past how long the work took when it was let finish, starting
 * from a guess. Counts the kills, and those that landed before "done".
 */
function killDuring(script: string, guessMs: number) {
  let workMs = guessMs
  const tally = { kills: 0, midway: 0 }
  const run = async (args: string[]) => {
    const end = await runChild(script, args, {
      killWhen: (lines) => lines.includes('start'),
      delayMs: () => Math.random() * workMs * 1.2,
      timeoutMs: 60_000,
    })
    const done = end.lines.find((l) => l.startsWith('done '))
    if (done) workMs = Number(done.slice(5)) || workMs
    if (end.signal === 'SIGKILL') {
      tally.kills++
      if (!done) tally.midway++
    }
  }
  return { run, tally }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
}

/** Exports killed while writing, into one folder: every .xlsx there must still open. */
async function exports(dir: string, total: number): Promise<boolean> {
  const file = seeded(dir, 2400)
  const folder = path.join(dir, 'ekspor')
  fs.mkdirSync(folder)
  const child = killDuring(EXPORT_CHILD, 1500)
  const { tally } = child
  let broken = 0
  let checked = 0
  for (let round = 0; round < total; round++) {
    await child.run([file, folder])
    for (const xlsx of filesUnder(folder).filter((f) => f.endsWith('.xlsx'))) {
      checked++
      try {
        await new ExcelJS.Workbook().xlsx.readFile(xlsx)
      } catch (error) {
        broken++
        console.log(`  RUSAK: ${xlsx}: ${(error as Error).message}`)
      }
    }
    if ((round + 1) % 10 === 0 || round + 1 === total) {
      console.log(
        `  ekspor: ${fmt(round + 1)}/${fmt(total)} putaran, dibunuh ${fmt(tally.kills)} (${fmt(tally.midway)} sebelum selesai), .xlsx diperiksa ${fmt(checked)}, rusak ${fmt(broken)}`,
      )
    }
  }
  const leftovers = filesUnder(folder).filter((f) => f.endsWith('.tmp')).length
  console.log(
    `EKSPOR  kills=${tally.kills} killed_before_done=${tally.midway} xlsx_opened=${checked} broken_xlsx=${broken} temp_files_left=${leftovers}`,
  )
  return broken === 0
}

async function main(): Promise<void> {
  const started = Date.now()
  const dir = tempDir('kiosk-soak-')
  try {
    const ok = [
      await scans(path.join(dir, 'pindai'), rounds('SOAK_SCANS', 200)),
      await rosters(path.join(dir, 'impor'), rounds('SOAK_ROSTER', 40)),
      await exports(path.join(dir, 'ekspor'), rounds('SOAK_EXPORT', 40)),
    ].every(Boolean)
    console.log(
      `${ok ? 'LULUS' : 'GAGAL'} dalam ${fmt(Math.round((Date.now() - started) / 1000))} s`,
    )
    process.exitCode = ok ? 0 : 1
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
