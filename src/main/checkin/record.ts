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
import { perDb } from '../db/per-db'
import { UserError } from '../errors'
import { extractNip } from '../../shared/payload'
import { peerLabel, reinstateAfterCancel } from '../hub/merge'
import { appendEntry, sha256Hex } from '../log/append'
import type { ScanBody } from '../log/kinds'

export interface Scan {
  payload: string
  source: ScanSource
  kioskId: string
  now: Date
  /** At a paired gate: the hub's clock minus this one's (ScanBody.hubOffsetMs). */
  hubOffsetMs?: number | null
}

interface ActiveCeremony {
  id: number
  late_at: string
  unknown_policy: UnknownNipPolicy
}

type Found = Person & { id: number; active: number }

/** Prepared once per database: a scan runs the same few statements hundreds of times. */
function statements(db: Db) {
  return {
    activeCeremony: db.prepare(
      `SELECT c.id, c.late_at, c.unknown_policy FROM ceremony c
       WHERE c.id = (SELECT CAST(value AS INTEGER) FROM setting WHERE key = '${ACTIVE_KEY}')`,
    ),
    /**
     * The active ceremony and this kiosk's previous arrival (whichever ceremony: the clock runs
     * across ceremonies), in one statement: each statement a scan runs costs it time.
     */
    gate: db.prepare(
      `SELECT c.id, c.late_at, c.unknown_policy, l.seq AS lastSeq, l.scanned_at AS lastAt
       FROM ceremony c
       LEFT JOIN (SELECT seq, scanned_at FROM checkin WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1) l
       WHERE c.id = (SELECT CAST(value AS INTEGER) FROM setting WHERE key = '${ACTIVE_KEY}')`,
    ),
    /** The person behind a NIP and whether the ceremony expects them, in one statement. */
    scanned: db.prepare(
      `SELECT e.id, e.nip, e.name, e.active, o.name AS opdName,
         EXISTS (WITH expected AS (${EXPECTED_EMPLOYEES}) SELECT 1 FROM expected WHERE id = e.id)
           AS expected
       FROM employee e JOIN opd o ON o.id = e.opd_id WHERE e.nip = @nip`,
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
      'SELECT id, scanned_at AS at, late, kiosk_id AS kioskId FROM checkin WHERE ceremony_id = ? AND nip = ? AND cancelled_at IS NULL',
    ),
    cancel: db.prepare(
      `UPDATE checkin SET cancelled_at = ?, cancel_reason = ?, cancelled_by = ?
       WHERE id = ? AND cancelled_at IS NULL
       RETURNING ceremony_id AS ceremonyId, nip`,
    ),
    /** One transaction per scan: the decision, the arrival and its log entry commit together. */
    decide: db.transaction((scan: Scan) => decide(db, scan)),
  }
}
const prepared = perDb(statements)

/** Thrown to roll the warm-up scan back. */
const WARM_UP = Symbol('warm-up')
/** A well-formed NIP: the warm-up walks the path of an arrival (lookup, insert, log entry). */
const WARM_UP_PAYLOAD = 'NIP. 19740502 199311 1 001'

/**
 * Runs one scan through the whole decision and rolls it back, so the first real scan of a
 * session does not pay for compiling statements, regular expressions and cold code while the
 * person waits at the gate. Nothing is written: the transaction never commits. A database that
 * cannot be written now just stays cold; the real scan will say why.
 */
export function warmScan(db: Db, kioskId: string): void {
  const scan: Scan = { payload: WARM_UP_PAYLOAD, source: 'kamera', kioskId, now: new Date() }
  try {
    db.transaction(() => {
      decide(db, scan)
      throw WARM_UP
    })()
  } catch (error) {
    if (error !== WARM_UP) console.warn('[scan warm-up]', (error as Error).message)
  }
}

/** This kiosk's latest arrival: its place in the kiosk's sequence and its wall time. */
export function lastArrival(db: Db, kioskId: string): { seq: number; at: string } | undefined {
  return prepared(db).lastOwn.get(kioskId) as { seq: number; at: string } | undefined
}

/** How many hex digits of an invalid payload's SHA-256 the log keeps: enough to match two. */
const PAYLOAD_DIGEST_CHARS = 16

/** The log entry of one attempt; every field the outcome does not fill is null. */
function attemptBody(scan: Scan, fields: Partial<ScanBody> & Pick<ScanBody, 'result'>): ScanBody {
  return {
    ceremonyId: null,
    source: scan.source,
    nip: null,
    payloadSha256: null,
    payloadLength: null,
    checkinId: null,
    late: null,
    kioskSeq: null,
    clockBack: null,
    hubOffsetMs: scan.hubOffsetMs ?? null,
    migrated: false,
    ...fields,
  }
}

function logAttempt(db: Db, scan: Scan, fields: Partial<ScanBody> & Pick<ScanBody, 'result'>) {
  appendEntry(db, {
    kind: 'scan',
    at: scan.now.toISOString(),
    kioskId: scan.kioskId,
    body: attemptBody(scan, fields),
  })
}

/** A payload that is not a card: a digest and its length, never megabytes of whatever it was. */
const payloadDigest = (payload: string) => ({
  payloadSha256: sha256Hex(payload).slice(0, PAYLOAD_DIGEST_CHARS),
  payloadLength: payload.length,
})

export interface ScanDecision {
  outcome: ScanOutcome
  /** The active ceremony the scan was decided against; null when there was none. */
  ceremonyId: number | null
}

