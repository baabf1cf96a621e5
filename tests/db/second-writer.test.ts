import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { lockDatabaseFile } from '../../src/main/db/writer-lock'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { UserError } from '../../src/main/errors'
import { addCeremony } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { rosterRow } from '../fixtures/roster-row'
import { tempDb } from '../fixtures/temp-db'
import { applyRoster } from '../../src/main/roster/repository'

const HOLDER = path.resolve(__dirname, '../fixtures/db-holder.ts')
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function fresh() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  return t
}

/** Starts the holder and resolves once it says it holds the lock (bounded: 20 s). */
function holder(mode: 'lock' | 'write', file: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, mode, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanups.unshift(() => child.kill('SIGKILL'))
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`holder not ready: ${stderr}`)), 20_000)
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.stdout.on('data', (d: Buffer) => {
      if (!d.toString().includes('ready')) return
      clearTimeout(timer)
      resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`holder ended (code ${code}): ${stderr}`)))
  })
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve())
    child.kill('SIGKILL')
  })

function refusal(file: string): UserError | null {
  try {
    lockDatabaseFile(file).release()
    return null
  } catch (error) {
    return error as UserError
  }
}

describe('a second kiosk on the same database file', () => {
  it('is refused while another process holds the file, and let in once that process dies', async () => {
    const { file, db } = fresh()
    db.close()
    const other = await holder('lock', file)
    const error = refusal(file)
    expect(error).toBeInstanceOf(UserError)
    expect(error).toMatchObject({ code: 'DB_IN_USE' })
    expect(error!.message).toContain(file)
    expect(error!.message).toContain('Tutup kiosk yang lain')
    // The lock is on a sidecar: the database itself still opens, e.g. for a reader.
    const reader = openDatabase(file)
    expect(reader.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(0)
    reader.close()
    // Killed, not closed: the operating system drops the lock with the process.
    await killed(other)
    expect(refusal(file)).toBeNull()
  }, 30_000)

  it('is refused inside one process too, and let in after release', () => {
    const { file } = fresh()
    const first = lockDatabaseFile(file)
    expect(refusal(file)).toMatchObject({ code: 'DB_IN_USE' })
    // This process keeps its own extra connections to the database while it holds the lock.
    const worker = openDatabase(file)
    expect(worker.pragma('quick_check', { simple: true })).toBe('ok')
    worker.close()
    first.release()
    expect(refusal(file)).toBeNull()
  })

  it('turns a write the other process blocks into a STORAGE message, not INTERNAL', async () => {
    const { file, db } = fresh()
    const nip = '197405021993111001'
    applyRoster(db, [rosterRow(nip, 'Budi', 'Inspektorat', 2)], new Date())
    addCeremony(db, { name: 'Apel' })
    // The kiosk waits 5 s for a busy database; the test shortens that wait, not the outcome.
    db.pragma('busy_timeout = 200')
    const handlers = createHandlers(
      testContext({
        db,
        dbPath: file,
        kioskId: 'K',
        now: () => new Date(),
      }),
    )
    const other = await holder('write', file)
    const blocked = await invoke(handlers, 'checkin.scan', { payload: nip, source: 'kamera' })
    expect(blocked).toMatchObject({ ok: false, error: { code: 'STORAGE' } })
    expect(!blocked.ok && blocked.error.message).toContain('sedang dipakai program lain')
    await killed(other)
    expect(
      await invoke(handlers, 'checkin.scan', { payload: nip, source: 'kamera' }),
    ).toMatchObject({ ok: true, value: { kind: 'recorded' } })
  }, 30_000)
})
