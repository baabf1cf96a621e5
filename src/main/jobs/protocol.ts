import type { JobKind } from '../../shared/jobs'

/** What crosses between the job runner (main thread) and a job's worker thread. */

/** The worker's start data: which task, its input, and how to open the database. */
export interface WorkerStart {
  task: JobKind
  input: unknown
  dbPath: string
  nativeBinding?: string
}

/** A failure as it crosses the thread: a UserError keeps its code and Indonesian message. */
export interface WorkerFailure {
  user: boolean
  code: string
  message: string
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; label: string }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: WorkerFailure }

/** How a task tells the runner how far it is. */
export type Report = (done: number, total: number | null, label: string) => void
