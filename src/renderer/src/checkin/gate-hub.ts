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
  /**
   * A mode other than check-in ("Pakta diterima"): while set, every scan from every input goes
   * to it instead, through the same queue. Only a screen that shows its results sets it.
   */
  private mode: ((scan: QueuedScan) => Promise<ShownOutcome>) | null = null
  /** The mode each waiting scan was made in: a scan queued before a switch keeps its own. */
  private readonly routes = new WeakMap<QueuedScan, (scan: QueuedScan) => Promise<ShownOutcome>>()

  constructor(
    handle: (scan: QueuedScan) => Promise<ShownOutcome>,
    private readonly ui: {
      /** A result while the gate screen is closed. */
      unheard: GateListener
      onGateChange: (open: boolean) => void
      /** The officer asked to put this unknown NIP on the roster. */
      openRegister: (nip: string) => void
      /** The scanner test started or ended: the scanner must be listened to meanwhile. */
      onDivertChange: (on: boolean) => void
    },
  ) {
    this.queue = new ScanQueue(
      (scan) => (this.routes.get(scan) ?? handle)(scan),
      (outcome, scan) => this.announce(outcome, scan),
      undefined,
      undefined,
      // A step that threw is still told, as any refusal is: the person in front scans again.
      (error, scan) =>
        this.announce(
          {
            kind: 'failed',
            reason: `Pindaian tidak dapat diproses: ${error instanceof Error ? error.message : String(error)}. Pindai ulang.`,
          },
          scan,
        ),
    )
  }

  push(scan: QueuedScan): void {
    if (this.mode) this.routes.set(scan, this.mode)
    this.queue.push(scan)
  }

  /** Resolves when every scan pushed so far has been handled. */
  idle(): Promise<unknown> {
    return this.queue.idle()
  }

  /** Tells whoever shows results: a scan's outcome, or an arrival that changed (registered). */
  announce(outcome: ShownOutcome, scan: QueuedScan): void {
    if (this.listeners.size === 0) this.ui.unheard(outcome, scan)
    for (const l of this.listeners) l(outcome, scan)
  }

  register(nip: string): void {
    this.ui.openRegister(nip)
  }

  /** The gate screen shows results itself while it listens. */
  listen(listener: GateListener): () => void {
    this.listeners.add(listener)
    this.ui.onGateChange(true)
    return () => {
      this.listeners.delete(listener)
      this.ui.onGateChange(this.listeners.size > 0)
    }
  }

  gateOpen(): boolean {
    return this.listeners.size > 0
  }

  /** Scans go to `handle` from now on; null: back to check-in. */
  setMode(handle: ((scan: QueuedScan) => Promise<ShownOutcome>) | null): void {
    this.mode = handle
  }

  divert(take: ((burst: Burst) => void) | null): void {
    this.diversion = take
    this.ui.onDivertChange(take !== null)
  }
}
