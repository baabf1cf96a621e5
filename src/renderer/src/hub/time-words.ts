import { formatCount } from '../../../shared/format'

const tenths = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

/**
 * A gate's clock against the hub's, as the officer reads it: "jam gerbang 1,2 detik lebih
 * cepat". Under half a second is "sama": lateness is minutes, and the network's own jitter is
 * about that much.
 */
export function describeOffset(offsetMs: number | null): string {
  if (offsetMs === null) return 'belum diukur'
  const seconds = Math.abs(offsetMs) / 1000
  if (seconds < 0.5) return 'sama dengan kiosk induk'
  const amount =
    seconds < 60
      ? `${tenths.format(seconds)} detik`
      : `${formatCount(Math.round(seconds / 60))} menit`
  // hubOffsetMs maps gate time to hub time: positive means the gate's clock is behind.
  return offsetMs > 0 ? `${amount} lebih lambat` : `${amount} lebih cepat`
}

/** "baru saja", "12 detik lalu", "3 menit lalu", from an ISO instant and the screen's now. */
export function describeAgo(at: string | null, nowMs: number): string {
  if (at === null) return 'belum pernah'
  const seconds = Math.max(0, Math.round((nowMs - Date.parse(at)) / 1000))
  if (seconds < 5) return 'baru saja'
  if (seconds < 60) return `${formatCount(seconds)} detik lalu`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${formatCount(minutes)} menit lalu`
  return `${formatCount(Math.round(minutes / 60))} jam lalu`
}

/** What is left of a code's validity, "4.32"; "habis" once it has gone. */
export function describeRemaining(expiresAt: string, nowMs: number): string {
  const left = Math.ceil((Date.parse(expiresAt) - nowMs) / 1000)
  if (left <= 0) return 'habis'
  return `${Math.floor(left / 60)}.${String(left % 60).padStart(2, '0')}`
}
