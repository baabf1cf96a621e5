// The hub's merge: other kiosks' chains become arrivals here, and "the earliest scan counts"
// decides who is live, the same way whatever order the chains arrive in (docs/antar-kiosk.md).
// A run of entries is verified whole, then stored and derived in bulk: a few statements per
// run and one insert per entry and per arrival, not ten statements per entry.
import type { MergeDuplicate } from '../../shared/contract/exchange'
import { formatTime, type TimeZoneId } from '../../shared/time'
import type { Db } from '../db/connection'
import { insertMany } from '../db/insert-many'
import { perDb } from '../db/per-db'
import { appendEntry } from '../log/append'
import type { CeremonyCreatedBody, CheckinCancelledBody, ScanBody } from '../log/kinds'
import { ownKioskLabel } from './kiosk-label'
import {
  checkPeer,
  checkRun,
  freshEntries,
  notePeer,
  PeerChainRefused,
  storePeerEntries,
  type PeerEntry,
  type PeerIdentity,
  type VerifiedEntry,
} from './peer-chain'

export type { MergeDuplicate }

/** cancelled_by of an arrival the merge set aside because another kiosk had the person earlier. */
export const MERGE_CANCELLED_BY = 'penggabungan'

export interface ApplyResult {
  /** Entries stored now; the rest of what was sent was already here. */
  newEntries: number
  knownEntries: number
  /** New arrivals from this chain that count (earliest of their person). */
  arrivals: number
  /** Scans in this chain that did not count: the person was recorded before, here or there. */
  repeats: number
  cancellations: number
  /** Scans of a ceremony this kiosk does not know: kept in the peer's chain, not counted. */
  unknownCeremony: number
  /** Every person this chain touched who is recorded at more than one kiosk. */
  duplicates: MergeDuplicate[]
  /** This kiosk's ceremonies whose arrivals changed. */
  ceremonyIds: number[]
}

interface HubCeremony {
  id: number
  lateAt: string
  timeZone: TimeZoneId
}

/** A peer's arrival not derived yet, as its row will be written (its state set by settling). */
interface NewRow {
  ceremonyId: number
  nip: string
  employeeId: number | null
  at: string
  late: number
  source: string
  kioskId: string
  seq: number
  clockBack: number
  cancelledAt: string | null
  cancelReason: string | null
  cancelledBy: string | null
}

/** One arrival of a person that takes part in settling: a stored row, or a new one (`row`). */
interface Candidate {
  id: number | null
  scannedAt: string
  kioskId: string
  seq: number
  cancelledBy: string | null
  cancelReason: string | null
  row?: NewRow
}

interface Person {
  ceremonyId: number
  nip: string
}

/** What derive reads of an entry: a fresh one, or one stored before its ceremony was known. */
type DerivableEntry = Pick<PeerEntry, 'seq' | 'kind' | 'at' | 'body'>

/** A JSON array for `IN (SELECT value FROM json_each(?))`: one statement for a whole run. */
const jsonList = (values: Iterable<string | number>) => JSON.stringify([...values])

/** A derived arrival's columns, in the order settlePeople gives their values. */
export const ARRIVAL_COLUMNS = [
  'ceremony_id',
  'nip',
  'employee_id',
  'scanned_at',
  'late',
  'source',
  'kiosk_id',
  'seq',
  'clock_back',
  'cancelled_at',
  'cancel_reason',
  'cancelled_by',
] as const

