// The gate's one hub, as stored at the gate (table gate_link, migration 0013).
import type { Db } from '../db/connection'

export interface StoredLink {
  hubKioskId: string
  address: string
  port: number
  certPem: string
  certSha256: string
  credential: string
  label: string
  pairedAt: string
  ackSeq: number
  offsetMs: number | null
  lastContact: string | null
  ceremonyGlobalId: string | null
}

export function readLink(db: Db): StoredLink | null {
  const row = db
    .prepare(
      `SELECT hub_kiosk_id AS hubKioskId, address, port, cert_pem AS certPem, cert_sha256 AS certSha256,
         credential, label, paired_at AS pairedAt, ack_seq AS ackSeq, offset_ms AS offsetMs,
         last_contact AS lastContact, ceremony_global_id AS ceremonyGlobalId
       FROM gate_link WHERE id = 1`,
    )
    .get() as StoredLink | undefined
  return row ?? null
}

export function saveLink(db: Db, link: StoredLink): void {
  db.prepare(
    `INSERT OR REPLACE INTO gate_link (id, hub_kiosk_id, address, port, cert_pem, cert_sha256, credential,
       label, paired_at, ack_seq, offset_ms, last_contact, ceremony_global_id)
     VALUES (1, @hubKioskId, @address, @port, @certPem, @certSha256, @credential, @label, @pairedAt,
       @ackSeq, @offsetMs, @lastContact, @ceremonyGlobalId)`,
  ).run(link)
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