function decide(db: Db, scan: Scan): ScanDecision {
  const q = prepared(db)
  const ceremony = q.gate.get(scan.kioskId) as
    (ActiveCeremony & { lastSeq: number | null; lastAt: string | null }) | undefined
  const extracted = extractNip(scan.payload)
  if (!ceremony) {
    const nip = extracted.ok ? { nip: extracted.nip } : payloadDigest(scan.payload)
    logAttempt(db, scan, { result: 'no-ceremony', ...nip })
    return { outcome: { kind: 'no-ceremony' }, ceremonyId: null }
  }
  const ceremonyId = ceremony.id
  if (!extracted.ok) {
    logAttempt(db, scan, { result: 'invalid', ceremonyId, ...payloadDigest(scan.payload) })
    return { outcome: { kind: 'invalid', reason: extracted.reason }, ceremonyId }
  }
  const nip = extracted.nip
  const person = q.scanned.get({ nip, ceremonyId }) as (Found & { expected: number }) | undefined
  const at = scan.now.toISOString()
  if (!person && ceremony.unknown_policy === 'refuse') {
    logAttempt(db, scan, { result: 'unknown-refused', ceremonyId, nip })
    return { outcome: { kind: 'unknown', nip, recorded: false, checkinId: null, at }, ceremonyId }
  }
  const late = at > ceremony.late_at
  // The wall time is kept as the clock said; the sequence keeps the true order beside it.
  const previous = ceremony.lastAt === null ? null : ceremony
  const row = {
    ceremonyId,
    nip,
    employeeId: person?.id ?? null,
    at,
    late: late ? 1 : 0,
    source: scan.source,
    kioskId: scan.kioskId,
    seq: (previous?.lastSeq ?? 0) + 1,
    clockBack: previous && at < previous.lastAt! ? 1 : 0,
  }
  const result = q.insert.run(row)
  if (result.changes === 0) {
    const first = q.live.get(ceremonyId, nip) as { id: number; at: string; kioskId: string }
    logAttempt(db, scan, {
      result: 'duplicate',
      ceremonyId,
      nip,
      checkinId: first.id,
    })
    if (!person) {
      return {
        outcome: { kind: 'unknown', nip, recorded: true, checkinId: null, at: first.at },
        ceremonyId,
      }
    }
    const shown = { nip, name: person.name, opdName: person.opdName }
    // At a hub the arrival that counts may be a gate's or an office's: say where.
    const where = first.kioskId === scan.kioskId ? null : peerLabel(db, first.kioskId)
    return { outcome: { kind: 'duplicate', person: shown, firstAt: first.at, where }, ceremonyId }
  }
  const checkinId = Number(result.lastInsertRowid)
  logAttempt(db, scan, {
    result: person ? 'recorded' : 'unknown-recorded',
    ceremonyId,
    nip,
    checkinId,
    late,
    kioskSeq: row.seq,
    clockBack: row.clockBack === 1,
  })
  if (!person)
    return { outcome: { kind: 'unknown', nip, recorded: true, checkinId, at }, ceremonyId }
  const outcome = recorded(person, { id: checkinId, at, late }, person.expected === 1)
  return { outcome, ceremonyId }
}

/**
 * Decides one scan and commits it, with its log entry, before returning: the screen confirms
 * only what is on disk. Every attempt is logged, the ones that record nothing too. The partial
 * unique index makes "already recorded" a property of the database, not of a check that could
 * race.
 */
export function decideScan(db: Db, scan: Scan): ScanDecision {
  return prepared(db).decide.immediate(scan)
}

export function recordScan(db: Db, scan: Scan): ScanOutcome {
  return decideScan(db, scan).outcome
}

/**
 * An attempt refused before it could be read (a stale manual pick): logged as invalid, with
 * the active ceremony, like any other code that is not a card.
 */
export function refuseScan(db: Db, scan: Scan, reason: string): ScanDecision {
  const ceremonyId = db
    .transaction(() => {
      const ceremony = prepared(db).activeCeremony.get() as ActiveCeremony | undefined
      const id = ceremony?.id ?? null
      logAttempt(db, scan, { result: 'invalid', ceremonyId: id, ...payloadDigest(scan.payload) })
      return id
    })
    .immediate()
  return { outcome: { kind: 'invalid', reason }, ceremonyId }
}

/** A recorded arrival of someone on the roster, said "tidak terdaftar" when not expected. */
function recorded(
  person: Found,
  checkin: { id: number; at: string; late: boolean },
  expected: boolean,
): RecordedOutcome {
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
  const person = q.person.get(nip) as Found | undefined
  if (!ceremony || !person) return null
  const live = q.live.get(ceremony.id, nip) as { id: number; at: string; late: number } | undefined
  if (!live) return null
  const expected = q.expected.get({ ceremonyId: ceremony.id, employeeId: person.id }) === 1
  return recorded(person, { ...live, late: live.late === 1 }, expected)
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
  return db
    .transaction(() => {
      const at = now.toISOString()
      const done = prepared(db).cancel.get(at, reason, cancelledBy, checkinId) as
        { ceremonyId: number; nip: string } | undefined
      if (done === undefined) {
        throw new UserError(
          'NOT_FOUND',
          `Catatan kehadiran ${checkinId} tidak ada atau sudah dibatalkan.`,
        )
      }
      appendEntry(db, {
        kind: 'checkin.cancelled',
        at,
        kioskId: cancelledBy,
        body: {
          checkinId,
          ceremonyId: done.ceremonyId,
          nip: done.nip,
          reason,
          by: cancelledBy,
          migrated: false,
        },
      })
      // At a hub the person may have been scanned at another kiosk too: that arrival, set
      // aside by the merge, counts now (nothing to do at a kiosk that merges no chains).
      reinstateAfterCancel(db, done, { at: now, kioskId: cancelledBy })
      return done.ceremonyId
    })
    .immediate()
}
