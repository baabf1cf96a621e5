import type { MessagePort } from 'node:worker_threads'
import type { FileCheck } from './check'

/** What crosses between the main thread and the thread checking Kirim data files. */

/** Files checked before the main thread has taken them: what the thread holds in memory. */
export const CHECK_AHEAD = 2

/** The thread's start data; its port is in the transfer list beside it. */
export interface CheckerStart {
  /** Counts the thread's answers, so the main thread can sleep until the next one. */
  bell: Int32Array
  /** The thread's end of the channel both ways go through. */
  port: MessagePort
}

/** The files to check, once; then how many the main thread has taken. */
export type ToChecker = { files: readonly string[] } | { taken: number }

/** One file's check, or the stack of what broke while checking it. */
export type FromChecker = { at: number; check: FileCheck } | { at: number; failed: string }
