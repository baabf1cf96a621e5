import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { looksLikePaktaForm, PAKTA_PREFIX } from '../../shared/pakta'
import type { Db } from '../db/connection'
import { getSetting, setSetting } from '../settings'

/**
 * What the QR on a pakta form holds: `PAKTA1:<ceremony>:<form>:<nip>:<mac>`, all in QR
 * alphanumeric characters (upper case, digits, colon) so the code stays small.
 * - The NIP is written in base 36: no 18-digit run, so the gate's NIP reader can never take a
 *   form for a NIP card (and check the person in by it).
 * - The MAC is an HMAC-SHA256 under a secret kept in this database, over everything before it,
 *   cut to 48 bits: changing the ceremony, the form id or the NIP (to pass a form off as
 *   another ceremony's or another person's) needs the secret, which never leaves main. A copy of
 *   the database (backup, flashdisk) keeps the secret, so its forms stay valid there.
 */
const MAC_HEX = 12
const SHAPE = /^PAKTA1:(\d{1,9}):(\d{1,9}):([0-9A-Z]{1,13}):([0-9A-F]{12})$/
const SECRET_KEY = 'pakta_secret'

export interface FormIdentity {
  ceremonyId: number
  formId: number
  nip: string
}

export type DecodedForm =
  | { ok: true; form: FormIdentity }
  /** `shape`: not a pakta form at all; `forged`: looks like one, but the MAC does not hold. */
  | { ok: false; why: 'shape' | 'forged' }

/** This database's secret, made once (32 random bytes) the first time a form is printed. */
export function formSecret(db: Db): Buffer {
  const stored = getSetting(db, SECRET_KEY)
  if (stored) return Buffer.from(stored, 'hex')
  const made = randomBytes(32)
  setSetting(db, SECRET_KEY, made.toString('hex'))
  return made
}

const nipToBase36 = (nip: string) => BigInt(nip).toString(36).toUpperCase()

function nipFromBase36(text: string): string | null {
  let n = 0n
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36))
  const nip = n.toString().padStart(18, '0')
  return nip.length === 18 ? nip : null
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex').slice(0, MAC_HEX).toUpperCase()
}

export function encodeForm(form: FormIdentity, secret: Buffer): string {
  const body = `${PAKTA_PREFIX}${form.ceremonyId}:${form.formId}:${nipToBase36(form.nip)}`
  return `${body}:${mac(secret, body)}`
}

export function decodeForm(payload: string, secret: Buffer): DecodedForm {
  // A scanner with caps lock on, or a phone app, may send it in lower case.
  const text = payload.trim().toUpperCase()
  const match = SHAPE.exec(text)
  if (!match) return { ok: false, why: looksLikePaktaForm(text) ? 'forged' : 'shape' }
  const [, ceremony, formId, nip36, given] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ]
  const body = text.slice(0, text.length - MAC_HEX - 1)
  const expected = mac(secret, body)
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
    return { ok: false, why: 'forged' }
  const nip = nipFromBase36(nip36)
  if (nip === null) return { ok: false, why: 'forged' }
  return { ok: true, form: { ceremonyId: Number(ceremony), formId: Number(formId), nip } }
}
