import type { AbsenceReason } from '../../../shared/attendance'
import { appendEntry, sha256Hex, type NewEntry } from '../../log/append'
import type { LogKind } from '../../log/kinds'
import type { Db } from '../connection'
import type { Migration } from './types'

/** A fact found in the state tables, with where it sorts in the chain. */
interface Fact {
  /** Time it sorts by: its own, or later when it must follow a fact it depends on. */
  key: string
  /** Among facts of the same time: ceremonies, then arrivals, cancellations, reasons, readings. */
  rank: number
  /** The row's id in its table: the last tie-break, so the order is the same on every run. */
  row: number
  entry: NewEntry<LogKind>
}

const later = (a: string, b: string) => (a > b ? a : b)

/** The ceremony table as version 8 left it: a shipped step reads its own schema, not today's. */
interface CeremonyRow {
  id: number
  name: string
  date: string
  start_time: string
  late_time: string
  time_zone: string
  place: string
  all_opd: number
  unknown_policy: 'review' | 'refuse'
  election: string
  created_at: string
}

function ceremonyFacts(db: Db): Fact[] {
  const rows = db.prepare('SELECT * FROM ceremony ORDER BY id').all() as CeremonyRow[]
  const opdOf = db
    .prepare('SELECT opd_id FROM ceremony_opd WHERE ceremony_id = ? ORDER BY opd_id')
    .pluck()
  return rows.map((c) => ({
    key: c.created_at,
    rank: 0,
    row: c.id,
    entry: {
      kind: 'ceremony.created',
      at: c.created_at,
      kioskId: null,
      body: {
        ceremonyId: c.id,
        name: c.name,
        date: c.date,
        startTime: c.start_time,
        lateTime: c.late_time,
        timeZone: c.time_zone,
        place: c.place,
        opdIds: c.all_opd ? null : (opdOf.all(c.id) as number[]),
        unknownPolicy: c.unknown_policy,
        election: c.election,
        migrated: true,
      },
    },
  }))
}

interface CheckinRow {
  id: number
  ceremony_id: number
  nip: string
  employee_id: number | null
  scanned_at: string
  late: number
  source: 'kamera' | 'pemindai' | 'manual'
  kiosk_id: string
  seq: number
  clock_back: number
  cancelled_at: string | null
  cancel_reason: string | null
  cancelled_by: string | null
}

function checkinFacts(db: Db): Fact[] {
  const rows = db.prepare('SELECT * FROM checkin ORDER BY id').all() as CheckinRow[]
  return rows.flatMap((c): Fact[] => {
    const scan: Fact = {
      key: c.scanned_at,
      rank: 1,
      row: c.id,
      entry: {
        kind: 'scan',
        at: c.scanned_at,
        kioskId: c.kiosk_id,
        body: {
          result: c.employee_id === null ? 'unknown-recorded' : 'recorded',
          ceremonyId: c.ceremony_id,
          source: c.source,
          nip: c.nip,
          payloadSha256: null,
          payloadLength: null,
          checkinId: c.id,
          late: c.late === 1,
          kioskSeq: c.seq,
          clockBack: c.clock_back === 1,
          migrated: true,
        },
      },
    }
    if (c.cancelled_at === null) return [scan]
    // A clock set back between the scan and its cancellation must not put the cancel first.
    const cancel: Fact = {
      key: later(c.cancelled_at, c.scanned_at),
      rank: 2,
      row: c.id,
      entry: {
        kind: 'checkin.cancelled',
        at: c.cancelled_at,
        kioskId: null,
        body: {
          checkinId: c.id,
          ceremonyId: c.ceremony_id,
          nip: c.nip,
          reason: c.cancel_reason ?? '',
          by: c.cancelled_by ?? '',
          migrated: true,
        },
      },
    }
    return [scan, cancel]
  })
}

interface HistoryRow {
  id: number
  ceremony_id: number
  employee_id: number
  nip: string
  old_reason: AbsenceReason | null
  old_note: string | null
  new_reason: AbsenceReason | null
  new_note: string | null
  changed_by: string
  changed_at: string
}

/** Reasons in the order they were changed per person (history id), whatever the clock said. */
function absenceFacts(db: Db): Fact[] {
  const rows = db
    .prepare(
      `SELECT h.*, e.nip FROM absence_history h JOIN employee e ON e.id = h.employee_id ORDER BY h.id`,
    )
    .all() as HistoryRow[]
  const lastKey = new Map<string, string>()
  return rows.map((h) => {
    const person = `${h.ceremony_id}/${h.employee_id}`
    const key = later(h.changed_at, lastKey.get(person) ?? '')
    lastKey.set(person, key)
    return {
      key,
      rank: 3,
      row: h.id,
      entry: {
        kind: 'absence.set',
        at: h.changed_at,
        kioskId: null,
        body: {
          ceremonyId: h.ceremony_id,
          employeeId: h.employee_id,
          nip: h.nip,
          reason: h.new_reason,
          note: h.new_note ?? '',
          previousReason: h.old_reason,
          previousNote: h.old_note,
          by: h.changed_by,
          migrated: true,
        },
      },
    }
  })
}

function readingFacts(db: Db): Fact[] {
  const rows = db.prepare('SELECT * FROM ikrar_reading ORDER BY id').all() as {
    id: number
    ceremony_id: number
    started_at: string
    ended_at: string | null
    text: string
    kiosk_id: string
  }[]
  return rows.flatMap((r): Fact[] => {
    const ids = { ceremonyId: r.ceremony_id, readingId: r.id, migrated: true }
    const start: Fact = {
      key: r.started_at,
      rank: 4,
      row: r.id,
      entry: {
        kind: 'ikrar.started',
        at: r.started_at,
        kioskId: r.kiosk_id,
        body: { ...ids, textSha256: sha256Hex(r.text) },
      },
    }
    if (r.ended_at === null) return [start]
    const end: Fact = {
      key: r.ended_at,
      rank: 5,
      row: r.id,
      entry: { kind: 'ikrar.ended', at: r.ended_at, kioskId: r.kiosk_id, body: ids },
    }
    return [start, end]
  })
}

const byChainOrder = (a: Fact, b: Fact) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.rank - b.rank || a.row - b.row

export const log: Migration = {
  version: 9,
  name: 'log',
  sql: `
    -- Every fact, append-only, each entry hashed over the one before it (docs/log-format.md).
    -- No foreign keys: removing the demo's rows must not reach into the log.
    CREATE TABLE log_entry (
      seq INTEGER PRIMARY KEY,
      -- UUIDv7: unique across laptops without asking any of them (see src/main/log/append.ts).
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      kiosk_id TEXT,
      -- The canonical JSON of the entry's facts.
      body TEXT NOT NULL,
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    CREATE TRIGGER log_entry_no_update BEFORE UPDATE ON log_entry
    BEGIN SELECT RAISE(ABORT, 'Log kehadiran tidak boleh diubah: entri hanya bisa ditambahkan.'); END;
    CREATE TRIGGER log_entry_no_delete BEFORE DELETE ON log_entry
    BEGIN SELECT RAISE(ABORT, 'Log kehadiran tidak boleh dihapus: entri hanya bisa ditambahkan.'); END;
  `,
  /** What the database already holds becomes the first entries, oldest first. */
  run: (db) => {
    const facts = [
      ...ceremonyFacts(db),
      ...checkinFacts(db),
      ...absenceFacts(db),
      ...readingFacts(db),
    ].sort(byChainOrder)
    for (const fact of facts) appendEntry(db, fact.entry)
  },
}
