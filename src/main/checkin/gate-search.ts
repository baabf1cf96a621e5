import { randomBytes } from 'node:crypto'
import type { Dashboard, GateMatch } from '../../shared/domain'
import { maskNip, normalizeNip } from '../../shared/nip'
import type { Db } from '../db/connection'
import { findPerson } from './find-person'

/** A pick is good for a few minutes: long enough to tap "Catat hadir", too short to collect. */
const PICK_MS = 5 * 60_000
const MAX_PICKS = 1000
const PICK = /^PILIH-[0-9A-F]{16}$/

/**
 * The gate's manual search. The result never carries a full NIP: each person comes with a
 * random pick that only this kiosk process can turn back into the NIP, when the officer taps
 * "Catat hadir". So the gate screen can find people without showing who was born when.
 */
export class GateSearch {
  private readonly picks = new Map<string, { nip: string; until: number }>()

  constructor(private readonly clock: () => number) {}

  find(db: Db, query: string, limit: number): { total: number; rows: GateMatch[] } {
    // By NIP only whole: partial digits would list everyone born in a given year.
    const digits = normalizeNip(query)
    if (/^\d+$/.test(digits) && digits.length !== 18) return { total: 0, rows: [] }
    const { total, rows } = findPerson(db, query, limit)
    return {
      total,
      rows: rows.map((e) => ({
        pick: this.issue(e.nip),
        name: e.name,
        opdName: e.opdName,
        nipMasked: maskNip(e.nip),
        arrivedAt: e.arrivedAt,
      })),
    }
  }

  /**
   * The NIP behind a pick; other payloads pass through unchanged. An expired or unknown pick
   * becomes null, so the scan is refused instead of recording a stranger.
   */
  redeem(payload: string): string | null {
    if (!PICK.test(payload)) return payload
    const found = this.picks.get(payload)
    if (!found || found.until < this.clock()) return null
    return found.nip
  }

  private issue(nip: string): string {
    const now = this.clock()
    for (const [key, p] of this.picks) if (p.until < now) this.picks.delete(key)
    // Map keeps insertion order: the oldest picks go first when a long search session fills it.
    while (this.picks.size >= MAX_PICKS) this.picks.delete(this.picks.keys().next().value!)
    const pick = `PILIH-${randomBytes(8).toString('hex').toUpperCase()}`
    this.picks.set(pick, { nip, until: now + PICK_MS })
    return pick
  }
}

/**
 * The gate's dashboard as anyone passing may read it: recent arrivals and the missing list
 * keep their names, their NIPs are masked. The officer sees whole NIPs on the desk screens.
 */
export function gateDashboard(d: Dashboard | null): Dashboard | null {
  if (!d) return null
  return {
    ...d,
    recent: d.recent.map((a) => ({ ...a, nip: maskNip(a.nip) })),
    last: d.last && { ...d.last, nip: maskNip(d.last.nip) },
    missing: d.missing && {
      ...d.missing,
      people: d.missing.people.map((p) => ({ ...p, nip: maskNip(p.nip) })),
    },
  }
}
