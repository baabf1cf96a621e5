import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { formatFingerprint, formatVerificationCode } from '../../shared/fingerprint'
import { sha256Hex } from '../log/append'

/**
 * An installation's Ed25519 key as plain data, so it can be handed to a job's worker thread
 * in the same process: the private key as PKCS#8 DER, the public key as its 32 raw bytes,
 * both base64.
 */
export interface KioskKey {
  privateKey: string
  publicKey: string
}

/** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 key bytes. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const RAW_KEY_BYTES = 32

export function rawPublicKey(privateKeyDer: Buffer): string {
  const spki = createPublicKey(
    createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }),
  ).export({ format: 'der', type: 'spki' })
  return spki.subarray(spki.length - RAW_KEY_BYTES).toString('base64')
}

function publicKeyObject(publicKey: string) {
  const raw = Buffer.from(publicKey, 'base64')
  if (raw.length !== RAW_KEY_BYTES) return null
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
}

/** The Ed25519 signature of `bytes`, base64. */
export function signBytes(key: KioskKey, bytes: Buffer): string {
  const privateKey = createPrivateKey({
    key: Buffer.from(key.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  })
  return sign(null, bytes, privateKey).toString('base64')
}

/** Whether `signature` is the named public key's signature of `bytes`; false for any malformed part. */
export function verifyBytes(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = publicKeyObject(publicKey)
    const sig = Buffer.from(signature, 'base64')
    return key !== null && sig.length === 64 && verify(null, bytes, key, sig)
  } catch {
    return false
  }
}

/** "KIOSK-7F3A · 91C2-…" of a base64 raw public key. */
export function fingerprintOf(publicKey: string): string {
  return formatFingerprint(sha256Hex(Buffer.from(publicKey, 'base64')))
}

/** The short code a printed sheet carries for its signature. */
export function verificationCodeOf(signature: string): string {
  return formatVerificationCode(sha256Hex(Buffer.from(signature, 'base64')))
}
