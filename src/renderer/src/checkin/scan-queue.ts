import type { ScanSource } from '../../../shared/domain'

export interface QueuedScan {
  payload: string
  source: ScanSource
}

/** What the queue does with a scan whose handling or reporting threw. */
export type ScanFailure = (error: unknown, scan: QueuedScan) => void

const logFailure: ScanFailure = (error, scan) => console.error(`[scan ${scan.source}]`, error)

/**
 * Every input feeds one queue: scans are handled one at a time, in arrival order, and none is
 * dropped while another is being recorded. The camera reports a code on every frame it sees,
 * so the same camera code within `repeatMs` is ignored silently. A step that throws fails only
 * its own scan (reported to `onFailure`): the chain never breaks, so later scans still run.
 */
export class ScanQueue<R> {
  private tail: Promise<unknown> = Promise.resolve()
  private lastCamera = new Map<string, number>()

  constructor(
    private handle: (scan: QueuedScan) => Promise<R>,
    private onResult: (result: R, scan: QueuedScan) => void,
    private readonly repeatMs = 4000,
    private readonly clock: () => number = () => Date.now(),
    private onFailure: ScanFailure = logFailure,
  ) {}

  /** The screen re-renders with new closures; the queue and its order stay. */
  connect(
    handle: (scan: QueuedScan) => Promise<R>,
    onResult: (result: R, scan: QueuedScan) => void,
    onFailure: ScanFailure = this.onFailure,
  ): void {
    this.handle = handle
    this.onResult = onResult
    this.onFailure = onFailure
  }

  /** false when the scan was a camera repeat and was dropped. */
  push(scan: QueuedScan): boolean {
    if (scan.source === 'kamera') {
      const now = this.clock()
      const seen = this.lastCamera.get(scan.payload)
      if (seen !== undefined && now - seen < this.repeatMs) return false
      this.lastCamera.set(scan.payload, now)
      for (const [code, t] of this.lastCamera)
        if (now - t >= this.repeatMs) this.lastCamera.delete(code)
    }
    this.tail = this.tail.then(() => this.run(scan))
    return true
  }

  /** Never rejects: one scan's failure (even its report's) must not stop every later scan. */
  private async run(scan: QueuedScan): Promise<void> {
    try {
      this.onResult(await this.handle(scan), scan)
    } catch (error) {
      try {
        this.onFailure(error, scan)
      } catch (reportError) {
        logFailure(reportError, scan)
      }
    }
  }

  /** Resolves when everything pushed so far has been handled. */
  idle(): Promise<unknown> {
    return this.tail
  }
}
