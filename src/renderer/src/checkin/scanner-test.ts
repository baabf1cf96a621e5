import type { PayloadResult } from '../../../shared/payload'
import type { Burst } from './keyboard-wedge'

/** How the scanner test read one burst: the wedge's scan and its NIP, or why it was no scan. */
export type Reading = { burst: Burst; result: PayloadResult } | { refused: string }

/** One keydown as the scanner test lists it. */
export interface RawKey {
  key: string
  time: number
}

const NAMED: Record<string, string> = {
  ' ': '[spasi]',
  Enter: '[Enter]',
  Tab: '[Tab]',
}

// Control characters, no-break space, zero-width and direction marks, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/

/**
 * A key as the officer can read it: invisible characters by their code (a scanner's group
 * separator shows as [U+001D]), keys without a character (Shift, Unidentified) in brackets.
 * Plain text, no symbol glyphs: the kiosk's fonts may lack them.
 */
export function visibleKey(key: string): string {
  const named = NAMED[key]
  if (named) return named
  if (key.length !== 1) return `[${key}]`
  if (INVISIBLE.test(key))
    return `[U+${key.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`
  return key
}

/** The gaps between consecutive keys, in whole ms. */
export function gapsMs(keys: readonly RawKey[]): number[] {
  return keys.slice(1).map((k, i) => Math.round(k.time - keys[i]!.time))
}
