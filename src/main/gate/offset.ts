/**
 * The hub's clock minus the gate's, NTP-style (RFC 5905): the gate sent at t0 and heard back at
 * t3 by its clock; the hub received at t1 and replied at t2 by its own. Half the round trip's
 * asymmetry is the error, a few ms on a hotspot: far below a minute of lateness.
 */
export function clockOffset(t0: number, t1: number, t2: number, t3: number): number {
  return Math.round((t1 - t0 + (t2 - t3)) / 2)
}

/** A round trip longer than this (or negative) means a clock was set mid-exchange: no sample. */
export const MAX_ROUND_TRIP_MS = 2_000

/** The exchange's round trip without the hub's own time; its measurement is kept only if sane. */
export function usableSample(t0: number, t1: number, t2: number, t3: number): boolean {
  const delay = t3 - t0 - (t2 - t1)
  return delay >= 0 && delay <= MAX_ROUND_TRIP_MS
}
