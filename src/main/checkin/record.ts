import type {
  Person,
  RecordedOutcome,
  ScanOutcome,
  ScanSource,
  UnknownNipPolicy,
} from '../../shared/domain'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import { ACTIVE_KEY } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { extractNip } from '../../shared/payload'

export interface Scan {
  payload: string
  source: ScanSource
  kioskId: string
  now: Date
}

interface ActiveCeremony {
  id: number
  late_at: string
  unknown_policy: UnknownNipPolicy
}

/** Prepared once per database: a scan runs the same few statements hundreds of times. */
function statements(db: Db) {
  return {
    activeCeremony: db.prepare(
      `SELECT c.id, c.late_at, c.unknown_policy FROM ceremony c
       WHERE c.id = (SELECT CAST(value AS INTEGER) FROM setting WHERE key = '${ACTIVE_KEY}')`,
    ),
    person: db.prepare(
      `SELECT e.id, e.nip, e.name, e.active, o.name AS opdName FROM employee e JOIN opd o ON o.id = e.opd_id WHERE e.nip = ?`,
    ),
    expected: db
      .prepare(
        `WITH expected AS (${EXPECTED_EMPLOYEES}) SELECT 1 FROM expected WHERE id = @employeeId`,
      )
      .pluck(),
    insert: db.prepare(
      `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq, clock_back)
       VALUES (@ceremonyId, @nip, @employeeId, @at, @late, @source, @kioskId, @seq, @clockBack)
       ON CONFLICT (ceremony_id, nip) WHERE cancelled_at IS NULL DO NOTHING`,
    ),
    /** This kiosk's previous arrival, whichever ceremony: the clock runs across ceremonies. */
    lastOwn: db.prepare(
      'SELECT seq, scanned_at AS at FROM checkin WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    /** The live arrival of one NIP at one ceremony (the partial unique index allows one). */
    live: db.prepare(
      'SELECT id, scanned_at AS at, late FROM checkin WHERE ceremony_id = ? AND nip = ? AND cancelled_at IS NULL',
    ),
  }
}
const cache = new WeakMap<Db, ReturnType<typeof statements>>()
function prepared(db: Db) {
  let s = cache.get(db)
  if (!s) cache.set(db, (s = statements(db)))
  return s
}

/** This kiosk's latest arrival: its place in the kiosk's sequence and its wall time. */
export function lastArrival(db: Db, kioskId: string): { seq: number; at: string } | undefined {
  return prepared(db).lastOwn.get(kioskId) as { seq: number; at: string } | undefined
}

/**
 * Decides one scan and, when it is an arrival, commits it before returning: the screen
 * confirms only what is on disk. The partial unique index makes "already recorded" a
 * property of the database, not of a check that could race.
 */
export function recordScan(db: Db, scan: Scan): ScanOutcome {
  const q = prepared(db)
  const ceremony = q.activeCeremony.get() as ActiveCeremony | undefined
  if (!ceremony) return { kind: 'no-ceremony' }
  const extracted = extractNip(scan.payload)
  if (!extracted.ok) return { kind: 'invalid', reason: extracted.reason }
  const nip = extracted.nip
  const person = q.person.get(nip) as (Person & { id: number; active: number }) | undefined
  const at = scan.now.toISOString()
  if (!person && ceremony.unknown_policy === 'refuse') {
    return { kind: 'unknown', nip, recorded: false, checkinId: null, at }
  }
  const late = at > ceremony.late_at
  // The wall time is kept as the clock said; the sequence keeps the true order beside it.
  const previous = lastArrival(db, scan.kioskId)
  const result = q.insert.run({
    ceremonyId: ceremony.id,
    nip,
    employeeId: person?.id ?? null,
    at,
    late: late ? 1 : 0,
    source: scan.source,
    kioskId: scan.kioskId,
    seq: (previous?.seq ?? 0) + 1,
    clockBack: previous && at < previous.at ? 1 : 0,
  })
  const checkinId = Number(result.lastInsertRowid)
  if (result.changes === 0) {
    const { at: firstAt } = q.live.get(ceremony.id, nip) as { at: string }
    if (!person) return { kind: 'unknown', nip, recorded: true, checkinId: null, at: firstAt }
    return {
      kind: 'duplicate',
      person: { nip, name: person.name, opdName: person.opdName },
      firstAt,
    }
  }
  if (!person) return { kind: 'unknown', nip, recorded: true, checkinId, at }
  return recorded(db, ceremony.id, person, { id: checkinId, at, late })
}

/** A recorded arrival of someone on the roster, said "tidak terdaftar" when not expected. */
function recorded(
  db: Db,
  ceremonyId: number,
  person: Person & { id: number; active: number },
  checkin: { id: number; at: string; late: boolean },
): RecordedOutcome {
  const expected = prepared(db).expected.get({ ceremonyId, employeeId: person.id }) === 1
  return {
    kind: 'recorded',
    checkinId: checkin.id,
    person: { nip: person.nip, name: person.name, opdName: person.opdName },
    at: checkin.at,
    late: checkin.late,
    unregistered: expected ? null : person.active ? 'not-invited' : 'inactive',
  }
}

/** The live arrival of this NIP at the active ceremony, as the gate would show it; null: none. */
export function liveArrival(db: Db, nip: string): RecordedOutcome | null {
  const q = prepared(db)
  const ceremony = q.activeCeremony.get() as ActiveCeremony | undefined
  const person = q.person.get(nip) as (Person & { id: number; active: number }) | undefined
  if (!ceremony || !person) return null
  const live = q.live.get(ceremony.id, nip) as { id: number; at: string; late: number } | undefined
  return live ? recorded(db, ceremony.id, person, { ...live, late: live.late === 1 }) : null
}

/**
 * A wrong record is kept and marked cancelled with its reason, so the count drops but history
 * stays. `cancelledBy` names who cancelled as far as the kiosk knows one: officers share one PIN
 * and the contract carries no officer name, so the handler passes this kiosk's installation id.
 * Returns the ceremony whose counts changed.
 */
export function cancelCheckin(
  db: Db,
  checkinId: number,
  reason: string,
  now: Date,
  cancelledBy: string,
): number {
  const done = db
    .prepare(
      `UPDATE checkin SET cancelled_at = ?, cancel_reason = ?, cancelled_by = ?
       WHERE id = ? AND cancelled_at IS NULL
       RETURNING ceremony_id AS ceremonyId`,
    )
    .get(now.toISOString(), reason, cancelledBy, checkinId) as { ceremonyId: number } | undefined
  if (done === undefined) {
    throw new UserError(
      'NOT_FOUND',
      `Catatan kehadiran ${checkinId} tidak ada atau sudah dibatalkan.`,
    )
  }
  return done.ceremonyId
}
