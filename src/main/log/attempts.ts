import type { GateAttempts } from '../../shared/domain'
import { TIME_ZONES, type TimeZoneId } from '../../shared/time'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import { SCAN_RESULTS, type ScanResult } from './kinds'

/** How many attempts ended each way. */
export type ResultCounts = Record<ScanResult, number>

export interface HourAttempts {
  /** The wall hour in the ceremony's zone, "2024-09-30 07": sorts as time does. */
  hour: string
  counts: ResultCounts
}

export interface OpdAttempts {
  /** null: the code held no NIP on the roster (invalid codes, unknown NIPs): "Tanpa OPD". */
  opdId: number | null
  opdName: string | null
  counts: ResultCounts
}

/** A ceremony's scan attempts as the log holds them: every attempt, arrivals or not. */
export interface CeremonyAttempts {
  total: ResultCounts
  /** Oldest hour first; only hours with an attempt. */
  perHour: HourAttempts[]
  /** By OPD name, "Tanpa OPD" last. */
  perOpd: OpdAttempts[]
}

/**
 * The last entry before this ceremony's id was given out: only the demo's removal deletes a
 * ceremony, and SQLite may hand its id to the next one; the demo's scans are not its attempts.
 */
export const SINCE = `SELECT coalesce(max(d.seq), 0) FROM log_entry d, json_each(d.body, '$.ceremonyIds') j
  WHERE d.kind = 'demo.removed' AND j.value = @ceremonyId`

const ceremonyScans = `FROM log_entry l
  WHERE l.kind = 'scan' AND json_extract(l.body, '$.ceremonyId') = @ceremonyId`

/**
 * One pass over the log: the scan entries of the ceremony, grouped by result, local hour and
 * the OPD the NIP belongs to today (the roster, as the exports read it). The log is the only
 * place attempts that wrote no row (invalid codes, repeats, refusals) are kept.
 */
const statements = perDb((db: Db) => ({
  grouped: db.prepare(
    `SELECT s.result, s.hour, e.opd_id AS opdId, o.name AS opdName, count(*) AS n
     FROM (SELECT json_extract(l.body, '$.result') AS result,
             strftime('%Y-%m-%d %H', l.at, @shift) AS hour, json_extract(l.body, '$.nip') AS nip
           ${ceremonyScans} AND l.seq > (${SINCE})) s
     LEFT JOIN employee e ON e.nip = s.nip LEFT JOIN opd o ON o.id = e.opd_id
     GROUP BY s.result, s.hour, e.opd_id`,
  ),
  head: db.prepare('SELECT coalesce(max(seq), 0) FROM log_entry').pluck(),
  since: db.prepare(SINCE).pluck(),
  /** The gate's few numbers over the entries after `after`, without the roster or the hours. */
  byResult: db.prepare(
    `SELECT json_extract(l.body, '$.result') AS result, count(*) AS n ${ceremonyScans}
       AND l.seq > @after AND l.seq <= @upTo
     GROUP BY result`,
  ),
  /** Per ceremony: the counts so far, the entries they cover (after `since`, up to `upTo`). */
  seen: new Map<number, { since: number; upTo: number; counts: ResultCounts }>(),
}))
interface Group {
  result: ScanResult
  hour: string
  opdId: number | null
  opdName: string | null
  n: number
}

export const noAttempts = (): ResultCounts =>
  Object.fromEntries(SCAN_RESULTS.map((r) => [r, 0])) as ResultCounts

/** Adds one group to the line it belongs to, making the line on first sight. */
function addTo<K, L extends { counts: ResultCounts }>(
  lines: Map<K, L>,
  key: K,
  make: () => L,
  g: Group,
): void {
  const line = lines.get(key) ?? make()
  line.counts[g.result] += g.n
  lines.set(key, line)
}

const byOpdName = (a: OpdAttempts, b: OpdAttempts) =>
  a.opdName === null
    ? 1
    : b.opdName === null
      ? -1
      : a.opdName.localeCompare(b.opdName, 'id', { sensitivity: 'base' })

/** Every scan attempt of one ceremony, by result, by local hour and by OPD. */
export function ceremonyAttempts(db: Db, ceremonyId: number, zone: TimeZoneId): CeremonyAttempts {
  const shift = `+${TIME_ZONES[zone].offsetHours} hours`
  const groups = statements(db).grouped.all({ ceremonyId, shift }) as Group[]
  const total = noAttempts()
  const hours = new Map<string, HourAttempts>()
  const opd = new Map<number | null, OpdAttempts>()
  for (const g of groups) {
    total[g.result] += g.n
    addTo(hours, g.hour, () => ({ hour: g.hour, counts: noAttempts() }), g)
    const opdId = g.opdId ?? null
    addTo(opd, opdId, () => ({ opdId, opdName: g.opdName ?? null, counts: noAttempts() }), g)
  }
  return {
    total,
    perHour: [...hours.values()].sort((a, b) => (a.hour < b.hour ? -1 : 1)),
    perOpd: [...opd.values()].sort(byOpdName),
  }
}

/**
 * The attempts the gate shows beside the arrivals: those that recorded nothing. The log only
 * grows (its triggers refuse UPDATE and DELETE), so each call reads only the entries since the
 * last one: the gate asks after every scan, and re-reading a 20,000-entry log costs ~14 ms.
 * Read in one snapshot, so the head and the counts agree.
 */
export function gateAttempts(db: Db, ceremonyId: number): GateAttempts {
  const q = statements(db)
  // Inside someone's transaction the entries may yet roll back: count them, remember nothing.
  const remember = !db.inTransaction
  const counts = db.transaction(() => {
    const since = q.since.get({ ceremonyId }) as number
    const cached = remember ? q.seen.get(ceremonyId) : undefined
    const known = cached?.since === since ? cached : { since, upTo: since, counts: noAttempts() }
    const upTo = q.head.get() as number
    const rows = q.byResult.all({ ceremonyId, after: known.upTo, upTo }) as Group[]
    const next = { since, upTo, counts: { ...known.counts } }
    for (const r of rows) next.counts[r.result] += r.n
    if (remember) q.seen.set(ceremonyId, next)
    return next.counts
  })()
  return {
    invalid: counts.invalid,
    duplicate: counts.duplicate,
    refused: counts['unknown-refused'],
  }
}
