import {
  emptyTally,
  type IkrarClass,
  type IkrarGate,
  type IkrarTally,
} from '../../shared/ikrar-attendance'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import type { Db } from '../db/connection'
import { NEW_ARRIVALS, tallied } from '../checkin/tally'

/** A reading's own times, as recorded (UTC ISO); endedAt null: its end was never recorded. */
export interface ReadingSpan {
  startedAt: string
  endedAt: string | null
}

/**
 * One arrival against the ceremony's readings, in the order they happened (see the rule in
 * src/shared/ikrar-attendance.ts). `at` null: the person has not arrived.
 */
export function classifyArrival(
  at: string | null,
  readings: readonly ReadingSpan[],
): IkrarClass | null {
  if (at === null) return null
  const last = readings.at(-1)
  if (!last) return 'BELUM_ADA'
  const t = Date.parse(at)
  const before = readings.findIndex((r) => t < Date.parse(r.startedAt))
  if (before === 0) return 'IKUT'
  if (before > 0) return 'ULANG'
  if (last.endedAt === null) return 'SETELAH_MULAI'
  return t < Date.parse(last.endedAt) ? 'SAAT' : 'SETELAH'
}

/** A ceremony's readings in the order they happened: by row, as listReadings orders them. */
export function readingSpans(db: Db, ceremonyId: number): ReadingSpan[] {
  return db
    .prepare(
      'SELECT started_at AS startedAt, ended_at AS endedAt FROM ikrar_reading WHERE ceremony_id = ? ORDER BY id',
    )
    .all(ceremonyId) as ReadingSpan[]
}

/**
 * When each arrival of a ceremony happened, for the ikrar: its wall time, but never earlier
 * than an arrival this kiosk recorded before it (by the kiosk's own `seq`). A laptop clock
 * that ran back (`clock_back`) would otherwise put a latecomer before the reading and credit
 * a pledge they did not make; the running maximum of the kiosk's times is a time the arrival
 * certainly did not precede. Cancelled rows keep their place in that order (they were scans
 * at that moment); callers keep only the live ones. A row with no sequence (the kiosk writes
 * one on every arrival since migration 0006, which numbered the older ones) has no known
 * order, so its own time stands.
 */
const TIMED = `
  SELECT nip, cancelled_at,
    CASE WHEN seq IS NULL THEN scanned_at ELSE max(scanned_at) OVER (
      PARTITION BY kiosk_id, seq IS NULL ORDER BY seq ROWS UNBOUNDED PRECEDING) END AS at
  FROM checkin WHERE ceremony_id = @ceremonyId`

/** Each live arrival's time for the ikrar (see TIMED), by NIP. */
export function arrivalTimes(db: Db, ceremonyId: number): Map<string, string> {
  const rows = db
    .prepare(`SELECT nip, at FROM (${TIMED}) WHERE cancelled_at IS NULL`)
    .all({ ceremonyId }) as { nip: string; at: string }[]
  return new Map(rows.map((r) => [r.nip, r.at]))
}

/** Classifies people of a ceremony by NIP: one read of its arrivals and readings for all. */
export function ikrarClassifier(db: Db, ceremonyId: number): (nip: string) => IkrarClass | null {
  const readings = readingSpans(db, ceremonyId)
  const times = arrivalTimes(db, ceremonyId)
  return (nip) => classifyArrival(times.get(nip) ?? null, readings)
}

/** How many of these classes fall in each; null (not arrived) is not counted. */
export function tallyIkrar(classes: Iterable<IkrarClass | null>): IkrarTally {
  const tally = emptyTally()
  for (const c of classes) if (c !== null) tally[c]++
  return tally
}

/** Per kiosk: its cuts for both instants, and the highest seq it has at this ceremony. */
const CUTS = `
  SELECT kiosk_id, max(seq) AS top,
    min(CASE WHEN scanned_at >= @b1 THEN seq END) AS c1,
    min(CASE WHEN scanned_at >= @b2 THEN seq END) AS c2
  FROM checkin WHERE ceremony_id = @ceremonyId AND seq IS NOT NULL GROUP BY kiosk_id`

/**
 * How many live expected arrivals came at or after each of two instants, by the same times as
 * TIMED, without reading every row out: an arrival's running maximum reaches `b` exactly when
 * its `seq` is at or past the first row of its kiosk whose own time reaches `b` (the cut).
 * One row per kiosk's cut, each carrying both counts (one row with no kiosk when there is no
 * cut), so the cuts kept for later arrivals come from the same single read.
 */
