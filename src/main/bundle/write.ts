// "Kirim data": an office kiosk writes its log for one ceremony as one signed file, to go to
// the BKPSDM kiosk by USB stick, WhatsApp or email (docs/antar-kiosk.md).
import fs from 'node:fs/promises'
import path from 'node:path'
import type { BundleWritten } from '../../shared/contract/exchange'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { writeAtomic } from '../export/atomic'
import { safeFileName } from '../export/file-name'
import { ownEntries } from '../hub/peer-chain'
import { fingerprintOf, signBytes, type KioskKey } from '../keys/signature'
import { chainHead } from '../log/chain'
import { signHead } from '../log/signed-head'
import { getCardIdentity } from '../roster/card-identity'
import {
  BUNDLE_EXT,
  BUNDLE_FORMAT,
  bundleSignedBytes,
  type Bundle,
  type BundleHeader,
} from './format'

/** Who writes the file: this kiosk's id and key. */
export interface Sender {
  kioskId: string
  key: KioskKey
}

/** Where the ceremony starts in this kiosk's chain: its creation, which names its global id. */
function firstEntryOf(db: Db, ceremonyId: number, globalId: string): number {
  const seq = db
    .prepare(
      `SELECT seq FROM log_entry WHERE kind = 'ceremony.created'
       AND json_extract(body, '$.ceremonyId') = ? AND json_extract(body, '$.globalId') = ?`,
    )
    .pluck()
    .get(ceremonyId, globalId) as number | undefined
  if (seq === undefined) {
    throw new UserError(
      'NOT_SENDABLE',
      'Acara ini dibuat sebelum kiosk bisa mengirim data ke kiosk lain. Buat acaranya dari paket acara BKPSDM, lalu kirim data acara itu.',
    )
  }
  return seq
}

/** The name the receiving officer reads: the ceremony's OPD, else the instansi on the cards. */
function labelOf(db: Db, opd: string[] | null, key: KioskKey): string {
  if (opd && opd.length > 0) return opd.join(', ')
  return getCardIdentity(db).instansi.trim() || `Kiosk ${fingerprintOf(key.publicKey)}`
}

/**
 * The bundle of one ceremony: the head signed first (so the signing is itself in the chain and
 * the file ends on a signed head), then every entry from the ceremony's creation to that head,
 * and the file's own signature over its header and head.
 */
export function buildBundle(db: Db, sender: Sender, ceremonyId: number, now: Date): Bundle {
  const c = getCeremony(db, ceremonyId)
  const from = firstEntryOf(db, c.id, c.globalId)
  signHead(db, sender.key, { reason: 'ekspor', at: now, kioskId: sender.kioskId })
  const head = chainHead(db)!
  const opd =
    c.opdIds === null
      ? null
      : (db
          .prepare(
            `SELECT name FROM opd WHERE id IN (${c.opdIds.map(() => '?').join(',')}) ORDER BY name`,
          )
          .pluck()
          .all(...c.opdIds) as string[])
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    kioskId: sender.kioskId,
    label: labelOf(db, opd, sender.key),
    publicKey: sender.key.publicKey,
    fingerprint: fingerprintOf(sender.key.publicKey),
    ceremony: { globalId: c.globalId, name: c.name, date: c.date, opd },
  }
  const entries = ownEntries(db, from, head.seq) as Bundle['entries']
  return { ...header, entries, signature: signBytes(sender.key, bundleSignedBytes(header, head)) }
}

/** Writes the bundle into `folder` (atomically: the whole file or none), named after the apel. */
export async function writeBundle(
  db: Db,
  sender: Sender,
  ceremonyId: number,
  folder: string,
  now: Date,
): Promise<BundleWritten> {
  const bundle = buildBundle(db, sender, ceremonyId, now)
  const { name, date } = bundle.ceremony
  const file = path.join(
    folder,
    safeFileName(`Kirim data ${date} ${name} - ${bundle.label}`, BUNDLE_EXT),
  )
  await writeAtomic(file, (temp) => fs.writeFile(temp, JSON.stringify(bundle)))
  const arrivals = bundle.entries.filter(
    (e) =>
      e.kind === 'scan' &&
      e.body['ceremonyId'] === ceremonyId &&
      (e.body['result'] === 'recorded' || e.body['result'] === 'unknown-recorded'),
  ).length
  return { file, entries: bundle.entries.length, arrivals }
}
