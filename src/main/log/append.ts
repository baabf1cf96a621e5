import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import { canonicalBytes, canonicalJson, type CanonicalValue } from './canonical'
import type { LogBodies, LogEntry, LogKind } from './kinds'

/** The previous hash of the first entry: 32 zero bytes. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * What is hashed for one entry: every column but the hashes, under the column names, so a tool
 * reading the table can rebuild it without this code (docs/log-format.md).
 */
export function hashedFields(entry: LogEntry): CanonicalValue {
  return {
    seq: entry.seq,
    id: entry.id,
    kind: entry.kind,
    at: entry.at,
    kiosk_id: entry.kioskId,
    body: entry.body as CanonicalValue,
  }
}

/** SHA-256(previous hash bytes ‖ canonical bytes of the entry), lowercase hex. */
export function entryHash(prevHash: string, entry: LogEntry): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonicalBytes(hashedFields(entry)))
    .digest('hex')
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Chosen over
 * "installation id + sequence" because it needs nothing outside the entry: the migration can
 * mint ids for facts recorded before this laptop had an installation id, and a database file
 * copied to a second laptop still mints ids that never meet the first's (2^74 draws per
 * millisecond). Its time prefix keeps ids roughly in order when chains from several gates are
 * merged later.
 */
export function uuidv7(ms: number): string {
  const bytes = randomBytes(16)
  const time = BigInt(Math.max(0, Math.floor(ms)))
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn)
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function statements(db: Db) {
  return {
    head: db.prepare('SELECT seq, hash FROM log_entry ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO log_entry (seq, id, kind, at, kiosk_id, body, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }
}
const prepared = perDb(statements)

/** Prepares the log's statements now, so the first fact of a session pays no compile time. */
export function warmLog(db: Db): void {
  prepared(db)
}

export interface NewEntry<K extends LogKind> {
  kind: K
  /** Wall time, ISO 8601 UTC, as the fact's own time says. */
  at: string
  /** The installation that recorded the fact; null where it is not known (migrated facts). */
  kioskId: string | null
  body: LogBodies[K]
}

function append<K extends LogKind>(db: Db, entry: NewEntry<K>) {
  const q = prepared(db)
  const head = q.head.get() as { seq: number; hash: string } | undefined
  const full: LogEntry<K> = {
    seq: (head?.seq ?? 0) + 1,
    id: uuidv7(Date.parse(entry.at)),
    ...entry,
  }
  const hash = entryHash(head?.hash ?? GENESIS_HASH, full)
  const body = canonicalJson(full.body as CanonicalValue)
  q.insert.run(
    full.seq,
    full.id,
    full.kind,
    full.at,
    full.kioskId,
    body,
    head?.hash ?? GENESIS_HASH,
    hash,
  )
  return { seq: full.seq, id: full.id, hash }
}

/**
 * Appends one fact to the chain. Call it inside the transaction that changes the state the
 * fact describes, so both commit or neither does; outside one, it opens its own.
 */
export function appendEntry<K extends LogKind>(
  db: Db,
  entry: NewEntry<K>,
): { seq: number; id: string; hash: string } {
  return db.inTransaction ? append(db, entry) : db.transaction(() => append(db, entry)).immediate()
}

const kiosks = new WeakMap<Db, string>()

/**
 * The installation that writes through this connection, for writers whose callers do not carry
 * it (a ceremony edit, a reason set). Set once when the handler table is built over a context.
 */
export function attachKiosk(db: Db, kioskId: string): void {
  kiosks.set(db, kioskId)
}

export function kioskOf(db: Db): string | null {
  return kiosks.get(db) ?? null
}

/** SHA-256 in lowercase hex of text (UTF-8) or bytes: the digest the log records. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}