function statements(db: Db) {
  return {
    ceremonyOf: db.prepare(
      `SELECT c.id, c.late_at AS lateAt, c.time_zone AS timeZone FROM peer_entry p
       JOIN ceremony c ON c.global_id = json_extract(p.body, '$.globalId')
       WHERE p.kiosk_id = ? AND p.kind = 'ceremony.created' AND json_extract(p.body, '$.ceremonyId') = ?`,
    ),
    known: db.prepare('SELECT 1 FROM ceremony WHERE global_id = ?').pluck(),
    globalIdOf: db.prepare('SELECT global_id FROM ceremony WHERE id = ?').pluck(),
    employees: db.prepare(
      'SELECT nip, id FROM employee WHERE nip IN (SELECT value FROM json_each(?))',
    ),
    /** Which of a peer's arrival numbers already have their row (an overlapping push). */
    derived: db
      .prepare(
        'SELECT seq FROM checkin WHERE kiosk_id = ? AND seq IN (SELECT value FROM json_each(?))',
      )
      .pluck(),
    insert: insertMany(db, 'checkin', ARRIVAL_COLUMNS),
    /** The peer's own arrival number of one of its check-in rows, from its scan entry. */
    kioskSeqOf: db
      .prepare(
        `SELECT json_extract(body, '$.kioskSeq') FROM peer_entry
         WHERE kiosk_id = ? AND kind = 'scan' AND json_extract(body, '$.checkinId') = ?
           AND json_extract(body, '$.result') IN ('recorded', 'unknown-recorded')`,
      )
      .pluck(),
    peerCancel: db.prepare(
      `UPDATE checkin SET cancelled_at = @at, cancel_reason = @reason, cancelled_by = @by
       WHERE kiosk_id = @kioskId AND seq = @seq
       RETURNING ceremony_id AS ceremonyId, nip`,
    ),
    /**
     * Every arrival that takes part in settling, for many people of one ceremony at once: the
     * live ones (index checkin_once) and those the merge set aside (checkin_set_aside).
     */
    candidates: db.prepare(
      `SELECT id, nip, scanned_at AS scannedAt, kiosk_id AS kioskId, seq,
         cancelled_by AS cancelledBy, cancel_reason AS cancelReason
       FROM checkin WHERE ceremony_id = @ceremonyId AND nip IN (SELECT value FROM json_each(@nips))
         AND cancelled_at IS NULL
       UNION ALL
       SELECT id, nip, scanned_at, kiosk_id, seq, cancelled_by, cancel_reason
       FROM checkin WHERE ceremony_id = @ceremonyId AND nip IN (SELECT value FROM json_each(@nips))
         AND cancelled_by = '${MERGE_CANCELLED_BY}'`,
    ),
    setAside: db.prepare(
      `UPDATE checkin SET cancelled_at = ?, cancel_reason = ?, cancelled_by = '${MERGE_CANCELLED_BY}'
       WHERE id = ?`,
    ),
    restore: db.prepare(
      'UPDATE checkin SET cancelled_at = NULL, cancel_reason = NULL, cancelled_by = NULL WHERE id = ?',
    ),
    timeZone: db.prepare('SELECT time_zone FROM ceremony WHERE id = ?').pluck(),
    label: db.prepare('SELECT label FROM peer WHERE kiosk_id = ?').pluck(),
    /** A peer's stored scans and cancellations of one of its ceremonies (by its own id). */
    waiting: db.prepare(
      `SELECT seq, kind, at, body FROM peer_entry
       WHERE kiosk_id = ? AND seq > ? AND kind IN ('scan', 'checkin.cancelled')
         AND json_extract(body, '$.ceremonyId') = ?
       ORDER BY seq`,
    ),
    /** Every peer's creation of the ceremony under one global id (index from migration 16). */
    createdAs: db.prepare(
      `SELECT kiosk_id AS kioskId, seq, json_extract(body, '$.ceremonyId') AS localId
       FROM peer_entry WHERE kind = 'ceremony.created' AND json_extract(body, '$.globalId') = ?`,
    ),
  }
}
const prepared = perDb(statements)

/** Earliest scan first; among scans of the same millisecond, by kiosk and its own order. */
function earlier(a: Candidate, b: Candidate): boolean {
  if (a.scannedAt !== b.scannedAt) return a.scannedAt < b.scannedAt
  if (a.kioskId !== b.kioskId) return a.kioskId < b.kioskId
  return a.seq < b.seq
}

/** A peer's label ('Gerbang 2', an office's name); null: not a peer of this kiosk. */
export function peerLabel(db: Db, kioskId: string): string | null {
  return (prepared(db).label.get(kioskId) as string | undefined) ?? null
}

/** The label of a kiosk as the officer reads it: a peer's, or this kiosk's own (by its role). */
export function kioskLabel(db: Db, kioskId: string): string {
  return peerLabel(db, kioskId) ?? ownKioskLabel(db)
}

/** An instant as toISOString writes it: its first 16 characters name its minute in every zone. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/**
 * Labels, time zones, the words of a reason and roster ids, each looked up once per batch of
 * runs instead of once per person or per run (a person scanned at ten offices is looked up once).
 */
