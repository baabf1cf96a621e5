// The chain's head, signed with the installation's key and appended as an entry of its own:
// what the log alone cannot show (entries dropped from its end, or a tail rewritten with
// recomputed hashes) shows against the last signed head (docs/log-format.md).
import type { Db } from '../db/connection'
import { fingerprintOf, signBytes, verifyBytes, type KioskKey } from '../keys/signature'
import { appendEntry } from './append'
import { canonicalJson } from './canonical'
import type { HeadSignedBody, HeadSigningReason } from './kinds'

export const HEAD_FORMAT = 'kiosk-apel-kepala-rantai/1'

/** While scans arrive, the head is signed at most this often. */
export const PERIODIC_SIGNING_MS = 5 * 60_000

/** The bytes a head's signature covers: the format, the head's sequence number and its hash. */
export function headSignedBytes(head: { seq: number; hash: string }): Buffer {
  return Buffer.from(canonicalJson({ format: HEAD_FORMAT, hash: head.hash, seq: head.seq }))
}

/**
 * Signs the head as it stands and appends the signature; null when there is nothing new to sign
 * (an empty chain, or a head that is itself a signed head). One immediate transaction, so the
 * head signed is the entry the signature follows.
 */
export function signHead(
  db: Db,
  key: KioskKey,
  what: { reason: HeadSigningReason; at: Date; kioskId: string },
): { seq: number; hash: string } | null {
  return db
    .transaction(() => {
      const head = db
        .prepare('SELECT seq, hash, kind FROM log_entry ORDER BY seq DESC LIMIT 1')
        .get() as { seq: number; hash: string; kind: string } | undefined
      if (!head || head.kind === 'head.signed') return null
      const body: HeadSignedBody = {
        headSeq: head.seq,
        headHash: head.hash,
        publicKey: key.publicKey,
        signature: signBytes(key, headSignedBytes({ seq: head.seq, hash: head.hash })),
        reason: what.reason,
      }
      appendEntry(db, {
        kind: 'head.signed',
        at: what.at.toISOString(),
        kioskId: what.kioskId,
        body,
      })
      return { seq: head.seq, hash: head.hash }
    })
    .immediate()
}

/**
 * What is wrong with a signed-head entry at `seq` whose previous hash is `prevHash`; null when
 * it signs exactly the entry before it with a signature that holds.
 */
export function signedHeadProblem(
  body: HeadSignedBody,
  seq: number,
  prevHash: string,
): string | null {
  if (body.headSeq !== seq - 1 || body.headHash !== prevHash) {
    return 'kepala rantai yang ditandatangani bukan entri sebelumnya'
  }
  const bytes = headSignedBytes({ seq: body.headSeq, hash: body.headHash })
  if (!verifyBytes(body.publicKey, bytes, body.signature)) {
    return `tanda tangan kepala rantai tidak sah untuk kunci ${fingerprintOf(body.publicKey)}`
  }
  return null
}

/**
 * "Every few minutes while scans arrive": called after each scan, signs once PERIODIC_SIGNING_MS
 * have passed since the start or the last signing, on the monotonic clock (a clock change
 * neither skips nor floods it). A failure (a full disk) is logged, never thrown: the scan it
 * follows is already on disk and its answer must still reach the gate.
 */
export function periodicHeadSigner(
  db: Db,
  key: KioskKey,
  kioskId: string,
  clock: { monotonicMs(): number; now(): Date },
): () => void {
  let last = clock.monotonicMs()
  return () => {
    const t = clock.monotonicMs()
    if (t - last < PERIODIC_SIGNING_MS) return
    last = t
    try {
      signHead(db, key, { reason: 'berkala', at: clock.now(), kioskId })
    } catch (error) {
      console.error('[kepala rantai]', error)
    }
  }
}

/**
 * "At ceremony close": when another ceremony is made active, or the kiosk quits, the head is
 * signed, so what was recorded for the ceremony being closed is vouched for before anything
 * else is appended. A failure is logged, never thrown: closing must not be refused for it.
 */
export function signAtClose(db: Db, key: KioskKey, what: { at: Date; kioskId: string }): void {
  try {
    signHead(db, key, { reason: 'penutupan', ...what })
  } catch (error) {
    console.error('[kepala rantai]', error)
  }
}
