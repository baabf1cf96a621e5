// One gate's push, at the hub: its entries go through the merge core (lane files, merge.ts),
// then each arrival it recorded gets the hub's word: counted, or a repeat of who and when.
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import type { ScanBody } from '../log/kinds'
import { noteContact, type GateRecord } from './gates'
import { applyPeerEntries, kioskLabel, type ApplyResult } from './merge'
import { peerHead, type PeerEntry } from './peer-chain'
import type { PushRequest, Verdict } from './wire'

function statements(db: Db) {
  return {
    /** The hub's ceremony for a gate's own ceremony id, through the gate's ceremony.created. */
    ceremonyOf: db
      .prepare(
        `SELECT c.id FROM peer_entry p JOIN ceremony c ON c.global_id = json_extract(p.body, '$.globalId')
         WHERE p.kiosk_id = ? AND p.kind = 'ceremony.created' AND json_extract(p.body, '$.ceremonyId') = ?`,
      )
      .pluck(),
    nonce: db.prepare(
      'INSERT INTO hub_nonce (kiosk_id, nonce, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    live: db.prepare(
      `SELECT kiosk_id AS kioskId, seq, scanned_at AS at FROM checkin
       WHERE ceremony_id = ? AND nip = ? AND cancelled_at IS NULL`,
    ),
  }
}
const prepared = perDb(statements)

const ARRIVED: readonly string[] = ['recorded', 'unknown-recorded']

/**
 * How old a push may say it is (its gate's clock moved by the offset it measured), and how
 * long its nonce is kept: a request older than this is refused as a replay whatever its nonce,
 * so a pruned nonce can never come back. A real push is built when it is sent and arrives within
 * its timeout (seconds), whatever the gate's backlog.
 */
export const PUSH_MAX_AGE_MS = 24 * 60 * 60 * 1000

/** True when the push is not older than PUSH_MAX_AGE_MS by its gate's measured clock. */
export function recentEnough(push: PushRequest, at: Date): boolean {
  // Unmeasured (a gate's first request after pairing): its nonce alone decides.
  if (push.offsetMs === null) return true
  return push.sentAt + push.offsetMs >= at.getTime() - PUSH_MAX_AGE_MS
}

/** Forgets nonces too old to be accepted anyway; at each start of the hub's server. */
export function pruneNonces(db: Db, at: Date): void {
  db.prepare('DELETE FROM hub_nonce WHERE received_at < ?').run(at.getTime() - PUSH_MAX_AGE_MS)
}

export interface PushOutcome {
  ackSeq: number
  verdicts: Verdict[]
  merged: ApplyResult
}

/**
 * Applies one push in one transaction: its nonce, the entries, the verdicts read after, the
 * contact noted. 'REPLAY': this gate sent this nonce before (before a restart too); nothing is
 * written.
 */
export function applyPush(
  db: Db,
  gate: GateRecord,
  push: PushRequest,
  at: Date,
): PushOutcome | 'REPLAY' {
  return db
    .transaction((): PushOutcome | 'REPLAY' => {
      if (prepared(db).nonce.run(gate.kioskId, push.nonce, at.getTime()).changes === 0)
        return 'REPLAY'
      const merged = applyPeerEntries(
        db,
        {
          kioskId: gate.kioskId,
          label: gate.label,
          publicKey: publicKeyOf(db, gate),
          joinedBy: 'live',
        },
        push.entries as PeerEntry[],
      )
      noteContact(db, gate.kioskId, { at, offsetMs: push.offsetMs, backlog: push.backlog })
      return {
        ackSeq: peerHead(db, gate.kioskId)?.seq ?? 0,
        verdicts: verdictsOf(db, gate.kioskId, push.entries as PeerEntry[]),
        merged,
      }
    })
    .immediate()
}

function publicKeyOf(db: Db, gate: GateRecord): string {
  return db
    .prepare('SELECT public_key FROM peer WHERE kiosk_id = ?')
    .pluck()
    .get(gate.kioskId) as string
}

function verdictsOf(db: Db, kioskId: string, entries: PeerEntry[]): Verdict[] {
  const q = prepared(db)
  const verdicts: Verdict[] = []
  for (const e of entries) {
    if (e.kind !== 'scan') continue
    const body = e.body as ScanBody
    if (!ARRIVED.includes(body.result) || body.nip === null || body.ceremonyId === null) continue
    const ceremonyId = q.ceremonyOf.get(kioskId, body.ceremonyId) as number | undefined
    if (ceremonyId === undefined) continue
    const live = q.live.get(ceremonyId, body.nip) as
      { kioskId: string; seq: number; at: string } | undefined
    if (!live) continue
    verdicts.push(
      live.kioskId === kioskId && live.seq === body.kioskSeq
        ? { entryId: e.id, verdict: 'counted' }
        : {
            entryId: e.id,
            verdict: 'repeat',
            where: kioskLabel(db, live.kioskId),
            firstAt: live.at,
          },
    )
  }
  return verdicts
}

interface Waiting {
  gate: GateRecord
  push: PushRequest
  done(result: { outcome: PushOutcome | 'REPLAY' } | { error: unknown }): void
}

/**
 * Group commit: pushes that arrive while the hub's thread was busy (a commit's disk sync, a
 * dashboard read) are applied together, each in its own savepoint, under one transaction and
 * one disk sync, instead of one sync each queued behind the other. A push that is refused rolls
 * back alone; nothing is answered before the commit that holds it.
 */
export class PushGroup {
  private queue: Waiting[] = []

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  apply(gate: GateRecord, push: PushRequest): Promise<PushOutcome | 'REPLAY'> {
    return new Promise((resolve, reject) => {
      const done: Waiting['done'] = (r) => ('error' in r ? reject(r.error) : resolve(r.outcome))
      // The first of a group waits one turn of the event loop for the others already read.
      if (this.queue.push({ gate, push, done }) === 1) setImmediate(() => this.commit())
    })
  }

  private commit(): void {
    const group = this.queue
    this.queue = []
    const results: Parameters<Waiting['done']>[0][] = []
    try {
      this.db
        .transaction(() => {
          for (const w of group) {
            try {
              results.push({ outcome: applyPush(this.db, w.gate, w.push, this.now()) })
            } catch (error) {
              results.push({ error })
            }
          }
        })
        .immediate()
    } catch (error) {
      // The commit itself failed (a full disk): no push of the group is held, none is acknowledged.
      for (const w of group) w.done({ error })
      return
    }
    group.forEach((w, i) => w.done(results[i]!))
  }
}