function lookups(db: Db) {
  const labels = new Map<string, string>()
  const zones = new Map<number, TimeZoneId>()
  const reasons = new Map<string, string>()
  const employees = new Map<string, number | null>()
  return {
    /** Fills in each row's roster id (null: a NIP not on the roster), one statement for the new NIPs. */
    employeeIds(rows: readonly NewRow[]): void {
      const unseen = new Set<string>()
      for (const r of rows) if (!employees.has(r.nip)) unseen.add(r.nip)
      if (unseen.size > 0) {
        for (const nip of unseen) employees.set(nip, null)
        const found = prepared(db).employees.all(jsonList(unseen)) as { nip: string; id: number }[]
        for (const e of found) employees.set(e.nip, e.id)
      }
      for (const r of rows) r.employeeId = employees.get(r.nip) ?? null
    },
    /** "Sudah tercatat lebih awal di Gerbang 2 pukul 07.31 WIB": one per kiosk and minute. */
    reason(keptAt: string, scannedAt: string, zone: TimeZoneId): string {
      const minute = ISO_INSTANT.test(scannedAt) ? scannedAt.slice(0, 16) : scannedAt
      const key = `${keptAt}\u0000${zone}\u0000${minute}`
      let reason = reasons.get(key)
      if (reason === undefined) {
        reason = `Sudah tercatat lebih awal di ${keptAt} pukul ${formatTime(scannedAt, zone)}`
        reasons.set(key, reason)
      }
      return reason
    },
    label(kioskId: string): string {
      let label = labels.get(kioskId)
      if (label === undefined) labels.set(kioskId, (label = kioskLabel(db, kioskId)))
      return label
    },
    zone(ceremonyId: number): TimeZoneId {
      let zone = zones.get(ceremonyId)
      if (zone === undefined)
        zones.set(ceremonyId, (zone = prepared(db).timeZone.get(ceremonyId) as TimeZoneId))
      return zone
    },
  }
}
type Lookups = ReturnType<typeof lookups>

const personKey = (p: Person) => `${p.ceremonyId}/${p.nip}`

/** The stored candidates of many people, one statement per ceremony. */
function storedCandidates(db: Db, people: readonly Person[]): Map<string, Candidate[]> {
  const q = prepared(db)
  const nipsOf = new Map<number, string[]>()
  for (const p of people) {
    const nips = nipsOf.get(p.ceremonyId)
    if (nips) nips.push(p.nip)
    else nipsOf.set(p.ceremonyId, [p.nip])
  }
  const out = new Map<string, Candidate[]>()
  for (const [ceremonyId, nips] of nipsOf) {
    const rows = q.candidates.all({ ceremonyId, nips: jsonList(nips) }) as (Candidate & {
      nip: string
    })[]
    // The row keeps its nip beside the candidate's fields: copying it without costs more.
    for (const r of rows) {
      const key = personKey({ ceremonyId, nip: r.nip })
      const list = out.get(key)
      if (list) list.push(r)
      else out.set(key, [r])
    }
  }
  return out
}

/**
 * Makes the earliest uncancelled arrival of each person the live one and sets the others aside
 * (cancelled by the merge, with where and when the counted one was); new rows are written here
 * with the state they settle to. A min, recomputed from all of a person's rows each time: the
 * result does not depend on the order rows arrived in. Arrivals cancelled by an officer (here
 * or at their own kiosk) take no part. Writes in an order the one-live-row index allows: rows
 * set aside first, then new rows, then stored rows that count again.
 */
