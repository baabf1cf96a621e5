import { createHash, hash, randomUUID } from 'node:crypto'
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import { canonicalJson, type CanonicalValue } from './canonical'
import type { LogBodies, LogEntry, LogKind } from './kinds'

/** The previous hash of the first entry: 32 zero bytes. */
export const GENESIS_HASH = '0'.repeat(64)

/**
 * The canonical text of one entry as it is hashed: every column but the hashes, under the
 * column names, so a tool reading the table can rebuild it without this code
 * (docs/log-format.md). Written around the body's canonical text, already made for the body
 * column, rather than canonicalising the body twice on every scan; the keys are in canonical
 * (sorted) order: at, body, id, kind, kiosk_id, seq.
 */
function entryText(entry: Omit<LogEntry, 'body'>, bodyJson: string): string {
  const { at, id, kind, kioskId, seq } = entry
  if (
    typeof at === 'string' &&
    typeof id === 'string' &&
    typeof kind === 'string' &&
    (kioskId === null || typeof kioskId === 'string') &&
    Number.isSafeInteger(seq)
  ) {
    // Strings, null and an integer: JSON.stringify writes each as canonicalJson would, without
    // walking objects made for them, twice per entry of a chain of tens of thousands.
    const t = JSON.stringify
    return `{"at":${t(at)},"body":${bodyJson},"id":${t(id)},"kind":${t(kind)},"kiosk_id":${t(kioskId)},"seq":${seq}}`
  }
  // Anything else (a damaged row): canonicalJson writes it, or refuses it.
  const head = canonicalJson({ at })
  const tail = canonicalJson({ id, kind, kiosk_id: kioskId, seq })
  return `${head.slice(0, -1)},"body":${bodyJson},${tail.slice(1)}`
}

function hashOf(prevHash: string, text: string): string {
  // One buffer and the one-shot hash: a third cheaper than a Hash object fed twice, which
  // counts when a hub verifies tens of thousands of another kiosk's entries.
  const bytes = Buffer.allocUnsafe(32 + Buffer.byteLength(text, 'utf8'))
  if (prevHash.length !== 64 || bytes.write(prevHash, 0, 32, 'hex') !== 32) {
    // Not 64 hex digits (a damaged row): hashed as before, from the bytes it does decode to.
    return createHash('sha256')
      .update(Buffer.from(prevHash, 'hex'))
      .update(text, 'utf8')
      .digest('hex')
  }
  bytes.write(text, 32, 'utf8')
  return hash('sha256', bytes, 'hex')
}

/** SHA-256(previous hash bytes ‖ canonical bytes of the entry), lowercase hex. */
export function entryHash(prevHash: string, entry: LogEntry): string {
  return entryHashOfBody(prevHash, entry, canonicalJson(entry.body as CanonicalValue))
}

/**
 * entryHash for a caller that already holds the body's canonical text (the hub stores that
 * text too), so a chain of thousands of entries is canonicalised once, not once per use.
 */
export function entryHashOfBody(
  prevHash: string,
  entry: Omit<LogEntry, 'body'>,
  bodyJson: string,
): string {
  return hashOf(prevHash, entryText(entry, bodyJson))
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
  // randomUUID draws from a batched entropy pool (about ten times cheaper per call than
  // randomBytes on the scan path); its v4 layout already has the RFC variant bits, so the
  // first 48 bits become the time and the version nibble becomes 7: 74 random bits stay.
  const random = randomUUID()
  const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0')
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`
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
  const body = canonicalJson(full.body as CanonicalValue)
  const hash = hashOf(head?.hash ?? GENESIS_HASH, entryText(full, body))
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
