// The gate's one hub, as stored at the gate (table gate_link, migration 0013). The credential
// that lets the gate push is sealed by the OS (Electron's safeStorage, like the kiosk's key in
// keys/kiosk-key.ts), so a copy of the database file alone cannot push as this gate.
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { SECRET_PATTERN } from '../hub/wire'
import type { Sealer } from '../keys/kiosk-key'

export interface StoredLink {
  hubKioskId: string
  address: string
  port: number
  certPem: string
  certSha256: string
  label: string
  pairedAt: string
  ackSeq: number
  offsetMs: number | null
  lastContact: string | null
  ceremonyGlobalId: string | null
}

/** A link as pairing makes it: with the credential the hub gave, which is never read back whole. */
export interface PairedLink extends StoredLink {
  credential: string
}

/**
 * Marks a sealed credential in gate_link.credential: base64 after it. The hub's credentials are
 * base64url, which has no ':', so a row without it is one the previous release wrote in plain
 * text (or one kept plain because the OS had no secret store).
 */
const SEALED_PREFIX = 'segel:'

const SECRET = new RegExp(`^${SECRET_PATTERN}$`)

/** What the officer reads when the credential cannot be opened on this laptop. */
export const CREDENTIAL_UNREADABLE =
  'Kunci sambungan gerbang ini ke kiosk induk tidak dapat dibuka di laptop ini (basis data disalin dari laptop lain, atau akun atau sistem laptop berganti). Kedatangan yang tercatat di sini tetap ada. Pasangkan gerbang ini lagi: di kiosk induk buat kode pasangan, lalu di sini pindai QR-nya.'

/** Sealed when the OS can seal; kept plain where it has no secret store (no false seal). */
function sealed(credential: string, sealer: Sealer | undefined): string {
  if (!sealer) return credential
  return SEALED_PREFIX + sealer.encryptString(credential).toString('base64')
}

/** Throws the officer's message when the seal will not open or opens to something else. */
function unsealed(stored: string, sealer: Sealer | undefined): string {
  if (!stored.startsWith(SEALED_PREFIX)) return stored
  let credential: string
  try {
    if (!sealer) throw new Error('no secret store')
    credential = sealer.decryptString(Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64'))
  } catch {
    throw new UserError('GATE_CREDENTIAL', CREDENTIAL_UNREADABLE)
  }
  // Another laptop's seal can "open" to noise rather than fail: the hub would refuse it anyway.
  if (!SECRET.test(credential)) throw new UserError('GATE_CREDENTIAL', CREDENTIAL_UNREADABLE)
  return credential
}

export function readLink(db: Db): StoredLink | null {
  const row = db
    .prepare(
      `SELECT hub_kiosk_id AS hubKioskId, address, port, cert_pem AS certPem, cert_sha256 AS certSha256,
         label, paired_at AS pairedAt, ack_seq AS ackSeq, offset_ms AS offsetMs,
         last_contact AS lastContact, ceremony_global_id AS ceremonyGlobalId
       FROM gate_link WHERE id = 1`,
    )
    .get() as StoredLink | undefined
  return row ?? null
}

/** The column as it is: sealed, or plain from before. */
const storedCredential = (db: Db) =>
  db.prepare('SELECT credential FROM gate_link WHERE id = 1').pluck().get() as string | undefined

/** The credential the pusher sends; a UserError when unpaired or when it cannot be opened. */
export function readCredential(db: Db, sealer: Sealer | undefined): string {
  const stored = storedCredential(db)
  if (stored === undefined)
    throw new UserError('NOT_PAIRED', 'Laptop ini belum berpasangan dengan kiosk induk.')
  return unsealed(stored, sealer)
}

export function saveLink(db: Db, link: PairedLink, sealer: Sealer | undefined): void {
  db.prepare(
    `INSERT OR REPLACE INTO gate_link (id, hub_kiosk_id, address, port, cert_pem, cert_sha256, credential,
       label, paired_at, ack_seq, offset_ms, last_contact, ceremony_global_id)
     VALUES (1, @hubKioskId, @address, @port, @certPem, @certSha256, @credential, @label, @pairedAt,
       @ackSeq, @offsetMs, @lastContact, @ceremonyGlobalId)`,
  ).run({ ...link, credential: sealed(link.credential, sealer) })
}

/**
 * Seals a credential still in plain text (written by the previous release, or while the OS had
 * no secret store) once the OS can seal it: called when the gate's services are made.
 */
export function sealPlainCredential(db: Db, sealer: Sealer | undefined): void {
  if (!sealer) return
  const stored = storedCredential(db)
  if (stored === undefined || stored.startsWith(SEALED_PREFIX)) return
  db.prepare('UPDATE gate_link SET credential = ? WHERE id = 1 AND credential = ?').run(
    sealed(stored, sealer),
    stored,
  )
}

export function clearLink(db: Db): void {
  db.prepare('DELETE FROM gate_link').run()
}

/** After an answer from the hub: never moves the acknowledgement back (answers can cross). */
export function noteAnswer(
  db: Db,
  answer: { ackSeq: number; offsetMs: number | null; at: Date },
): void {
  db.prepare(
    `UPDATE gate_link SET ack_seq = max(ack_seq, ?), offset_ms = ?, last_contact = ? WHERE id = 1`,
  ).run(answer.ackSeq, answer.offsetMs, answer.at.toISOString())
}
