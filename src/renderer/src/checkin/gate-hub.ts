import type { Burst } from './keyboard-wedge'
import type { ShownOutcome } from './outcome'
import { ScanQueue, type QueuedScan } from './scan-queue'

export type GateListener = (outcome: ShownOutcome, scan: QueuedScan) => void

/**
 * The app's one scan queue and who hears its results: the gate screen while it is open,
 * otherwise `unheard` (the overlay). The scanner test may take bursts for itself.
 */
export class GateHub {
  private readonly listeners = new Set<GateListener>()
  private readonly queue: ScanQueue<ShownOutcome>
  /** Set by the scanner test while it is open: bursts go there and nothing is recorded. */
  diversion: ((burst: Burst) => void) | null = null

  constructor(
    handle: (scan: QueuedScan) => Promise<ShownOutcome>,
    private unheard: GateListener,
    private readonly onGateChange: (open: boolean) => void,
  ) {
    this.queue = new ScanQueue(handle, (outcome, scan) => {
      if (this.listeners.size === 0) this.unheard(outcome, scan)
      for (const l of this.listeners) l(outcome, scan)
    })
  }

  push(scan: QueuedScan): void {
    this.queue.push(scan)
  }

  /** The gate screen shows results itself while it listens. */
  listen(listener: GateListener): () => void {
    this.listeners.add(listener)
    this.onGateChange(true)
    return () => {
      this.listeners.delete(listener)
      this.onGateChange(this.listeners.size > 0)
    }
  }

  gateOpen(): boolean {
    return this.listeners.size > 0
  }

  divert(take: ((burst: Burst) => void) | null): void {
    this.diversion = take
  }
}
