// One-time pairing codes: the hub shows one (QR and typed), a gate proves it knows it without
// sending it, once, within a few minutes. Kept in memory: a hub restarted shows a new code.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { PAIRING_QR_PREFIX, type PairingOffer } from '../../shared/contract/hub'
import { groupedFingerprint } from './tls'

export const CODE_VALID_MS = 5 * 60_000
/** Wrong proofs an offer takes before it is burned: 40 bits cannot be guessed in five tries. */
const MAX_WRONG = 5
/** Crockford's base32: no I, L, O, U, so a typed code is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 8

/** What a gate's proof covers: the certificate it saw, and who it is. */
export function pairingProofText(certSha256: string, kioskId: string, publicKey: string): string {
  return `apel-pasangan/1|${certSha256}|${kioskId}|${publicKey}`
}

/** "k7qf 9xmd", "K7QF-9XMD": the same code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '')

export function pairingProof(code: string, proofText: string): string {
  return createHmac('sha256', normaliseCode(code)).update(proofText).digest('hex')
}

/** The QR's text and back: PAIRING_QR_PREFIX + base64url JSON { a, p, f, c }. */
export function pairingQr(o: { address: string; port: number; fingerprint: string; code: string }) {
  const json = JSON.stringify({ a: o.address, p: o.port, f: o.fingerprint, c: o.code })
  return PAIRING_QR_PREFIX + Buffer.from(json).toString('base64url')
}

export type Refused = { refused: 'CODE_WRONG' | 'CODE_EXPIRED' | 'CODE_USED' | 'NO_CODE' }

export const PAIRING_MESSAGES: Record<Refused['refused'], string> = {
  NO_CODE: 'Kiosk induk belum membuka kode pasangan. Minta petugas induk menampilkan kode baru.',
  CODE_WRONG: 'Kode pasangan salah. Periksa kode di layar kiosk induk.',
  CODE_EXPIRED:
    'Kode pasangan sudah kedaluwarsa (berlaku 5 menit). Minta kode baru di kiosk induk.',
  CODE_USED: 'Kode pasangan sudah dipakai. Setiap gerbang memakai kode baru dari kiosk induk.',
}

interface Open {
  code: string
  expiresAt: number
  used: boolean
  wrong: number
  offer: PairingOffer
}

export class PairingDesk {
  private open: Open | null = null

  constructor(private readonly now: () => Date) {}

  /** A new code (the previous one stops working) for the server as it listens now. */
  offer(server: { address: string; port: number; fingerprint: string }): PairingOffer {
    const code = Array.from(
      { length: CODE_LENGTH },
      () => ALPHABET[randomInt(ALPHABET.length)],
    ).join('')
    const expiresAt = this.now().getTime() + CODE_VALID_MS
    const offer: PairingOffer = {
      qr: pairingQr({ ...server, code }),
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      address: server.address,
      port: server.port,
      certFingerprint: groupedFingerprint(server.fingerprint),
      expiresAt: new Date(expiresAt).toISOString(),
    }
    this.open = { code, expiresAt, used: false, wrong: 0, offer }
    return offer
  }

  /** The offer still usable, for the hub's screen; null when none. */
  current(): PairingOffer | null {
    const o = this.open
    return o && !o.used && o.wrong < MAX_WRONG && this.now().getTime() <= o.expiresAt
      ? o.offer
      : null
  }

  /** Checks a gate's proof and uses the code up; a refusal says why. */
  redeem(proof: string, proofText: string): Refused | null {
    const o = this.open
    if (!o) return { refused: 'NO_CODE' }
    if (o.used) return { refused: 'CODE_USED' }
    if (this.now().getTime() > o.expiresAt) return { refused: 'CODE_EXPIRED' }
    if (o.wrong >= MAX_WRONG) return { refused: 'CODE_EXPIRED' }
    const expected = Buffer.from(pairingProof(o.code, proofText), 'hex')
    const given = Buffer.from(proof, 'hex')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      o.wrong += 1
      return { refused: 'CODE_WRONG' }
    }
    o.used = true
    return null
  }

  close(): void {
    this.open = null
  }
}
