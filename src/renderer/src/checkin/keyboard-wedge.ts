/**
 * A USB or Bluetooth barcode scanner "types" its code: many keys a few milliseconds apart,
 * usually ending in Enter. A person types a hundred milliseconds or more apart. This tells the
 * two apart from keydown timings alone, whichever element has focus. It judges the average gap
 * of a burst, not each gap, because a busy laptop delivers a scanner's keys unevenly.
 */
export interface WedgeOptions {
  /** A burst whose keys come this fast on average is a scanner. */
  maxAverageGapMs: number
  /** A longer gap ends a burst. */
  maxGapMs: number
  /** Shortest code worth reporting. */
  minLength: number
  /** A scan without a final Enter ends after this pause. */
  idleMs: number
}

export const WEDGE_DEFAULTS: WedgeOptions = {
  maxAverageGapMs: 50,
  maxGapMs: 150,
  minLength: 8,
  // Only for scanners set up without an Enter suffix. Generous, because on a busy laptop the
  // rest of a burst can arrive late, and a burst cut short is read as two invalid codes.
  idleMs: 500,
}

export class KeyboardWedge {
  private buffer = ''
  private first = 0
  private last = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly options: WedgeOptions = WEDGE_DEFAULTS,
  ) {}

  /** Feed every keydown; returns true when the key belongs to a scan and must not reach the page. */
  key(key: string, time: number): boolean {
    if (key === 'Enter' || key === 'Tab') {
      const scanned = this.isScan()
      if (scanned) this.emit()
      else this.reset()
      return scanned
    }
    if (key.length !== 1) return false
    if (this.buffer && time - this.last > this.options.maxGapMs) this.reset()
    if (!this.buffer) this.first = time
    this.buffer += key
    this.last = time
    this.arm()
    // The first keys cannot be told from a quick typist's rollover yet; from the third fast key
    // on it is a scanner, and its keys stay out of whatever field has focus.
    return this.buffer.length > 2 && this.fast()
  }

  dispose(): void {
    this.reset()
  }

  private fast(): boolean {
    return (this.last - this.first) / (this.buffer.length - 1) <= this.options.maxAverageGapMs
  }

  private isScan(): boolean {
    return this.buffer.length >= this.options.minLength && this.fast()
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => (this.isScan() ? this.emit() : this.reset()), this.options.idleMs)
  }

  private emit(): void {
    const code = this.buffer
    this.reset()
    this.onScan(code)
  }

  private reset(): void {
    this.buffer = ''
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
