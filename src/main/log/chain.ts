import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'
import { GENESIS_HASH, entryHash } from './append'
import { canonicalJson, type CanonicalValue } from './canonical'
import type { LogEntry, LogKind } from './kinds'

/** The last entry of the chain: what a signed manifest or a signed head vouches for. */
export function chainHead(db: Db): { seq: number; hash: string } | null {
  const row = db.prepare('SELECT seq, hash FROM log_entry ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined
  return row ?? null
}

export interface ChainBreak {
  seq: number
  id: string
  /** What is wrong with that entry, in Indonesian. */
  problem: string
}

export type ChainCheck =
  | { ok: true; entries: number; head: { seq: number; hash: string } | null; message: string }
  | { ok: false; entries: number; broken: ChainBreak; message: string }

interface Row {
  seq: number
  id: string
  kind: string
  at: string
  kiosk_id: string | null
  body: string
  prev_hash: string
  hash: string
}

/** What is wrong with one row given the hash before it; null when it holds. */
function problemOf(row: Row, expectedSeq: number, prevHash: string): string | null {
  if (row.seq !== expectedSeq) {
    return row.seq > expectedSeq
      ? `nomor urut ${formatCount(row.seq)} padahal seharusnya ${formatCount(expectedSeq)}: entri ke-${formatCount(expectedSeq)} sampai ke-${formatCount(row.seq - 1)} hilang (dihapus)`
      : `nomor urut ${formatCount(row.seq)} tidak berurutan`
  }
  if (row.prev_hash !== prevHash) {
    return 'hash entri sebelumnya yang tercatat di entri ini tidak cocok: entri sebelumnya diubah, dihapus atau diganti, atau entri ini disisipkan'
  }
  let body: CanonicalValue
  try {
    body = JSON.parse(row.body) as CanonicalValue
    if (canonicalJson(body) !== row.body) return 'isi entri tidak dalam bentuk kanonik'
  } catch {
    return 'isi entri bukan JSON yang sah'
  }
  const entry: LogEntry = {
    seq: row.seq,
    id: row.id,
    kind: row.kind as LogKind,
    at: row.at,
    kioskId: row.kiosk_id,
    body: body as LogEntry['body'],
  }
  if (entryHash(prevHash, entry) !== row.hash) {
    return 'hash tidak cocok dengan isinya: entri ini diubah sesudah dicatat, atau dipalsukan'
  }
  return null
}

/**
 * Recomputes every hash from the first entry, and names the first entry that breaks: its
 * sequence number, its id and what is wrong. Reads in one transaction, so entries appended while
 * it runs are simply not part of what it checked.
 */
export function verifyChain(db: Db): ChainCheck {
  return db.transaction((): ChainCheck => {
    let prevHash = GENESIS_HASH
    let expected = 1
    const rows = db
      .prepare('SELECT * FROM log_entry ORDER BY seq')
      .iterate() as IterableIterator<Row>
    for (const row of rows) {
      const problem = problemOf(row, expected, prevHash)
      if (problem !== null) {
        rows.return?.()
        const broken = { seq: row.seq, id: row.id, problem }
        return {
          ok: false,
          entries: expected - 1,
          broken,
          message: `Log basis data rusak di entri nomor ${formatCount(row.seq)} (id ${row.id}): ${problem}. ${formatCount(expected - 1)} entri sebelumnya utuh.`,
        }
      }
      prevHash = row.hash
      expected++
    }
    const entries = expected - 1
    return {
      ok: true,
      entries,
      head: chainHead(db),
      message: `Log basis data utuh: ${formatCount(entries)} entri, semua hash cocok.`,
    }
  })()
}