function settlePeople(
  db: Db,
  people: readonly Person[],
  newRows: readonly NewRow[],
  look: Lookups,
): { duplicates: MergeDuplicate[]; restored: Candidate[] } {
  const q = prepared(db)
  const candidates = storedCandidates(db, people)
  for (const row of newRows) {
    if (row.cancelledBy !== null) continue
    const c: Candidate = {
      id: null,
      scannedAt: row.at,
      kioskId: row.kioskId,
      seq: row.seq,
      cancelledBy: null,
      cancelReason: null,
      row,
    }
    const key = personKey(row)
    const list = candidates.get(key)
    if (list) list.push(c)
    else candidates.set(key, [c])
  }
  const setAside: [string, string, number][] = []
  const restored: Candidate[] = []
  const duplicates: MergeDuplicate[] = []
  for (const person of people) {
    const rows = candidates.get(personKey(person))
    if (!rows || rows.length === 0) continue
    const winner = rows.reduce((best, r) => (earlier(r, best) ? r : best))
    if (!winner.row && winner.cancelledBy !== null) restored.push(winner)
    if (rows.length === 1) continue
    const keptAt = look.label(winner.kioskId)
    const reason = look.reason(keptAt, winner.scannedAt, look.zone(person.ceremonyId))
    const losers = rows.filter((r) => r !== winner).sort((a, b) => (earlier(a, b) ? -1 : 1))
    for (const r of losers) {
      if (r.row) {
        r.row.cancelledAt = r.scannedAt
        r.row.cancelReason = reason
        r.row.cancelledBy = MERGE_CANCELLED_BY
      } else if (r.cancelledBy !== MERGE_CANCELLED_BY || r.cancelReason !== reason) {
        setAside.push([r.scannedAt, reason, r.id!])
      }
    }
    duplicates.push({
      ...person,
      kept: { kiosk: keptAt, at: winner.scannedAt },
      repeats: losers.map((r) => ({ kiosk: look.label(r.kioskId), at: r.scannedAt })),
    })
  }
  for (const args of setAside) q.setAside.run(...args)
  // Positional: binding twelve named values costs more than the insert itself.
  q.insert(newRows, (r) => [
    r.ceremonyId,
    r.nip,
    r.employeeId,
    r.at,
    r.late,
    r.source,
    r.kioskId,
    r.seq,
    r.clockBack,
    r.cancelledAt,
    r.cancelReason,
    r.cancelledBy,
  ])
  for (const r of restored) q.restore.run(r.id)
  return { duplicates, restored }
}

/**
 * After an officer here cancelled a live arrival (wrong person): the person's earliest arrival
 * that the merge had set aside, at any kiosk, counts again, logged in the caller's transaction
 * beside the cancellation. Nothing happens for a person recorded at one kiosk only.
 */
export function reinstateAfterCancel(
  db: Db,
  person: Person,
  what: { at: Date; kioskId: string },
): void {
  const look = lookups(db)
  for (const r of settlePeople(db, [person], [], look).restored) {
    appendEntry(db, {
      kind: 'checkin.reinstated',
      at: what.at.toISOString(),
      kioskId: what.kioskId,
      body: {
        ceremonyId: person.ceremonyId,
        nip: person.nip,
        checkinId: r.id!,
        arrivalKioskId: r.kioskId,
        kioskSeq: r.seq,
        scannedAt: r.scannedAt,
        previousReason: r.cancelReason ?? '',
      },
    })
  }
}

/** A scan body as a gate may send it: with its clock's offset from the hub's (lane net). */
type PeerScanBody = ScanBody & { hubOffsetMs?: number | null }

const ARRIVAL_RESULTS = new Set(['recorded', 'unknown-recorded'])

interface PeerCancel {
  seq: number
  at: string
  reason: string
  by: string
}

/**
 * Reads a peer's entries (in seq order) into the arrival rows they imply and the cancellations
 * of rows derived before; arrivals already derived (an overlapping push) are left out.
 */
function readArrivals(
  db: Db,
  kioskId: string,
  entries: readonly DerivableEntry[],
  result: ApplyResult,
  look: Lookups,
) {
  const q = prepared(db)
  const ceremonies = new Map<number, HubCeremony | null>()
  const hubCeremony = (localId: number) => {
    if (!ceremonies.has(localId))
      ceremonies.set(localId, (q.ceremonyOf.get(kioskId, localId) as HubCeremony) ?? null)
    return ceremonies.get(localId)!
  }
  const rows = new Map<number, NewRow>()
  const kioskSeqs = new Map<number, number>()
  const cancels: PeerCancel[] = []
  for (const e of entries) {
    if (e.kind === 'scan') {
      const b = e.body as PeerScanBody
      if (b.ceremonyId === null) continue
      if (b.result === 'duplicate') result.repeats++
      if (!ARRIVAL_RESULTS.has(b.result) || b.kioskSeq === null || b.nip === null) continue
      if (b.checkinId !== null) kioskSeqs.set(b.checkinId, b.kioskSeq)
      const c = hubCeremony(b.ceremonyId)
      if (!c) {
        result.unknownCeremony++
        continue
      }
      // Lateness on the hub's clock: the gate's time moved by its measured offset (a time
      // already in toISOString's form and not moved is kept as it is, not parsed and rewritten).
      const offset = b.hubOffsetMs ?? 0
      const at =
        offset === 0 && ISO_INSTANT.test(e.at)
          ? e.at
          : new Date(Date.parse(e.at) + offset).toISOString()
      rows.set(b.kioskSeq, {
        ceremonyId: c.id,
        nip: b.nip,
        employeeId: null,
        at,
        late: at > c.lateAt ? 1 : 0,
        source: b.source,
        kioskId,
        seq: b.kioskSeq,
        clockBack: b.clockBack ? 1 : 0,
        cancelledAt: null,
        cancelReason: null,
        cancelledBy: null,
      })
    } else if (e.kind === 'checkin.cancelled') {
      const b = e.body as CheckinCancelledBody
      const seq =
        kioskSeqs.get(b.checkinId) ?? (q.kioskSeqOf.get(kioskId, b.checkinId) as number | undefined)
      if (seq === undefined) continue
      const row = rows.get(seq)
      if (row) Object.assign(row, { cancelledAt: e.at, cancelReason: b.reason, cancelledBy: b.by })
      else cancels.push({ seq, at: e.at, reason: b.reason, by: b.by })
    }
  }
  if (rows.size === 0) return { rows: [], cancels }
  for (const seq of q.derived.all(kioskId, jsonList(rows.keys())) as number[]) {
    const row = rows.get(seq)!
    if (row.cancelledBy !== null)
      cancels.push({ seq, at: row.cancelledAt!, reason: row.cancelReason!, by: row.cancelledBy })
    rows.delete(seq)
  }
  const list = [...rows.values()]
  look.employeeIds(list)
  return { rows: list, cancels }
}

