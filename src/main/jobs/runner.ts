import { randomUUID } from 'node:crypto'
import type { Worker } from 'node:worker_threads'
import type { JobKind, JobProgress } from '../../shared/jobs'
import type { KioskContext } from '../context'
import type { EventHub } from '../events'
import { UserError } from '../errors'
import type { WorkerMessage, WorkerStart } from './protocol'
import { startWorker } from './start-worker'
import type { TaskIo } from './tasks'

/** What each kind of job is called in the officer's messages. */
const KIND_NAME: Record<JobKind, string> = {
  export: 'Ekspor',
  'roster-preview': 'Pembacaan berkas data pegawai',
  backup: 'Pembuatan cadangan',
  'restore-check': 'Pemeriksaan cadangan',
  'integrity-check': 'Pemeriksaan basis data',
  verify: 'Pemeriksaan keaslian',
  bundle: 'Penulisan berkas Kirim data',
}

export interface RunnerOptions {
  events: EventHub
  dbPath: string
  nativeBinding?: string
  /** How a worker is started; tests start fixture workers that crash or never finish. */
  spawn?: (start: WorkerStart) => Worker
}

export interface RunOptions {
  /** After a cancelled or crashed job's worker is gone: removes what it left half-written. */
  cleanup?: () => Promise<unknown>
}

interface Running {
  jobId: string
  worker: Worker
  cancelled: boolean
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error }

/**
 * Runs heavy jobs in worker threads, so the thread that answers the gate's scans never waits
 * for them. One job of a kind at a time; each reports its progress as `job.progress` events,
 * from its first `running` to exactly one end state.
 */
export class JobRunner {
  private readonly running = new Map<JobKind, Running>()

  constructor(private readonly options: RunnerOptions) {}

  run<K extends JobKind>(
    kind: K,
    input: TaskIo[K]['input'],
    runOptions: RunOptions = {},
  ): Promise<TaskIo[K]['output']> {
    this.ensureIdle(kind)
    const jobId = randomUUID()
    const spawn = this.options.spawn ?? startWorker
    const worker = spawn({
      task: kind,
      input,
      dbPath: this.options.dbPath,
      nativeBinding: this.options.nativeBinding,
    })
    const job: Running = { jobId, worker, cancelled: false }
    this.running.set(kind, job)
    const progress = (p: Omit<JobProgress, 'jobId' | 'kind'>) =>
      this.options.events.emit('job.progress', { jobId, kind, ...p })
    progress({ state: 'running', done: 0, total: null, label: `${KIND_NAME[kind]} dimulai` })
    return this.follow(kind, job, progress, runOptions) as Promise<TaskIo[K]['output']>
  }

  /** Refuses, in the officer's words, a second job of a kind while the first runs. */
  ensureIdle(kind: JobKind): void {
    if (!this.running.has(kind)) return
    throw new UserError(
      'JOB_BUSY',
      `${KIND_NAME[kind]} sebelumnya masih berjalan. Tunggu sampai selesai atau batalkan dulu.`,
    )
  }

  /** Stops a running job; false when no job has that id (it already ended). */
  cancel(jobId: string): boolean {
    const job = [...this.running.values()].find((j) => j.jobId === jobId)
    if (!job) return false
    job.cancelled = true
    void job.worker.terminate()
    return true
  }

  /** The id of the running job of a kind, if any. */
  runningId(kind: JobKind): string | null {
    return this.running.get(kind)?.jobId ?? null
  }

  /** Settles once the worker has exited (and a failed job's leftovers are removed), never before. */
  private follow(
    kind: JobKind,
    job: Running,
    progress: (p: Omit<JobProgress, 'jobId' | 'kind'>) => void,
    { cleanup }: RunOptions,
  ): Promise<unknown> {
    let outcome: Outcome | null = null
    let last = { done: 0, total: null as number | null }
    return new Promise((resolve, reject) => {
      job.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          last = { done: message.done, total: message.total }
          progress({ state: 'running', ...last, label: message.label })
          return
        }
        outcome =
          message.type === 'done'
            ? { ok: true, value: message.value }
            : { ok: false, error: rebuild(message.error) }
        void job.worker.terminate()
      })
      job.worker.on('error', (error) => {
        console.error(`[job ${kind}]`, error)
        outcome ??= { ok: false, error: crashed(kind, 'galat di dalam proses kerja') }
      })
      job.worker.on('exit', (code) => {
        const end: Outcome = job.cancelled
          ? { ok: false, error: cancelledError(kind) }
          : (outcome ?? { ok: false, error: crashed(kind, `kode keluar ${code}`) })
        const tidy = end.ok || !cleanup ? Promise.resolve() : cleanup().catch(logCleanup)
        void tidy.then(() => {
          this.running.delete(kind)
          const state = end.ok ? 'done' : job.cancelled ? 'cancelled' : 'failed'
          progress({
            state,
            ...last,
            label: end.ok ? `${KIND_NAME[kind]} selesai` : end.error.message,
          })
          if (end.ok) resolve(end.value)
          else reject(end.error)
        })
      })
    })
  }
}

function rebuild(error: { user: boolean; code: string; message: string }): Error {
  return error.user ? new UserError(error.code, error.message) : new Error(error.message)
}

function crashed(kind: JobKind, why: string): UserError {
  return new UserError(
    'JOB_CRASHED',
    `${KIND_NAME[kind]} berhenti tiba-tiba (${why}). Data yang sudah tercatat tidak berubah dan tidak ada berkas setengah jadi yang tertinggal; ulangi.`,
  )
}

function cancelledError(kind: JobKind): UserError {
  return new UserError(
    'JOB_CANCELLED',
    `${KIND_NAME[kind]} dibatalkan. Tidak ada berkas setengah jadi yang tertinggal.`,
  )
}

function logCleanup(error: unknown): void {
  console.error('[job cleanup]', error)
}

const runners = new WeakMap<KioskContext, JobRunner>()

/** The one runner of a context: every handler of a table shares its one-of-a-kind rule. */
export function jobsOf(ctx: KioskContext): JobRunner {
  let runner = runners.get(ctx)
  if (!runner) {
    runner = new JobRunner({
      events: ctx.events,
      dbPath: ctx.dbPath,
      nativeBinding: ctx.nativeBinding,
    })
    runners.set(ctx, runner)
  }
  return runner
}
