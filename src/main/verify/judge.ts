import type { FileCheck, SignedBy } from '../../shared/contract/authenticity'
import { formatCount } from '../../shared/format'
import { fingerprintOf, verificationCodeOf } from '../keys/signature'
import { LISTED } from './compare'

export interface VerifyOptions {
  /** This kiosk's public key: a file it signed is said to be its own. */
  ownKey?: string
  /**
   * The key a file must be signed with, as a public key or its fingerprint (a folder's manifest
   * key for its files, or one given to the CLI): a valid signature by another key is a change.
   */
  expectedKey?: string
  /** Check each workbook's content even where its SHA-256 matches the manifest (slower). */
  fullContent?: boolean
  /** Files checked of a folder's total, and which, in Indonesian. */
  progress?: (done: number, total: number, label: string) => void
}

export function signedBy(publicKey: string, at: string, options: VerifyOptions): SignedBy {
  return {
    fingerprint: fingerprintOf(publicKey),
    publicKey,
    at,
    ownKiosk: options.ownKey === publicKey,
  }
}

export function unreadable(name: string, what: string, why: string): FileCheck {
  return {
    name,
    verdict: 'tidak-terbaca',
    what,
    signedBy: null,
    code: null,
    rows: null,
    findings: [why],
    note: null,
  }
}

/** At most LISTED findings, then how many more: a report stays readable. */
export function capped(findings: readonly string[]): string[] {
  if (findings.length <= LISTED) return [...findings]
  const rest = findings.length - LISTED
  return [...findings.slice(0, LISTED), `… dan ${formatCount(rest)} perbedaan lainnya.`]
}

/** A fingerprint as typed from paper: case, spaces, dots and dashes do not matter. */
const fingerprintDigits = (f: string) =>
  f
    .toUpperCase()
    .replace(/^\s*KIOSK/, '')
    .replace(/[^0-9A-F]/g, '')

const isFingerprint = (key: string) => /^\s*kiosk/i.test(key)

/** The key a signature must be by, when one is expected, as a finding; null when it is fine. */
export function wrongKey(publicKey: string, options: VerifyOptions): string | null {
  const expected = options.expectedKey
  const fingerprint = fingerprintOf(publicKey)
  if (!expected || expected === publicKey) return null
  if (isFingerprint(expected) && fingerprintDigits(expected) === fingerprintDigits(fingerprint)) {
    return null
  }
  const wanted = isFingerprint(expected) ? expected.trim() : fingerprintOf(expected)
  return `Ditandatangani kunci ${fingerprint}, bukan kunci ${wanted} yang diharapkan.`
}

interface Sealed {
  publicKey: string
  signedAt: string
  signature: string
  rows: readonly unknown[]
}

/**
 * A file's verdict from its seal: the signature first (without it the rows prove nothing),
 * then the expected key, then what `compare` finds between the file's tables and the rows.
 */
export function judgeSeal(
  name: string,
  what: string,
  seal: Sealed,
  holds: boolean,
  options: VerifyOptions,
  compare: () => string[],
): FileCheck {
  const base = {
    name,
    what,
    signedBy: signedBy(seal.publicKey, seal.signedAt, options),
    code: verificationCodeOf(seal.signature),
    rows: seal.rows.length,
    note: null,
  }
  if (!holds) {
    return {
      ...base,
      verdict: 'diubah',
      findings: [
        `Tanda tangan tidak cocok dengan baris yang ditandatangani: lembar keaslian diubah, atau tanda tangan tidak dibuat oleh kunci yang disebutnya (${fingerprintOf(seal.publicKey)}).`,
      ],
    }
  }
  const findings = [wrongKey(seal.publicKey, options), ...compare()].filter(
    (f): f is string => f !== null,
  )
  return { ...base, verdict: findings.length ? 'diubah' : 'asli', findings: capped(findings) }
}
