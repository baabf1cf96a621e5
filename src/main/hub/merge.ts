// The hub's merge: other kiosks' chains become arrivals here, and "the earliest scan counts"
// decides who is live, the same way whatever order the chains arrive in (docs/antar-kiosk.md).
import type { MergeDuplicate } from '../../shared/contract/exchange'
import { formatTime, type TimeZoneId } from '../../shared/time'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import type { CheckinCancelledBody, ScanBody } from '../log/kinds'
import {
  ensurePeer,
  newPeerEntries,
  storePeerEntries,
  type PeerEntry,
  type PeerIdentity,
} from './peer-chain'

export type { MergeDuplicate }

/** cancelled_by of an arrival the merge set aside because another kiosk had the person earlier. */
export const MERGE_CANCELLED_BY = 'penggabungan'

/** How this kiosk's own arrivals are named beside its peers'. */
export const HUB_LABEL = 'Kiosk induk'

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

interface Candidate {
  id: number
  scannedAt: string
  kioskId: string
  seq: number
  cancelledBy: string | null
  cancelReason: string | null
}

function statements(db: Db) {
  return {
    ceremonyOf: db.prepare(
      `SELECT c.id, c.late_at AS lateAt, c.time_zone AS timeZone FROM peer_entry p
       JOIN ceremony c ON c.global_id = json_extract(p.body, '$.globalId')
       WHERE p.kiosk_id = ? AND p.kind = 'ceremony.created' AND json_extract(p.body, '$.ceremonyId') = ?`,
    ),
    employee: db.prepare('SELECT id FROM employee WHERE nip = ?').pluck(),
    /**
     * The person's first arrival anywhere goes live at once: with no live row there is nothing
     * set aside either (settle always leaves one live), so there is nothing to settle.
     */
    insertLive: db.prepare(
      `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq,
         clock_back)
       VALUES (@ceremonyId, @nip, @employeeId, @at, @late, @source, @kioskId, @seq, @clockBack)
       ON CONFLICT DO NOTHING`,
    ),
    derived: db.prepare('SELECT 1 FROM checkin WHERE kiosk_id = ? AND seq = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq,
         clock_back, cancelled_at, cancel_reason, cancelled_by)
       VALUES (@ceremonyId, @nip, @employeeId, @at, @late, @source, @kioskId, @seq, @clockBack,
         @at, 'menunggu penggabungan', '${MERGE_CANCELLED_BY}')
       ON CONFLICT (kiosk_id, seq) DO NOTHING`,
    ),
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
    candidates: db.prepare(
      `SELECT id, scanned_at AS scannedAt, kiosk_id AS kioskId, seq, cancelled_by AS cancelledBy,
         cancel_reason AS cancelReason
       FROM checkin WHERE ceremony_id = ? AND nip = ?
         AND (cancelled_at IS NULL OR cancelled_by = '${MERGE_CANCELLED_BY}')`,
    ),
    setAside: db.prepare(
      `UPDATE checkin SET cancelled_at = ?, cancel_reason = ?, cancelled_by = '${MERGE_CANCELLED_BY}'
       WHERE id = ?`,
    ),
    restore: db.prepare(
      'UPDATE checkin SET cancelled_at = NULL, cancel_reason = NULL, cancelled_by = NULL WHERE id = ?',
    ),
    isLive: db
      .prepare('SELECT cancelled_at IS NULL FROM checkin WHERE kiosk_id = ? AND seq = ?')
      .pluck(),
    timeZone: db.prepare('SELECT time_zone FROM ceremony WHERE id = ?').pluck(),
    label: db.prepare('SELECT label FROM peer WHERE kiosk_id = ?').pluck(),
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

/** The label of a kiosk as the officer reads it: a peer's, or this kiosk's own. */
export function kioskLabel(db: Db, kioskId: string): string {
  return peerLabel(db, kioskId) ?? HUB_LABEL
}

/**
 * Makes the earliest uncancelled arrival of one person at one ceremony the live one and sets
 * the others aside (cancelled by the merge, with where and when the counted one was). A min,
 * recomputed from all rows each time: the result does not depend on the order rows arrived in.
 * Arrivals cancelled by an officer (here or at their own kiosk) take no part. Returns the
 * duplicate when the person has more than one arrival, else null.
 */
export function settle(db: Db, ceremonyId: number, nip: string): MergeDuplicate | null {
  const q = prepared(db)
  const rows = q.candidates.all(ceremonyId, nip) as Candidate[]
  if (rows.length === 0) return null
  const winner = rows.reduce((best, r) => (earlier(r, best) ? r : best))
  const zone = q.timeZone.get(ceremonyId) as TimeZoneId
  const keptAt = kioskLabel(db, winner.kioskId)
  const reason = `Sudah tercatat lebih awal di ${keptAt} pukul ${formatTime(winner.scannedAt, zone)}`
  const losers = rows.filter((r) => r !== winner)
  // Set the others aside before the winner goes live: the index allows one live row at a time.
  for (const r of losers) {
    if (r.cancelledBy !== MERGE_CANCELLED_BY || r.cancelReason !== reason)
      q.setAside.run(r.scannedAt, reason, r.id)
  }
  if (winner.cancelledBy !== null) q.restore.run(winner.id)
  if (losers.length === 0) return null
  return {
    ceremonyId,
    nip,
    kept: { kiosk: keptAt, at: winner.scannedAt },
    repeats: losers
      .sort((a, b) => (earlier(a, b) ? -1 : 1))
      .map((r) => ({ kiosk: kioskLabel(db, r.kioskId), at: r.scannedAt })),
  }
}

/** A scan body as a gate may send it: with its clock's offset from the hub's (lane net). */
type PeerScanBody = ScanBody & { hubOffsetMs?: number | null }

const ARRIVAL_RESULTS = new Set(['recorded', 'unknown-recorded'])

/**
 * Derives this kiosk's arrivals from a peer's new entries; returns the people to settle and the
 * peer arrival numbers of the rows written.
 */
function derive(db: Db, peer: PeerIdentity, entries: readonly PeerEntry[], result: ApplyResult) {
  const q = prepared(db)
  const ceremonies = new Map<number, HubCeremony | null>()
  const hubCeremony = (localId: number) => {
    if (!ceremonies.has(localId))
      ceremonies.set(localId, (q.ceremonyOf.get(peer.kioskId, localId) as HubCeremony) ?? null)
    return ceremonies.get(localId)!
  }
  const kioskSeqs = new Map<number, number>()
  const written: number[] = []
  const ceremonyIds = new Set<number>()
  const touched = new Map<string, { ceremonyId: number; nip: string }>()
  const touch = (ceremonyId: number, nip: string) =>
    touched.set(`${ceremonyId}/${nip}`, { ceremonyId, nip })
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
      // Lateness on the hub's clock: the gate's time moved by its measured offset.
      const at = new Date(Date.parse(e.at) + (b.hubOffsetMs ?? 0)).toISOString()
      const row = {
        ceremonyId: c.id,
        nip: b.nip,
        employeeId: (q.employee.get(b.nip) as number | undefined) ?? null,
        at,
        late: at > c.lateAt ? 1 : 0,
        source: b.source,
        kioskId: peer.kioskId,
        seq: b.kioskSeq,
        clockBack: b.clockBack ? 1 : 0,
      }
      if (q.insertLive.run(row).changes > 0) {
        written.push(b.kioskSeq)
        ceremonyIds.add(c.id)
        continue
      }
      // Already derived (an overlapping push), or the person is live elsewhere: settle decides.
      if (q.derived.get(peer.kioskId, b.kioskSeq) === 1) continue
      q.insert.run(row)
      written.push(b.kioskSeq)
      ceremonyIds.add(c.id)
      touch(c.id, b.nip)
    } else if (e.kind === 'checkin.cancelled') {
      const b = e.body as CheckinCancelledBody
      const seq =
        kioskSeqs.get(b.checkinId) ??
        (q.kioskSeqOf.get(peer.kioskId, b.checkinId) as number | undefined)
      if (seq === undefined) continue
      const done = q.peerCancel.get({
        at: e.at,
        reason: b.reason,
        by: b.by,
        kioskId: peer.kioskId,
        seq,
      }) as { ceremonyId: number; nip: string } | undefined
      if (!done) continue
      result.cancellations++
      ceremonyIds.add(done.ceremonyId)
      touch(done.ceremonyId, done.nip)
    }
  }
  return { people: [...touched.values()], written, ceremonyIds }
}

/**
 * Takes a run of a peer's chain (a live gate's push, or an office file's segment): verifies
 * it against itself and what is stored for that peer, stores what is new, and derives the
 * arrivals, all in one transaction, so a refused chain writes nothing. Sending the same
 * entries again changes nothing. Throws PeerChainRefused (an Indonesian message naming the
 * entry) when the chain does not hold.
 */
export function applyPeerEntries(
  db: Db,
  peer: PeerIdentity,
  entries: readonly PeerEntry[],
  now: Date = new Date(),
): ApplyResult {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq)
  return db
    .transaction((): ApplyResult => {
      ensurePeer(db, peer, now)
      const fresh = newPeerEntries(db, peer, sorted)
      storePeerEntries(db, peer.kioskId, fresh, now)
      const result: ApplyResult = {
        newEntries: fresh.length,
        knownEntries: sorted.length - fresh.length,
        arrivals: 0,
        repeats: 0,
        cancellations: 0,
        unknownCeremony: 0,
        duplicates: [],
        ceremonyIds: [],
      }
      const { people, written, ceremonyIds } = derive(db, peer, fresh, result)
      for (const { ceremonyId, nip } of people) {
        const duplicate = settle(db, ceremonyId, nip)
        if (duplicate) result.duplicates.push(duplicate)
      }
      const q = prepared(db)
      result.arrivals = written.filter((seq) => q.isLive.get(peer.kioskId, seq) === 1).length
      result.repeats += written.length - result.arrivals
      result.ceremonyIds = [...ceremonyIds].sort((a, b) => a - b)
      return result
    })
    .immediate()
}