const COUNT_FROM = `
  WITH expected AS (${EXPECTED_EMPLOYEES}),
  k AS MATERIALIZED (${CUTS}),
  n AS (SELECT
    coalesce(sum(CASE WHEN c.seq IS NULL THEN c.scanned_at >= @b1 ELSE c.seq >= k.c1 END), 0) AS n1,
    coalesce(sum(CASE WHEN c.seq IS NULL THEN c.scanned_at >= @b2 ELSE c.seq >= k.c2 END), 0) AS n2
    FROM checkin c
    JOIN expected x ON x.nip = c.nip
    LEFT JOIN k ON k.kiosk_id = c.kiosk_id
    WHERE c.ceremony_id = @ceremonyId AND c.cancelled_at IS NULL)
  SELECT n.n1, n.n2, k.kiosk_id, k.top, k.c1, k.c2 FROM n LEFT JOIN k ON 1`

/** The arrivals added since a tally, in the order they were added, with what it needs of each. */
const NEW_ROWS = `
  SELECT c.kiosk_id AS kioskId, c.seq, c.scanned_at AS at, c.cancelled_at IS NULL AS live,
    EXISTS (WITH expected AS (${EXPECTED_EMPLOYEES}) SELECT 1 FROM expected WHERE nip = c.nip)
      AS expected
  FROM checkin c WHERE ${NEW_ARRIVALS} ORDER BY c.id`

type Cut = { top: number; c1: number | null; c2: number | null }
/** A row of COUNT_FROM: both counts, and one kiosk's cut (kiosk_id null: no kiosk has one). */
type CountRow = Cut & { n1: number; n2: number; kiosk_id: string | null }
interface AfterStart {
  gate: IkrarGate
  b1: string
  b2: string
  cuts: Map<string, Cut>
}

function countAfterStart(db: Db, ceremonyId: number): AfterStart | null {
  const readings = readingSpans(db, ceremonyId)
  const [first, ...later] = readings
  if (!first) return null
  const iso = (t: number) => new Date(t).toISOString()
  const b1 = iso(Date.parse(first.startedAt))
  const b2 = iso(Math.max(Date.parse(b1), ...later.map((r) => Date.parse(r.startedAt))))
  const p = { ceremonyId, b1, b2 }
  const rows = db.prepare(COUNT_FROM).all(p) as CountRow[]
  const { n1, n2 } = rows[0]!
  const cuts = new Map<string, Cut>()
  for (const { kiosk_id, top, c1, c2 } of rows)
    if (kiosk_id !== null) cuts.set(kiosk_id, { top, c1, c2 })
  return { gate: { readings: readings.length, afterStart: n1, repledged: n1 - n2 }, b1, b2, cuts }
}

type NewRow = { kioskId: string; seq: number | null; at: string; live: number; expected: number }

/**
 * Adds arrivals to the count. A row placed before one of its kiosk's counted rows (a seq not
 * past the kiosk's highest) could move a cut under rows already counted: then count whole.
 */
function addAfterStart(had: AfterStart, rows: NewRow[]): AfterStart | null {
  let { afterStart, repledged } = had.gate
  for (const row of rows) {
    let reached = [row.at >= had.b1, row.at >= had.b2]
    if (row.seq !== null) {
      const cut = had.cuts.get(row.kioskId) ?? { top: 0, c1: null, c2: null }
      if (row.seq <= cut.top) return null
      cut.top = row.seq
      if (cut.c1 === null && reached[0]) cut.c1 = row.seq
      if (cut.c2 === null && reached[1]) cut.c2 = row.seq
      had.cuts.set(row.kioskId, cut)
      reached = [cut.c1 !== null, cut.c2 !== null]
    }
    if (row.live && row.expected && reached[0]) {
      afterStart++
      if (!reached[1]) repledged++
    }
  }
  had.gate = { ...had.gate, afterStart, repledged }
  return had
}

const afterStartTally = tallied<AfterStart | null>({
  all: countAfterStart,
  // No reading yet: nothing to count until one starts, which changes the generation.
  add: (db, had, rows) => had && addAfterStart(had, db.prepare(NEW_ROWS).all(rows) as NewRow[]),
})

/**
 * The gate's line: of the people present (expected ones, as the gate's "hadir" counts them),
 * how many arrived after the first reading began, and of those how many before a later one
 * began. classifyArrival says the same per person: after the start is every class but IKUT,
 * and ULANG is from the first start up to the latest later start. Counted in SQLite, since the
 * gate re-reads it on every scan, and then only the new arrivals (checkin/tally.ts); nothing is
 * read while no reading exists.
 */
export function ikrarGate(db: Db, ceremonyId: number): IkrarGate {
  return afterStartTally(db, ceremonyId)?.gate ?? { readings: 0, afterStart: 0, repledged: 0 }
}