/** One run's arrivals, read and waiting to be settled with the other runs of its batch. */
interface StagedRun {
  kioskId: string
  rows: NewRow[]
  touched: Map<string, Person>
  result: ApplyResult
}

/**
 * Derives this kiosk's arrivals from peers' runs and settles every person they touch, once for
 * all runs staged together: a person scanned at ten offices is settled once, and each arrival
 * is written with the state it settles to, instead of written live and set aside by the next
 * run. A run of a kiosk already staged settles what is staged first, since its entries may
 * cancel or repeat arrivals not written yet.
 */
function merger(db: Db) {
  const q = prepared(db)
  const look = lookups(db)
  let staged: StagedRun[] = []
  const settle = () => {
    if (staged.length === 0) return
    const people = new Map<string, Person>()
    for (const run of staged) for (const [key, p] of run.touched) people.set(key, p)
    const rows = staged.length === 1 ? staged[0]!.rows : staged.flatMap((run) => run.rows)
    const { duplicates } = settlePeople(db, [...people.values()], rows, look)
    const duplicateOf = new Map(duplicates.map((d) => [personKey(d), d]))
    for (const { rows, touched, result } of staged) {
      for (const key of touched.keys()) {
        const d = duplicateOf.get(key)
        if (d) result.duplicates.push(d)
      }
      const live = rows.filter((r) => r.cancelledAt === null).length
      result.arrivals += live
      result.repeats += rows.length - live
    }
    staged = []
  }
  const stage = (
    kioskId: string,
    entries: readonly DerivableEntry[],
    result: ApplyResult,
    ceremonyIds: Set<number>,
  ) => {
    if (staged.some((run) => run.kioskId === kioskId)) settle()
    const { rows, cancels } = readArrivals(db, kioskId, entries, result, look)
    const touched = new Map<string, Person>()
    const touch = (p: Person) => {
      touched.set(personKey(p), { ceremonyId: p.ceremonyId, nip: p.nip })
      ceremonyIds.add(p.ceremonyId)
    }
    for (const c of cancels) {
      const done = q.peerCancel.get({ ...c, kioskId }) as Person | undefined
      if (!done) continue
      result.cancellations++
      touch(done)
    }
    for (const r of rows) {
      if (r.cancelledBy !== null) result.cancellations++
      touch(r)
    }
    staged.push({ kioskId, rows, touched, result })
  }
  return { stage, settle }
}

const parsed = (r: { seq: number; kind: string; at: string; body: string }): DerivableEntry => ({
  seq: r.seq,
  kind: r.kind as PeerEntry['kind'],
  at: r.at,
  body: JSON.parse(r.body) as PeerEntry['body'],
})

/**
 * Entries of a peer stored before, never derived because the peer's ceremony was not mapped
 * yet, that this run's ceremony.created entries now map to a ceremony of this kiosk (a segment
 * of scans that came before the segment creating their ceremony). Read before the run is
 * stored, so only earlier entries come back.
 */
