// The hub's gates: paired, authenticated by a credential whose hash alone is stored, revoked
// at once, and the last word each gave about its clock and backlog.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/connection'
import { fingerprintOf } from '../keys/signature'

export interface GateRecord {
  kioskId: string
  label: string
  number: number
  fingerprint: string
  lastSeen: string | null
  offsetMs: number | null
  backlog: number | null
  revokedAt: string | null
}

const digest = (secret: string) => createHash('sha256').update(secret).digest()

const SELECT = `SELECT p.kiosk_id AS kioskId, p.label, g.number, p.fingerprint, p.last_seen AS lastSeen,
  g.offset_ms AS offsetMs, g.backlog, p.revoked_at AS revokedAt, g.credential_sha256 AS credential
  FROM hub_gate g JOIN peer p ON p.kiosk_id = g.kiosk_id`

export class KeyMismatch extends Error {}

/**
 * Pairs a gate (or pairs it again with a fresh code): its peer row (label "Gerbang N", its key),
 * a new credential replacing any old one, and its revocation lifted; the officer issued the
 * code, so this is the officer letting it in again. A kiosk that comes back with another key
 * is refused: the chain stored for it is signed with the first.
 */
export function registerGate(
  db: Db,
  gate: { kioskId: string; publicKey: string; now: Date },
): { label: string; secret: string } {
  return db
    .transaction(() => {
      const peer = db
        .prepare('SELECT public_key AS publicKey FROM peer WHERE kiosk_id = ?')
        .get(gate.kioskId) as { publicKey: string } | undefined
      if (peer && peer.publicKey !== gate.publicKey) throw new KeyMismatch()
      const existing = db
        .prepare('SELECT number FROM hub_gate WHERE kiosk_id = ?')
        .pluck()
        .get(gate.kioskId) as number | undefined
      const number =
        existing ??
        (db.prepare('SELECT coalesce(max(number), 0) FROM hub_gate').pluck().get() as number) + 1
      const label = `Gerbang ${number}`
      const at = gate.now.toISOString()
      db.prepare(
        `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
         VALUES (?, ?, ?, ?, 'live', ?)
         ON CONFLICT (kiosk_id) DO UPDATE SET label = excluded.label, revoked_at = NULL`,
      ).run(gate.kioskId, label, gate.publicKey, fingerprintOf(gate.publicKey), at)
      const secret = randomBytes(32).toString('base64url')
      db.prepare(
        `INSERT INTO hub_gate (kiosk_id, number, credential_sha256, paired_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (kiosk_id) DO UPDATE SET credential_sha256 = excluded.credential_sha256,
           paired_at = excluded.paired_at`,
      ).run(gate.kioskId, number, digest(secret).toString('hex'), at)
      return { label, secret }
    })
    .immediate()
}

export type AuthRefusal = 'UNPAIRED' | 'REVOKED'

/** The gate a credential belongs to, or why it is refused. */
export function authenticate(db: Db, kioskId: string, secret: string): GateRecord | AuthRefusal {
  const row = db.prepare(`${SELECT} WHERE g.kiosk_id = ?`).get(kioskId) as
    (GateRecord & { credential: string }) | undefined
  if (!row) return 'UNPAIRED'
  const stored = Buffer.from(row.credential, 'hex')
  if (!timingSafeEqual(stored, digest(secret))) return 'UNPAIRED'
  if (row.revokedAt !== null) return 'REVOKED'
  const { credential: _, ...gate } = row
  return gate
}

export function listGates(db: Db): GateRecord[] {
  const rows = db.prepare(`${SELECT} ORDER BY g.number`).all() as (GateRecord & {
    credential?: string
  })[]
  return rows.map(({ credential: _, ...gate }) => gate)
}

/** Refused from the next request on; what it pushed so far stays counted. */
export function revokeGate(db: Db, kioskId: string, now: Date): boolean {
  const done = db
    .prepare(
      `UPDATE peer SET revoked_at = ? WHERE kiosk_id = ? AND revoked_at IS NULL
       AND kiosk_id IN (SELECT kiosk_id FROM hub_gate)`,
    )
    .run(now.toISOString(), kioskId)
  return done.changes > 0
}

/** What the gate said on its last exchange. */
export function noteContact(
  db: Db,
  kioskId: string,
  seen: { at: Date; offsetMs: number | null; backlog: number },
): void {
  db.prepare('UPDATE peer SET last_seen = ? WHERE kiosk_id = ?').run(seen.at.toISOString(), kioskId)
  db.prepare(
    'UPDATE hub_gate SET offset_ms = coalesce(?, offset_ms), backlog = ? WHERE kiosk_id = ?',
  ).run(seen.offsetMs, seen.backlog, kioskId)
}
