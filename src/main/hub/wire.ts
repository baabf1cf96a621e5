// What travels between a gate and its hub over TLS, defined once for both sides and checked
// with zod as strictly as the renderer's contract: unknown fields are refused, every string and
// list has a bound. The log entries are the gate's own chain (docs/log-format.md).
import { z } from 'zod'

/** The path prefix: a later, incompatible protocol gets /v2 and an old gate a clear refusal. */
export const API = '/v1'

/** A gate's credential as it travels in "Apel <kioskId> <secret>": base64url, bounded. */
export const SECRET_PATTERN = '[A-Za-z0-9_-]{1,100}'

/** Entries in one push: a batch stays well under the body limit and one commit at the hub. */
export const MAX_BATCH = 500

const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`))
const kioskId = z.string().min(1).max(64)
const iso = z.string().max(40)
const text = (max: number) => z.string().max(max)

export const pairRequest = z
  .object({
    kioskId,
    /** The gate's Ed25519 key (raw, base64), the one its signed heads carry. */
    publicKey: z.string().max(64),
    /** The kiosk's own name for itself, shown beside "Gerbang N" at the hub. */
    name: text(120),
    /**
     * HMAC-SHA256(code, pairingProofText(...)), hex: the code itself never travels, and a proof
     * made against another certificate (a man in the middle) is worthless at the real hub.
     */
    proof: hex(64),
  })
  .strict()
export type PairRequest = z.infer<typeof pairRequest>

export interface PairResponse {
  hubKioskId: string
  /** "Gerbang N". */
  label: string
  /** The gate's credential: the hub keeps only its SHA-256. */
  secret: string
  hubTime: number
}

export const wireEntry = z
  .object({
    seq: z.number().int().positive(),
    id: z.string().max(40),
    kind: text(40),
    at: iso,
    kioskId: kioskId.nullable(),
    /** The body as a canonical JSON object; the hub re-canonicalises and recomputes the hash. */
    body: z.record(z.string(), z.unknown()),
    prevHash: hex(64),
    hash: hex(64),
  })
  .strict()
export type WireEntry = z.infer<typeof wireEntry>

export const pushRequest = z
  .object({
    /** A fresh random value per request: the hub refuses one it has seen (a replay). */
    nonce: hex(32),
    /** The gate's clock when it sent this, ms since the epoch: one end of the offset. */
    sentAt: z.number().int().nonnegative(),
    /** What the gate last measured (hub clock minus gate clock), for the hub's gate list. */
    offsetMs: z.number().int().nullable(),
    /** Entries still waiting at the gate after this batch. */
    backlog: z.number().int().nonnegative(),
    entries: z.array(wireEntry).max(MAX_BATCH),
  })
  .strict()
export type PushRequest = z.infer<typeof pushRequest>

/** The hub's word on one scan of the batch that recorded an arrival at the gate. */
export type Verdict =
  | { entryId: string; verdict: 'counted' }
  /** Someone else's scan counts: where (label) and when (ISO) it was. */
  | { entryId: string; verdict: 'repeat'; where: string; firstAt: string }

export interface PushResponse {
  /** The highest seq the hub holds for this gate: the gate sends after it next time. */
  ackSeq: number
  /** Hub clock when the request arrived and when the answer left, ms: the offset's other end. */
  receivedAt: number
  repliedAt: number
  verdicts: Verdict[]
}

/** Every refusal carries its reason in Indonesian, for the gate's screen and the hub's log. */
export interface Refusal {
  code: string
  message: string
}
