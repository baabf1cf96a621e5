import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'
import { GENESIS_HASH, entryHash } from './append'
import { canonicalJson, type CanonicalValue } from './canonical'
import type { HeadSignedBody, LogEntry, LogKind } from './kinds'
import { fingerprintOf } from '../keys/signature'
import { signedHeadProblem } from './signed-head'

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

/** The last signed head the chain holds: which entry, when, and by which key. */
export interface SignedHead {
  seq: number
  at: string
  fingerprint: string
  publicKey: string
}

export type ChainCheck =
  | {
      ok: true
      entries: number
      head: { seq: number; hash: string } | null
      /** The last signed head; entries after it are not yet vouched for by a signature. */
      signed: SignedHead | null
      unsigned: number
      message: string
    }
  | { ok: false; entries: number; broken: ChainBreak; message: string }

/** A log_entry row as SQLite gives it back. */
export interface LogRow {
  seq: number
  id: string
  kind: string
  at: string
  kiosk_id: string | null
  body: string
  prev_hash: string
  hash: string
}

/**
 * The first entry whose id an earlier entry already has, with that earlier entry: the table
 * has no index on ids (a page less for every scan to write), so a repeat is found here. Sorted
 * by SQLite, in its temporary storage, so a long log does not fill memory.
 */
function firstRepeatedId(db: Db): { seq: number; firstSeq: number } | null {
  const row = db
    .prepare(
      `SELECT seq, first AS firstSeq FROM (
         SELECT seq, row_number() OVER w AS n, first_value(seq) OVER w AS first
         FROM log_entry WINDOW w AS (PARTITION BY id ORDER BY seq)
       ) WHERE n = 2 ORDER BY seq LIMIT 1`,
    )
    .get() as { seq: number; firstSeq: number } | undefined
  return row ?? null
}

/** What is wrong with one row given the hash before it; null when it holds. */
function problemOf(
  row: LogRow,
  expectedSeq: number,
  prevHash: string,
  repeat: { seq: number; firstSeq: number } | null,
): string | null {
  if (repeat?.seq === row.seq) {
    return `id entri ini sama dengan id entri nomor ${formatCount(repeat.firstSeq)}: id tidak pernah berulang, jadi salah satunya disalin atau dipalsukan`
  }
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
  if (row.kind === 'head.signed')
    return signedHeadProblem(body as HeadSignedBody, row.seq, prevHash)
  return null
}

function signedHeadOf(row: LogRow): SignedHead {
  const { publicKey } = JSON.parse(row.body) as HeadSignedBody
  return { seq: row.seq, at: row.at, fingerprint: fingerprintOf(publicKey), publicKey }
}

function okMessage(entries: number, signed: SignedHead | null): string {
  const whole = `Log basis data utuh: ${formatCount(entries)} entri, semua hash cocok.`
  if (!signed) return `${whole} Belum ada kepala rantai yang ditandatangani.`
  const after = entries - signed.seq
  const tail =
    after === 0
      ? 'tidak ada entri sesudahnya'
      : `${formatCount(after)} entri sesudahnya belum ditandatangani`
  return `${whole} Ditandatangani terakhir di entri nomor ${formatCount(signed.seq)} oleh ${signed.fingerprint} (${tail}).`
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
    let signed: SignedHead | null = null
    const repeat = firstRepeatedId(db)
    const rows = db
      .prepare('SELECT * FROM log_entry ORDER BY seq')
      .iterate() as IterableIterator<LogRow>
    for (const row of rows) {
      const problem = problemOf(row, expected, prevHash, repeat)
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
      if (row.kind === 'head.signed') signed = signedHeadOf(row)
      prevHash = row.hash
      expected++
    }
    const entries = expected - 1
    return {
      ok: true,
      entries,
      head: chainHead(db),
      signed,
      unsigned: entries - (signed?.seq ?? 0),
      message: okMessage(entries, signed),
    }
  })()
}
