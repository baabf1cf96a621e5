/**
 * The hub's clock minus the gate's, NTP-style (RFC 5905): the gate sent at t0 and heard back at
 * t3 by its clock; the hub received at t1 and replied at t2 by its own. Half the round trip's
 * asymmetry is the error, a few ms on a hotspot: far below a minute of lateness.
 */
export function clockOffset(t0: number, t1: number, t2: number, t3: number): number {
  return Math.round((t1 - t0 + (t2 - t3)) / 2)
}
