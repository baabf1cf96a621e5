// Another kiosk's chain as this kiosk keeps it: entries checked link by link against what is
// already stored for that kiosk, then stored exactly as they were (docs/antar-kiosk.md).
import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import { UserError } from '../errors'
import { fingerprintOf } from '../keys/signature'
import { GENESIS_HASH, entryHash, kioskOf } from '../log/append'
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
    link: db.prepare('SELECT id, prev_hash, hash FROM peer_entry WHERE kiosk_id = ? AND seq = ?'),
    byId: db.prepare('SELECT kiosk_id AS kioskId, seq FROM peer_entry WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO peer_entry (kiosk_id, seq, id, kind, at, entry_kiosk_id, body, prev_hash, hash, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }
}
const prepared = perDb(statements)

/**
 * Makes sure the peer is known under this key: a first contact registers it, a later one must
 * come with the same key and not be revoked. A kiosk never takes its own chain as a peer's.
 */
export function ensurePeer(db: Db, peer: PeerIdentity, now: Date): void {
  const q = prepared(db)
  if (peer.kioskId === kioskOf(db)) {
    throw new PeerChainRefused(null, 'Ini log kiosk ini sendiri, bukan log kiosk lain.')
  }
  const known = q.peer.get(peer.kioskId) as
    { publicKey: string; revokedAt: string | null } | undefined
  if (!known) {
    q.insertPeer.run({
      ...peer,
      fingerprint: fingerprintOf(peer.publicKey),
      now: now.toISOString(),
    })
  } else if (known.publicKey !== peer.publicKey) {
    throw new PeerChainRefused(
      null,
      `Kunci ${fingerprintOf(peer.publicKey)} bukan kunci ${peer.label} yang dikenal kiosk ini (${fingerprintOf(known.publicKey)}).`,
    )
  } else if (known.revokedAt !== null) {
    throw new PeerChainRefused(null, `${peer.label} sudah dicabut; datanya tidak diterima lagi.`)
  }
  q.seen.run(now.toISOString(), peer.kioskId)
}

const at = (seq: number) => `entri nomor ${formatCount(seq)}`

/** What is wrong with one entry on its own (its hash, its kiosk, its signature); null: it holds. */
function entryProblem(peer: PeerIdentity, e: PeerEntry): string | null {
  if (e.kioskId !== null && e.kioskId !== peer.kioskId) {
    return `dicatat oleh kiosk lain (${e.kioskId}), bukan ${peer.kioskId}`
  }
  let hash: string
  try {
    canonicalJson(e.body as CanonicalValue)
    hash = entryHash(e.prevHash, e)
  } catch {
    return 'isinya bukan data log yang sah'
  }
  if (hash !== e.hash)
    return 'hash tidak cocok dengan isinya: entri ini diubah sesudah dicatat, atau dipalsukan'
  if (e.kind === 'head.signed') {
    const body = e.body as HeadSignedBody
    if (body.publicKey !== peer.publicKey)
      return `kepala rantai ditandatangani kunci lain (${fingerprintOf(body.publicKey)})`
    return signedHeadProblem(body, e.seq, e.prevHash)
  }
  return null
}

/**
 * Checks a run of a peer's entries against themselves and against what is stored for that
 * peer, and returns the ones not stored yet; throws PeerChainRefused at the first that fails.
 * Segments may come in any order (office files): a segment need not start at entry 1, but
 * wherever it touches a stored entry (the one before its first, the one after its last, or an
 * entry it repeats) the hashes must agree, so two segments of one chain can never disagree.
 */
export function newPeerEntries(
  db: Db,
  peer: PeerIdentity,
  entries: readonly PeerEntry[],
): PeerEntry[] {
  const q = prepared(db)
  const stored = (seq: number) => q.link.get(peer.kioskId, seq) as StoredLink | undefined
  const fresh: PeerEntry[] = []
  let before: { seq: number; hash: string } | null = null
  for (const e of entries) {
    if (before !== null && e.seq !== before.seq + 1) {
      throw new PeerChainRefused(
        e.seq,
        `${at(e.seq)} tidak menyambung ${at(before.seq)}: rantai harus berurutan tanpa celah (ada entri yang dihapus).`,
      )
    }
    const problem = entryProblem(peer, e)
    if (problem !== null) throw new PeerChainRefused(e.seq, `${at(e.seq)} ${problem}.`)
    const previous =
      before ?? (e.seq === 1 ? { seq: 0, hash: GENESIS_HASH } : (stored(e.seq - 1) ?? null))
    if (previous !== null && previous.hash !== e.prevHash) {
      throw new PeerChainRefused(
        e.seq,
        `${at(e.seq)} tidak tersambung dengan entri sebelumnya (hash sebelumnya tidak cocok): ada entri yang diubah, dihapus atau disisipkan.`,
      )
    }
    const same = stored(e.seq)
    if (same) {
      if (same.hash !== e.hash || same.id !== e.id) {
        throw new PeerChainRefused(
          e.seq,
          `${at(e.seq)} berbeda dengan ${at(e.seq)} dari kiosk yang sama yang sudah diterima: salah satunya diubah.`,
        )
      }
    } else {
      const elsewhere = q.byId.get(e.id) as { kioskId: string; seq: number } | undefined
      if (elsewhere) {
        throw new PeerChainRefused(
          e.seq,
          `${at(e.seq)} memakai id ${e.id} yang sudah dipakai entri lain (${elsewhere.kioskId}, nomor ${formatCount(elsewhere.seq)}).`,
        )
      }
      fresh.push(e)
    }
    before = { seq: e.seq, hash: e.hash }
  }
  const last = entries.at(-1)
  const after = last ? stored(last.seq + 1) : undefined
  if (last && after && after.prev_hash !== last.hash) {
    throw new PeerChainRefused(
      last.seq,
      `${at(last.seq)} tidak cocok dengan ${at(last.seq + 1)} yang sudah diterima: salah satunya diubah.`,
    )
  }
  return fresh
}

/** Stores entries newPeerEntries returned, exactly as they were hashed. */
export function storePeerEntries(
  db: Db,
  kioskId: string,
  entries: readonly PeerEntry[],
  now: Date,
) {
  const q = prepared(db)
  const received = now.toISOString()
  for (const e of entries) {
    q.insert.run(
      kioskId,
      e.seq,
      e.id,
      e.kind,
      e.at,
      e.kioskId,
      canonicalJson(e.body as CanonicalValue),
      e.prevHash,
      e.hash,
      received,
    )
  }
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
