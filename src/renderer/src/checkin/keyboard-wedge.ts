import type { ScanSource } from '../../../shared/domain'
import { looksLikeCardCode } from '../../../shared/payload'

/**
 * A USB or Bluetooth barcode scanner "types" its code, whichever element has focus. Two rules
 * tell it from a person:
 * - A burst that ends in Enter or Tab is a scan when it is shaped like a card (a NIP, "NIP. …",
 *   a link with a NIP, NA-000001), whatever its speed: some Bluetooth scanners send a key every
 *   60 ms, as slow as a quick typist. A name typed into a search box is not card-shaped and
 *   stays typing. Eighteen digits typed by hand and Enter are read as a scan, on purpose: that is
 *   what the officer at the manual box means.
 * - A fast burst is a scan by its speed alone, suffix or not: a card with a wrong QR code then
 *   gets "KODE TIDAK VALID" at the gate instead of vanishing into a field. A burst with no
 *   suffix can only be told this way: it is a scan when its keys come fast on
 *   average (the average, because a busy laptop delivers a scanner's keys unevenly).
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
  // Longer than a slow Bluetooth scanner's gap; a person's pause between words ends a burst.
  maxGapMs: 400,
  minLength: 8,
  // Only for scanners set up without an Enter suffix. Generous, because on a busy laptop the
  // rest of a burst can arrive late, and a burst cut short is read as two invalid codes.
  idleMs: 500,
}

/** One scan as the scanner sent it: what the scanner test shows and the queue records. */
export interface Burst {
  code: string
  /** The key that ended it; null: it ended by a pause. */
  suffix: 'Enter' | 'Tab' | null
  /** The keydown time of each character, in ms. */
  times: number[]
  /** Which rule recognised it. */
  by: 'kecepatan' | 'bentuk'
  /** The characters that reached the focused field before the burst proved a scan. */
  leaked: string
}

/** A burst's pace: first to last character over the gaps between them (0 for one key). */
export function averageGapMs(times: readonly number[]): number {
  return times.length > 1 ? (times.at(-1)! - times[0]!) / (times.length - 1) : 0
}

/** Slower than any scanner seen (Bluetooth ones send a key every 60 ms): a person's keys. */
const TYPED_AVERAGE_GAP_MS = 100

/**
 * A card-shaped burst typed by hand (the NIP keyed into the manual search box, then Enter) is
 * recorded as "manual", as the officer's pick from that box would be; a scanner's as "pemindai".
 */
export function sourceOf(burst: Burst): ScanSource {
  const average = averageGapMs(burst.times)
  return burst.by === 'bentuk' && average > TYPED_AVERAGE_GAP_MS ? 'manual' : 'pemindai'
}

/** Keys a person edits with: a burst that contains one is typing. */
const EDITING_KEYS = new Set([
  'Backspace',
  'Delete',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
])

export class KeyboardWedge {
  private buffer = ''
  private times: number[] = []
  private leaked = ''
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly onScan: (burst: Burst) => void,
    private readonly options: WedgeOptions = WEDGE_DEFAULTS,
  ) {}

  /**
   * Feed every keydown; returns true when the key belongs to a scan and must not reach the page.
   * `inTextField`: focus is where a person types, so no character is held back (a fast typist's
   * keys must never vanish); if the burst proves a scan, the caller takes them back out.
   */
  key(key: string, time: number, inTextField = false): boolean {
    if (key === 'Enter' || key === 'Tab') return this.end(key)
    if (EDITING_KEYS.has(key)) this.reset()
    if (key.length !== 1) return false
    const last = this.times.at(-1)
    if (last !== undefined && time - last > this.options.maxGapMs) this.reset()
    this.buffer += key
    this.times.push(time)
    this.arm()
    // Elsewhere (a button, the page), from the third fast key on it is a scanner, and its keys
    // (a space that would press a button) are held back. The first keys cannot be told from a
    // quick typist's rollover yet, and slower scanners' keys are let through too.
    const swallowed = !inTextField && this.buffer.length > 2 && this.fast()
    if (!swallowed) this.leaked += key
    return swallowed
  }

  dispose(): void {
    this.reset()
  }

  private end(suffix: 'Enter' | 'Tab'): boolean {
    const long = this.buffer.length >= this.options.minLength
    const by = !long
      ? null
      : this.fast()
        ? 'kecepatan'
        : looksLikeCardCode(this.buffer)
          ? 'bentuk'
          : null
    if (by) this.emit(suffix, by)
    else this.reset()
    return by !== null
  }

  private fast(): boolean {
    return this.times.length > 1 && averageGapMs(this.times) <= this.options.maxAverageGapMs
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.buffer.length >= this.options.minLength && this.fast()) this.emit(null, 'kecepatan')
      else this.reset()
    }, this.options.idleMs)
  }

  private emit(suffix: Burst['suffix'], by: Burst['by']): void {
    const burst = { code: this.buffer, suffix, times: this.times, by, leaked: this.leaked }
    this.reset()
    this.onScan(burst)
  }

  private reset(): void {
    this.buffer = ''
    this.times = []
    this.leaked = ''
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
