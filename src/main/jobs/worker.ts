// Entry of every job's worker thread: opens its own connection to the kiosk's database, runs
// the task it was started for and posts progress, then the result or the failure.
import Database from 'better-sqlite3'
import os from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import type { Report, WorkerFailure, WorkerMessage, WorkerStart } from './protocol'
import { TASKS } from './tasks'

const start = workerData as WorkerStart
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

/**
 * Read-only: a job only reads the kiosk's data (the database is in WAL, so the gate keeps
 * writing while it reads). The process's `<db>.lock` sidecar is not taken again: it is held
 * by the main thread of this same process.
 */
function openReadOnly(): Db {
  const db = new Database(start.dbPath, {
    readonly: true,
    fileMustExist: true,
    nativeBinding: start.nativeBinding,
  })
  db.pragma('busy_timeout = 5000')
  return db
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof UserError) return { user: true, code: error.code, message: error.message }
  const e = error as Error
  return { user: false, code: 'INTERNAL', message: e?.stack ?? String(error) }
}

/**
 * On Linux a nice value belongs to a thread: this one yields the CPU to the thread that answers
 * the gate whenever both want it. Elsewhere the call would lower the whole app, so it is skipped.
 */
function yieldToTheGate(): void {
  if (process.platform !== 'linux') return
  try {
    os.setPriority(10)
  } catch {
    // Not allowed here: the job simply runs at the gate's priority.
  }
}

async function run(): Promise<void> {
  yieldToTheGate()
  // The runner pairs each kind with its own input type; the copy across the thread loses it.
  const task = TASKS[start.task] as (db: Db, input: unknown, report: Report) => Promise<unknown>
  if (!task) throw new Error(`no job task ${start.task}`)
  const db = openReadOnly()
  try {
    const value = await task(db, start.input, (done, total, label) =>
      post({ type: 'progress', done, total, label }),
    )
    post({ type: 'done', value })
  } finally {
    db.close()
  }
}

run().catch((error: unknown) => post({ type: 'failed', error: failure(error) }))
