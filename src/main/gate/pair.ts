// Pairing a gate: read the hub's offer (QR text, or address + port + typed code), see the
// certificate the hub presents (and, from a QR, require the one it names), prove the code
// against that certificate, keep the credential and the pinned certificate, then take the
// hub's ceremony, ikrar text and roster.
import { z } from 'zod'
import { PAIRING_QR_PREFIX } from '../../shared/contract/hub'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import type { Sealer } from '../keys/kiosk-key'
import type { KioskKey } from '../keys/signature'
import { pairingProof, pairingProofText } from '../hub/pairing'
import { API, type PairResponse } from '../hub/wire'
import { packageSchema } from '../paket/format'
import { HubClient, HubRefused, PIN_MISMATCH, probeCertificate } from './client'
import { saveLink, type PairedLink } from './link'
import { takeAcara } from './take'

const offerSchema = z
  .object({
    a: z.ipv4(),
    p: z.number().int().min(1).max(65_535),
    f: z.string().regex(/^[0-9a-f]{64}$/),
    c: z.string().min(4).max(20),
  })
  .strict()

export type PairInput = { qr: string } | { address: string; port: number; code: string }

interface Offer {
  address: string
  port: number
  code: string
  /** From a QR: the certificate the hub must present. Typed: none (the proof binds it). */
  certSha256: string | null
}

export function readOffer(input: PairInput): Offer {
  if (!('qr' in input)) return { ...input, certSha256: null }
  const bad = new UserError(
    'BAD_INPUT',
    'Kode QR ini bukan kode pasangan kiosk induk (harus diawali APEL-HUB1:). Pindai QR di layar kiosk induk.',
  )
  if (!input.qr.startsWith(PAIRING_QR_PREFIX)) throw bad
  let json: unknown
  try {
    json = JSON.parse(
      Buffer.from(input.qr.slice(PAIRING_QR_PREFIX.length), 'base64url').toString('utf8'),
    )
  } catch {
    throw bad
  }
  const parsed = offerSchema.safeParse(json)
  if (!parsed.success) throw bad
  const { a, p, f, c } = parsed.data
  return { address: a, port: p, code: c, certSha256: f }
}

export interface PairedGate {
  link: PairedLink
  ceremonyId: number
  employees: number
}

export async function pairWithHub(
  db: Db,
  me: { kioskId: string; key: KioskKey; name: string; now(): Date; sealer?: Sealer },
  input: PairInput,
  timeoutMs = 5_000,
): Promise<PairedGate> {
  const offer = readOffer(input)
  const seen = await probeCertificate(offer.address, offer.port, timeoutMs).catch((e: Error) => {
    throw new UserError('HUB_UNREACHABLE', e.message)
  })
  if (offer.certSha256 !== null && seen.sha256 !== offer.certSha256) {
    throw new UserError('PIN_MISMATCH', PIN_MISMATCH)
  }
  const endpoint = {
    address: offer.address,
    port: offer.port,
    certPem: seen.certPem,
    certSha256: seen.sha256,
  }
  const proof = pairingProof(
    offer.code,
    pairingProofText(seen.sha256, me.kioskId, me.key.publicKey),
  )
  const pairing = new HubClient(endpoint)
  let answer: PairResponse
  try {
    answer = await pairing.request<PairResponse>(
      'POST',
      `${API}/pasangan`,
      { kioskId: me.kioskId, publicKey: me.key.publicKey, name: me.name, proof },
      timeoutMs,
    )
  } catch (error) {
    throw asUserError(error)
  } finally {
    pairing.close()
  }
  const authed = new HubClient({
    ...endpoint,
    authorization: `Apel ${me.kioskId} ${answer.secret}`,
  })
  let acara: unknown
  try {
    acara = await authed.request('GET', `${API}/acara`, undefined, timeoutMs * 4)
  } catch (error) {
    throw asUserError(error)
  } finally {
    authed.close()
  }
  const parsed = packageSchema.safeParse(acara)
  if (!parsed.success) {
    throw new UserError(
      'HUB_BAD_ANSWER',
      'Data acara dari kiosk induk tidak sah; pasangan dibatalkan.',
    )
  }
  const now = me.now()
  const link: PairedLink = {
    hubKioskId: answer.hubKioskId,
    ...endpoint,
    credential: answer.secret,
    label: answer.label,
    pairedAt: now.toISOString(),
    // The whole chain goes to the hub, from its first entry: anchored at the genesis, and
    // resent entries change nothing there.
    ackSeq: 0,
    offsetMs: null,
    lastContact: now.toISOString(),
    ceremonyGlobalId: parsed.data.ceremony.globalId,
  }
  return db
    .transaction(() => {
      saveLink(db, link, me.sealer)
      const taken = takeAcara(db, parsed.data, { label: answer.label, kioskId: me.kioskId, now })
      return { link, ...taken }
    })
    .immediate()
}

function asUserError(error: unknown): UserError {
  if (error instanceof HubRefused) return new UserError(error.refusal.code, error.refusal.message)
  return new UserError('HUB_UNREACHABLE', (error as Error).message)
}
