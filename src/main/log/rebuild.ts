import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'
import { MERGE_CANCELLED_BY } from '../hub/merge'
import type { LogBodies, LogKind } from './kinds'

/** A check-in row as the log implies it (employee_id is the roster's, not a fact: left out). */
interface CheckinState {
  ceremony_id: number
  nip: string
  scanned_at: string
  late: number
  source: string
  kiosk_id: string | null
  seq: number | null
  clock_back: number
  cancelled_at: string | null
  cancel_reason: string | null
  cancelled_by: string | null
}

interface AbsenceState {
  reason: string
  note: string
  set_by: string
  set_at: string
}

interface State {
  checkins: Map<number, CheckinState>
  /** Keyed "ceremonyId/employeeId". */
  absences: Map<string, AbsenceState>
}

type Replay = {
  [K in LogKind]?: (state: State, at: string, kioskId: string | null, body: LogBodies[K]) => void
}

const absenceKey = (ceremonyId: number, employeeId: number) => `${ceremonyId}/${employeeId}`

/** How each kind of entry changes the state tables; kinds not named change neither table. */
const REPLAY: Replay = {
  scan: (state, at, kioskId, b) => {
    if ((b.result !== 'recorded' && b.result !== 'unknown-recorded') || b.checkinId === null) return
    state.checkins.set(b.checkinId, {
      ceremony_id: b.ceremonyId!,
      nip: b.nip!,
      scanned_at: at,
      late: b.late ? 1 : 0,
      source: b.source,
      kiosk_id: kioskId,
      seq: b.kioskSeq,
      clock_back: b.clockBack ? 1 : 0,
      cancelled_at: null,
      cancel_reason: null,
      cancelled_by: null,
    })
  },
  'checkin.cancelled': (state, at, _kiosk, b) => {
    const row = state.checkins.get(b.checkinId)
    if (!row) return
    Object.assign(row, { cancelled_at: at, cancel_reason: b.reason, cancelled_by: b.by })
  },
  'absence.set': (state, at, _kiosk, b) => {
    const key = absenceKey(b.ceremonyId, b.employeeId)
    if (b.reason === null) state.absences.delete(key)
    else state.absences.set(key, { reason: b.reason, note: b.note, set_by: b.by, set_at: at })
  },
  'demo.removed': (state, _at, _kiosk, b) => {
    for (const id of b.checkinIds) state.checkins.delete(id)
    for (const a of b.absences) state.absences.delete(absenceKey(a.ceremonyId, a.employeeId))
  },
}

/** Replays the whole log, oldest first, into fresh state. */
export function replayLog(db: Db): State {
  const state: State = { checkins: new Map(), absences: new Map() }
  const rows = db
    .prepare('SELECT kind, at, kiosk_id, body FROM log_entry ORDER BY seq')
    .iterate() as IterableIterator<{
    kind: LogKind
    at: string
    kiosk_id: string | null
    body: string
  }>
  for (const row of rows) {
    const apply = REPLAY[row.kind] as
      ((s: State, at: string, k: string | null, b: unknown) => void) | undefined
    apply?.(state, row.at, row.kiosk_id, JSON.parse(row.body))
  }
  return state
}

const MAX_DIFFERENCES = 50

function differ(a: object, b: object): string[] {
  const fields = Object.keys(a) as (keyof typeof a)[]
  return fields
    .filter((f) => a[f] !== b[f])
    .map((f) => `${String(f)}: tabel ${JSON.stringify(b[f])}, log ${JSON.stringify(a[f])}`)
}

const UNLESS_MERGED = (column: string) =>
  `CASE cancelled_by WHEN '${MERGE_CANCELLED_BY}' THEN NULL ELSE ${column} END AS ${column}`

/** Leaves out peers' arrivals; a database from before version 12 has no peers. */
const ownRows = (db: Db) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'peer'").get()
    ? 'WHERE kiosk_id NOT IN (SELECT kiosk_id FROM peer)'
    : ''

function compareCheckins(db: Db, expected: Map<number, CheckinState>, out: string[]): number {
  // Arrivals derived from other kiosks' chains (hub/merge.ts) are not this log's facts, nor is
  // the merge setting one of this kiosk's own aside: those are checked against peer_entry.
  const rows = db
    .prepare(
      `SELECT id, ceremony_id, nip, scanned_at, late, source, kiosk_id, seq, clock_back,
       ${UNLESS_MERGED('cancelled_at')}, ${UNLESS_MERGED('cancel_reason')}, ${UNLESS_MERGED('cancelled_by')}
       FROM checkin ${ownRows(db)} ORDER BY id`,
    )
    .all() as (CheckinState & { id: number })[]
  const seen = new Set<number>()
  for (const { id, ...row } of rows) {
    seen.add(id)
    const logged = expected.get(id)
    if (!logged) out.push(`Kehadiran ${id} (NIP ${row.nip}) ada di tabel tetapi tidak di log.`)
    else
      for (const d of differ(logged, row))
        out.push(`Kehadiran ${id} (NIP ${row.nip}) berbeda, ${d}.`)
  }
  for (const [id, row] of expected)
    if (!seen.has(id))
      out.push(`Kehadiran ${id} (NIP ${row.nip}) ada di log tetapi tidak di tabel.`)
  return rows.length
}

function compareAbsences(db: Db, expected: Map<string, AbsenceState>, out: string[]): number {
  const rows = db
    .prepare('SELECT ceremony_id, employee_id, reason, note, set_by, set_at FROM absence')
    .all() as (AbsenceState & { ceremony_id: number; employee_id: number })[]
  const seen = new Set<string>()
  for (const { ceremony_id, employee_id, ...row } of rows) {
    const key = absenceKey(ceremony_id, employee_id)
    seen.add(key)
    const logged = expected.get(key)
    const who = `Keterangan pegawai ${employee_id} di acara ${ceremony_id}`
    if (!logged) out.push(`${who} ada di tabel tetapi tidak di log.`)
    else for (const d of differ(logged, row)) out.push(`${who} berbeda, ${d}.`)
  }
  for (const key of expected.keys())
    if (!seen.has(key))
      out.push(`Keterangan ${key} (acara/pegawai) ada di log tetapi tidak di tabel.`)
  return rows.length
}

export interface RebuildCheck {
  matches: boolean
  checkins: number
  absences: number
  /** In Indonesian, at most MAX_DIFFERENCES of them. */
  differences: string[]
}

/**
 * Rebuilds the arrivals and absence reasons from the log alone and compares them with the
 * tables: the tables are derived state, and this is the proof that nothing changed them
 * outside the log. Reads in one transaction.
 */
export function rebuildMatches(db: Db): RebuildCheck {
  return db.transaction((): RebuildCheck => {
    const state = replayLog(db)
    const differences: string[] = []
    const checkins = compareCheckins(db, state.checkins, differences)
    const absences = compareAbsences(db, state.absences, differences)
    if (differences.length > MAX_DIFFERENCES) {
      const more = differences.length - MAX_DIFFERENCES
      differences.splice(MAX_DIFFERENCES, more, `… dan ${formatCount(more)} perbedaan lain.`)
    }
    return { matches: differences.length === 0, checkins, absences, differences }
  })()
}
