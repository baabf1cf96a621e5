/**
 * A USB or Bluetooth barcode scanner "types" its code: many keys a few milliseconds apart,
 * usually ending in Enter. A person types tens of milliseconds apart. This tells the two apart
 * from keydown timings alone, whichever element has focus.
 */
export interface WedgeOptions {
  /** Longest gap between two keys of one scan. */
  maxGapMs: number
  /** Shortest code worth reporting. */
  minLength: number
  /** A scan without a final Enter ends after this pause. */
  idleMs: number
}

export const WEDGE_DEFAULTS: WedgeOptions = { maxGapMs: 35, minLength: 8, idleMs: 120 }

export class KeyboardWedge {
  private buffer = ''
  private last = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly onScan: (code: string) => void,
    private readonly options: WedgeOptions = WEDGE_DEFAULTS,
  ) {}

  /** Feed every keydown (the buffer only ever holds keys that came fast after each other); returns true when the key belongs to a scan and must not reach the page. */
  key(key: string, time: number): boolean {
    const fast = this.buffer.length > 0 && time - this.last <= this.options.maxGapMs
    if (key === 'Enter' || key === 'Tab') {
      const scanned = fast && this.buffer.length >= this.options.minLength
      if (scanned) this.emit()
      else this.reset()
      return scanned
    }
    if (key.length !== 1) return false
    if (!fast) this.buffer = ''
    this.buffer += key
    this.last = time
    this.arm()
    // The first keys cannot be told from a quick typist's rollover yet; from the third fast key
    // on it is a scanner, and its keys stay out of whatever field has focus.
    return this.buffer.length > 2
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.buffer.length >= this.options.minLength) this.emit()
      else this.reset()
    }, this.options.idleMs)
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

  dispose(): void {
    this.reset()
  }
}
