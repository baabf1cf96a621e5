// The gate's outbox is its own log after what the hub acknowledged: nothing is copied aside, so
// nothing recorded can be missed by a copy that did not happen.
import type { Db } from '../db/connection'
import { perDb } from '../db/per-db'
import type { WireEntry } from '../hub/wire'

function statements(db: Db) {
  return {
    after: db.prepare(
      `SELECT seq, id, kind, at, kiosk_id AS kioskId, body, prev_hash AS prevHash, hash
       FROM log_entry WHERE seq > ? ORDER BY seq LIMIT ?`,
    ),
    count: db.prepare('SELECT count(*) FROM log_entry WHERE seq > ?').pluck(),
    head: db.prepare('SELECT coalesce(max(seq), 0) FROM log_entry').pluck(),
    headId: db.prepare('SELECT id FROM log_entry ORDER BY seq DESC LIMIT 1').pluck(),
  }
}
const prepared = perDb(statements)

/** The next entries to push, in seq order, at most `limit`. */
export function outboxAfter(db: Db, ackSeq: number, limit: number): WireEntry[] {
  const rows = prepared(db).after.all(ackSeq, limit) as (Omit<WireEntry, 'body'> & {
    body: string
  })[]
  return rows.map((r) => ({ ...r, body: JSON.parse(r.body) as WireEntry['body'] }))
}

/** "belum terkirim: N". */
export function backlogAfter(db: Db, ackSeq: number): number {
  return prepared(db).count.get(ackSeq) as number
}

export function logHead(db: Db): number {
  return prepared(db).head.get() as number
}

/** The id of the entry just appended (a scan's, right after its commit). */
export function headEntryId(db: Db): string | null {
  return (prepared(db).headId.get() as string | undefined) ?? null
}
