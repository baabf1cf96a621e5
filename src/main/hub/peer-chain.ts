// Another kiosk's chain as this kiosk keeps it: entries checked link by link against what is
// already stored for that kiosk, then stored exactly as they were (docs/antar-kiosk.md).
import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'
import { insertMany } from '../db/insert-many'
import { perDb } from '../db/per-db'
import { UserError } from '../errors'
import { fingerprintOf } from '../keys/signature'
import { GENESIS_HASH, entryHashOfBody, kioskOf } from '../log/append'
import { canonicalJson, type CanonicalValue } from '../log/canonical'
import type { LogRow } from '../log/chain'
import type { HeadSignedBody, LogEntry } from '../log/kinds'
import { signedHeadProblem } from '../log/signed-head'

/** Who sent a chain: its installation id, the label the officer reads, its signing key. */
export interface PeerIdentity {
  kioskId: string
  /** 'Gerbang 2', or an office's name from its file. */
  label: string
  /** Ed25519 public key, 32 raw bytes in base64. */
  publicKey: string
  joinedBy: 'live' | 'berkas'
}

/** One entry of a peer's chain, with the two hashes that tie it to its neighbours. */
export type PeerEntry = LogEntry & { prevHash: string; hash: string }

interface StoredLink {
  id: string
  prev_hash: string
  hash: string
}

/** A chain refused: the message names the entry (its sequence number) and what is wrong. */
export class PeerChainRefused extends UserError {
  constructor(
    readonly seq: number | null,
    message: string,
  ) {
    super('PEER_CHAIN', message)
  }
}

/** A stored entry's columns, in the order storePeerEntries gives their values. */
export const PEER_ENTRY_COLUMNS = [
  'kiosk_id',
  'seq',
  'id',
  'kind',
  'at',
  'entry_kiosk_id',
  'body',
  'prev_hash',
  'hash',
  'received_at',
] as const

function statements(db: Db) {
  return {
    peer: db.prepare(
      'SELECT public_key AS publicKey, revoked_at AS revokedAt FROM peer WHERE kiosk_id = ?',
    ),
    insertPeer: db.prepare(
      `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
       VALUES (@kioskId, @label, @publicKey, @fingerprint, @joinedBy, @now)`,
    ),
    seen: db.prepare('UPDATE peer SET last_seen = ? WHERE kiosk_id = ?'),
    /** The stored links a run can touch: one read for the whole run, not two per entry. */
    links: db.prepare(
      'SELECT seq, id, prev_hash, hash FROM peer_entry WHERE kiosk_id = ? AND seq BETWEEN ? AND ?',
    ),
    insert: insertMany(db, 'peer_entry', PEER_ENTRY_COLUMNS),
  }
}
const prepared = perDb(statements)

/**
 * Refuses a kiosk whose chain this kiosk must not take: itself, a known kiosk under another
 * key, a revoked one. Reads only, so a refused chain writes nothing; true: already known.
 */
export function checkPeer(db: Db, peer: PeerIdentity): boolean {
  if (peer.kioskId === kioskOf(db)) {
    throw new PeerChainRefused(null, 'Ini log kiosk ini sendiri, bukan log kiosk lain.')
  }
  const known = prepared(db).peer.get(peer.kioskId) as
    { publicKey: string; revokedAt: string | null } | undefined
  if (!known) return false
  if (known.publicKey !== peer.publicKey) {
    throw new PeerChainRefused(
      null,
      `Kunci ${fingerprintOf(peer.publicKey)} bukan kunci ${peer.label} yang dikenal kiosk ini (${fingerprintOf(known.publicKey)}).`,
    )
  }
  if (known.revokedAt !== null) {
    throw new PeerChainRefused(null, `${peer.label} sudah dicabut; datanya tidak diterima lagi.`)
  }
  return true
}

/** After checkPeer: a first contact registers the peer under its key; every contact is noted. */
export function notePeer(db: Db, peer: PeerIdentity, known: boolean, now: Date): void {
  const q = prepared(db)
  if (!known) {
    q.insertPeer.run({
      ...peer,
      fingerprint: fingerprintOf(peer.publicKey),
      now: now.toISOString(),
    })
  }
  q.seen.run(now.toISOString(), peer.kioskId)
}

const at = (seq: number) => `entri nomor ${formatCount(seq)}`

/** An entry that holds, with its body's canonical text: what its hash covers and what is stored. */
export type VerifiedEntry = PeerEntry & { bodyJson: string }

/**
 * One entry on its own (its kiosk, its hash, its signature): its body's canonical text, made
 * once here for both the hash and the stored column, or PeerChainRefused saying what is wrong.
 */
function checkEntry(peer: PeerIdentity, e: PeerEntry): string {
  const refuse = (why: string) => new PeerChainRefused(e.seq, `${at(e.seq)} ${why}.`)
  if (e.kioskId !== null && e.kioskId !== peer.kioskId) {
    throw refuse(`dicatat oleh kiosk lain (${e.kioskId}), bukan ${peer.kioskId}`)
  }
  let bodyJson: string
  let hash: string
  try {
    bodyJson = canonicalJson(e.body as CanonicalValue)
    hash = entryHashOfBody(e.prevHash, e, bodyJson)
  } catch {
    throw refuse('isinya bukan data log yang sah')
  }
  if (hash !== e.hash)
    throw refuse(
      'hash tidak cocok dengan isinya: entri ini diubah sesudah dicatat, atau dipalsukan',
    )
  if (e.kind === 'head.signed') {
    const body = e.body as HeadSignedBody
    if (body.publicKey !== peer.publicKey)
      throw refuse(`kepala rantai ditandatangani kunci lain (${fingerprintOf(body.publicKey)})`)
    const problem = signedHeadProblem(body, e.seq, e.prevHash)
    if (problem !== null) throw refuse(problem)
  }
  return bodyJson
}

