import { validateNip } from './nip'

export type PayloadResult = { ok: true; nip: string } | { ok: false; reason: string }

/**
 * Longer than any card or link a person carries: refuse before scanning it. The one cap for the
 * contract's door (checkin.scan) and for the parser the renderer runs on keyboard bursts.
 */
export const MAX_PAYLOAD_LENGTH = 4096

// Control characters, zero-width and direction marks, BOM: invisible, and sent by some scanners and phones.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** 18 digits, optionally written 8-6-1-3 with spaces, dots or dashes, not inside a longer number. */
const NIP_SHAPE = /(?<!\d)(\d{8})[ .-]?(\d{6})[ .-]?(\d)[ .-]?(\d{3})(?!\d)/g
const INTERNAL_SHAPE = /(?<![A-Za-z0-9])NA-\d{6}(?!\d)/g

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/**
 * Reduces whatever a QR code or scanner sent to one NIP (or the kiosk's internal ID): bare
 * digits, the spaced form, "NIP. …" text, a link with the NIP as a parameter or path segment,
 * a small JSON object. A payload with no valid NIP, or with two different ones, is refused.
 */
export function extractNip(payload: string): PayloadResult {
  if (payload.length > MAX_PAYLOAD_LENGTH)
    return { ok: false, reason: 'Kode terlalu panjang untuk kartu NIP' }
  const text = decodePercent(payload.replace(INVISIBLE, ' '))
  const internal = new Set(text.match(INTERNAL_SHAPE) ?? [])
  const valid = new Set<string>(internal)
  let firstProblem: string | null = null
  for (const match of text.matchAll(NIP_SHAPE)) {
    const check = validateNip(match.slice(1).join(''))
    if (check.ok) valid.add(check.nip)
    else firstProblem ??= `NIP ${match.slice(1).join('')} tidak valid: ${check.reason}`
  }
  if (valid.size === 1) return { ok: true, nip: [...valid][0]! }
  if (valid.size > 1)
    return { ok: false, reason: `Kode berisi ${valid.size} NIP berbeda; pindai kartu satu orang` }
  return { ok: false, reason: firstProblem ?? 'Kode tidak berisi NIP' }
}

/**
 * Whether keys a keyboard delivered look like a card rather than words: they hold an
 * 18-digit NIP shape (valid or not: a scanned card with a wrong NIP must be shown, not typed
 * into a box) or the kiosk's internal ID. A name, a partial NIP or a sentence does not. The
 * wedge trusts this shape instead of key timing when a burst ends in Enter or Tab.
 */
export function looksLikeCardCode(keys: string): boolean {
  if (keys.length > MAX_PAYLOAD_LENGTH) return false
  const text = decodePercent(keys.replace(INVISIBLE, ' '))
  return new RegExp(NIP_SHAPE.source).test(text) || new RegExp(INTERNAL_SHAPE.source).test(text)
}