function waitingForRun(db: Db, kioskId: string, fresh: readonly VerifiedEntry[]) {
  const q = prepared(db)
  const out: DerivableEntry[] = []
  for (const e of fresh) {
    if (e.kind !== 'ceremony.created') continue
    const b = e.body as Partial<CeremonyCreatedBody>
    if (typeof b.globalId !== 'string' || q.known.get(b.globalId) !== 1) continue
    const rows = q.waiting.all(kioskId, e.seq, b.ceremonyId) as Parameters<typeof parsed>[0][]
    out.push(...rows.map(parsed))
  }
  return out
}

const emptyResult = (newEntries: number, knownEntries: number): ApplyResult => ({
  newEntries,
  knownEntries,
  arrivals: 0,
  repeats: 0,
  cancellations: 0,
  unknownCeremony: 0,
  duplicates: [],
  ceremonyIds: [],
})

/** A run of a peer's chain (a live gate's push, or an office file's segment) that checkRun passed. */
export interface PeerRun {
  peer: PeerIdentity
  entries: readonly VerifiedEntry[]
}

/**
 * Takes runs of peers' chains inside the caller's transaction. `add` checks a run (checkRun
 * passed) against what is stored for its peer, stores what is new and reads its arrivals;
 * a run that does not hold gets its PeerChainRefused (an Indonesian message naming the entry)
 * and writes nothing, and the others go on. `finish` settles the arrivals of every run added,
 * together, and fills in their results. Sending the same entries again changes nothing.
 */
export function peerMerge(db: Db, now: Date) {
  const merge = merger(db)
  const added: { result: ApplyResult; ceremonyIds: Set<number> }[] = []
  const add = (run: PeerRun): ApplyResult | PeerChainRefused => {
    const kioskId = run.peer.kioskId
    let fresh: VerifiedEntry[]
    let waiting: DerivableEntry[]
    try {
      const known = checkPeer(db, run.peer)
      fresh = freshEntries(db, run.peer, run.entries)
      waiting = known ? waitingForRun(db, kioskId, fresh) : []
      notePeer(db, run.peer, known, now)
    } catch (error) {
      if (error instanceof PeerChainRefused) return error
      throw error
    }
    storePeerEntries(db, kioskId, fresh, now)
    const result = emptyResult(fresh.length, run.entries.length - fresh.length)
    const all = waiting.length === 0 ? fresh : [...waiting, ...fresh].sort((a, b) => a.seq - b.seq)
    const ceremonyIds = new Set<number>()
    merge.stage(kioskId, all, result, ceremonyIds)
    added.push({ result, ceremonyIds })
    return result
  }
  const finish = () => {
    merge.settle()
    for (const { result, ceremonyIds } of added)
      result.ceremonyIds = [...ceremonyIds].sort((a, b) => a - b)
  }
  return { add, finish }
}

/** One run (a gate's push) in its own transaction: throws its PeerChainRefused, having written nothing. */
export function applyPeerEntries(
  db: Db,
  peer: PeerIdentity,
  entries: readonly PeerEntry[],
  now: Date = new Date(),
): ApplyResult {
  const run = { peer, entries: checkRun(peer, entries) }
  return db
    .transaction(() => {
      const merge = peerMerge(db, now)
      const result = merge.add(run)
      if (result instanceof PeerChainRefused) throw result
      merge.finish()
      return result
    })
    .immediate()
}

/**
 * A ceremony just made here under a global id some peers already ran (a paket acara taken in
 * after their chains came): their stored scans of it become arrivals now, settled as if the
 * ceremony had been known all along. Call inside the transaction that creates the ceremony.
 */
export function deriveWaiting(db: Db, ceremonyId: number): ApplyResult {
  const q = prepared(db)
  const result = emptyResult(0, 0)
  const globalId = q.globalIdOf.get(ceremonyId) as string | undefined
  if (globalId === undefined) return result
  const created = q.createdAs.all(globalId) as { kioskId: string; seq: number; localId: number }[]
  const ceremonyIds = new Set<number>()
  const merge = merger(db)
  for (const c of created) {
    const rows = q.waiting.all(c.kioskId, c.seq, c.localId) as Parameters<typeof parsed>[0][]
    merge.stage(c.kioskId, rows.map(parsed), result, ceremonyIds)
  }
  merge.settle()
  result.ceremonyIds = [...ceremonyIds]
  return result
}
