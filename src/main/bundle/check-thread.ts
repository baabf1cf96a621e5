import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads'
import { formatCount } from '../../shared/format'
import { UserError } from '../errors'
import { startWorker } from '../jobs/start-worker'
import type { BundleChecks, FileCheck } from './check'
import type { CheckerStart, FromChecker, ToChecker } from './check-protocol'

/** How long the main thread waits for one file's check before it gives up on the thread. */
const CHECK_STUCK_MS = 20_000

const stopped = (why: string) =>
  new UserError(
    'BUNDLE_CHECK_STOPPED',
    `Pemeriksaan berkas Kirim data berhenti tiba-tiba (${why}). Tidak ada data yang diubah; ulangi Terima data.`,
  )

function answer(message: FromChecker): FileCheck {
  if ('failed' in message) throw new Error(`bundle check failed: ${message.failed}`)
  return message.check
}

/**
 * A thread that checks Kirim data files (check-worker.ts) for one "Terima data". Started when
 * the officer opens the file dialog, so it is ready once files are picked; then it checks each
 * file while the main thread stores the one before, and the main thread only stores. The
 * main thread takes each answer synchronously (inside the import's one transaction, where no
 * other handler may run), sleeping on a shared bell rather than the event loop.
 */
export class CheckThread {
  private readonly bell = new Int32Array(new SharedArrayBuffer(4))
  private readonly channel = new MessageChannel()
  private readonly worker: Worker
  private exited: string | null = null

  constructor(
    spawn = startWorker,
    private readonly stuckMs = CHECK_STUCK_MS,
  ) {
    const start: CheckerStart = { bell: this.bell, port: this.channel.port2 }
    this.worker = spawn(start, 'bundle-check', [this.channel.port2])
    this.worker.on('error', (error) => {
      console.error('[bundle check]', error)
      this.exited ??= 'galat di dalam proses pemeriksaan'
    })
    this.worker.on('exit', (code) => (this.exited ??= `kode keluar ${code}`))
  }

  /** Starts checking the files, in order; `ready` resolves once the first answer is in. */
  check(files: readonly string[]): BundleChecks & { ready(): Promise<void> } {
    const port = this.channel.port1
    const send = (message: ToChecker) => port.postMessage(message)
    send({ files })
    let taken = 0
    const next = (): FileCheck => {
      const giveUpIfLate = this.deadline()
      for (;;) {
        const rung = Atomics.load(this.bell, 0)
        const got = receiveMessageOnPort(port) as { message: FromChecker } | undefined
        if (got) {
          send({ taken: ++taken })
          return answer(got.message)
        }
        giveUpIfLate()
        Atomics.wait(this.bell, 0, rung, 100)
      }
    }
    // Only here, on the event loop, can the thread's exit be heard; `next` has its deadline.
    const ready = async () => {
      const giveUpIfLate = this.deadline()
      while (Atomics.load(this.bell, 0) === 0) {
        if (this.exited !== null) throw stopped(this.exited)
        giveUpIfLate()
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    return { next, ready }
  }

  /** Throws, once `stuckMs` have passed since it was made, that the thread gave no answer. */
  private deadline(): () => void {
    const end = Date.now() + this.stuckMs
    return () => {
      if (Date.now() > end)
        throw stopped(`tidak ada jawaban dalam ${formatCount(this.stuckMs / 1000)} detik`)
    }
  }

  close(): void {
    this.channel.port1.close()
    void this.worker.terminate()
  }
}