/**
 * Refuses a run that repeats an id. Across chains an entry is named by its kiosk and number
 * (migration 18): ids are not indexed, and UUIDv7 ids of honest kiosks never meet.
 */
function checkIdsFree(run: readonly VerifiedEntry[]): void {
  const ids = new Map<string, VerifiedEntry>()
  for (const e of run) {
    const twice = ids.get(e.id)
    if (twice) {
      throw new PeerChainRefused(
        e.seq,
        `${at(e.seq)} memakai id ${e.id} yang sudah dipakai ${at(twice.seq)}.`,
      )
    }
    ids.set(e.id, e)
  }
}

/**
 * Checks a run of a peer's entries (in any order) against itself: each entry on its own, each
 * tied to the one before it, no gap, no id twice; throws PeerChainRefused at the first that
 * fails. Needs no database, so a worker thread can check an office's file while the main
 * thread stores the one before it (bundle/check-worker.ts); freshEntries then checks the run
 * against what is stored.
 */
export function checkRun(peer: PeerIdentity, entries: readonly PeerEntry[]): VerifiedEntry[] {
  const run: VerifiedEntry[] = []
  let before: { seq: number; hash: string } | null = null
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (before !== null && e.seq !== before.seq + 1) {
      throw new PeerChainRefused(
        e.seq,
        `${at(e.seq)} tidak menyambung ${at(before.seq)}: rantai harus berurutan tanpa celah (ada entri yang dihapus).`,
      )
    }
    const bodyJson = checkEntry(peer, e)
    const previous = before ?? (e.seq === 1 ? { seq: 0, hash: GENESIS_HASH } : null)
    if (previous !== null && previous.hash !== e.prevHash) throw unlinked(e.seq)
    run.push({ ...e, bodyJson })
    before = { seq: e.seq, hash: e.hash }
  }
  checkIdsFree(run)
  return run
}

const unlinked = (seq: number) =>
  new PeerChainRefused(
    seq,
    `${at(seq)} tidak tersambung dengan entri sebelumnya (hash sebelumnya tidak cocok): ada entri yang diubah, dihapus atau disisipkan.`,
  )

/**
 * A run checkRun passed, against what is stored for its peer: returns the entries not stored
 * yet, or throws PeerChainRefused. Reads only. Segments may come in any order (office files):
 * a segment need not start at entry 1, but wherever it touches a stored entry (the one before
 * its first, the one after its last, or an entry it repeats) the hashes must agree, so two
 * segments of one chain can never disagree.
 */
export function freshEntries(
  db: Db,
  peer: PeerIdentity,
  run: readonly VerifiedEntry[],
): VerifiedEntry[] {
  const first = run[0]
  const last = run.at(-1)
  if (!first || !last) return []
  const links = new Map<number, StoredLink>()
  const rows = prepared(db).links.all(peer.kioskId, first.seq - 1, last.seq + 1) as (StoredLink & {
    seq: number
  })[]
  for (const r of rows) links.set(r.seq, r)
  const before = links.get(first.seq - 1)
  if (before && before.hash !== first.prevHash) throw unlinked(first.seq)
  const fresh = run.filter((e) => {
    const same = links.get(e.seq)
    if (same && (same.hash !== e.hash || same.id !== e.id)) {
      throw new PeerChainRefused(
        e.seq,
        `${at(e.seq)} berbeda dengan ${at(e.seq)} dari kiosk yang sama yang sudah diterima: salah satunya diubah.`,
      )
    }
    return !same
  })
  const after = links.get(last.seq + 1)
  if (after && after.prev_hash !== last.hash) {
    throw new PeerChainRefused(
      last.seq,
      `${at(last.seq)} tidak cocok dengan ${at(last.seq + 1)} yang sudah diterima: salah satunya diubah.`,
    )
  }
  return fresh
}

/** Stores entries freshEntries returned, exactly as they were hashed. */
export function storePeerEntries(
  db: Db,
  kioskId: string,
  entries: readonly VerifiedEntry[],
  now: Date,
) {
  const received = now.toISOString()
  prepared(db).insert(entries, (e) => [
    kioskId,
    e.seq,
    e.id,
    e.kind,
    e.at,
    e.kioskId,
    e.bodyJson,
    e.prevHash,
    e.hash,
    received,
  ])
}

/** The stored entry of a peer with the highest sequence number: where a live push resumes. */
export function peerHead(db: Db, kioskId: string): { seq: number; hash: string } | null {
  const row = db
    .prepare('SELECT seq, hash FROM peer_entry WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1')
    .get(kioskId) as { seq: number; hash: string } | undefined
  return row ?? null
}

/** This kiosk's own entries from `fromSeq` on, in order, as a peer would receive them. */
export function ownEntries(db: Db, fromSeq = 1, toSeq = Number.MAX_SAFE_INTEGER): PeerEntry[] {
  const rows = db
    .prepare(
      'SELECT seq, id, kind, at, kiosk_id, body, prev_hash, hash FROM log_entry WHERE seq BETWEEN ? AND ? ORDER BY seq',
    )
    .all(fromSeq, toSeq) as LogRow[]
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    kind: r.kind as LogEntry['kind'],
    at: r.at,
    kioskId: r.kiosk_id,
    body: JSON.parse(r.body) as LogEntry['body'],
    prevHash: r.prev_hash,
    hash: r.hash,
  }))
}
