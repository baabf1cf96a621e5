// "Kirim data": an office kiosk writes its log for one ceremony as one signed file, to go to
// the BKPSDM kiosk by USB stick, WhatsApp or email (docs/antar-kiosk.md).
import fs from 'node:fs/promises'
import path from 'node:path'
import type { BundleWritten } from '../../shared/contract/exchange'
import { formatCount } from '../../shared/format'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { TEMP_FILE } from '../durable-file'
import { writeAtomic } from '../export/atomic'
import { safeFileName } from '../export/file-name'
import { ownEntries } from '../hub/peer-chain'
import { fingerprintOf, signBytes, type KioskKey } from '../keys/signature'
import { chainHead } from '../log/chain'
import { signHead } from '../log/signed-head'
import type { Report } from '../jobs/protocol'
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
 * Everything of the file that needs this kiosk's key or writes its log, done on the main
 * thread before the file is written: the head signed first (so the signing is itself in the
 * chain and the file ends on a signed head), the header, and the file's own signature over its
 * header and head. The entries, from the ceremony's creation to that head, are read by
 * whoever writes the file (a worker thread: jobs/tasks.ts).
 */
export interface SignedBundle {
  header: BundleHeader
  ceremonyId: number
  fromSeq: number
  toSeq: number
  signature: string
}

export function signBundle(db: Db, sender: Sender, ceremonyId: number, now: Date): SignedBundle {
  const c = getCeremony(db, ceremonyId)
  const fromSeq = firstEntryOf(db, c.id, c.globalId)
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
  const signature = signBytes(sender.key, bundleSignedBytes(header, head))
  return { header, ceremonyId: c.id, fromSeq, toSeq: head.seq, signature }
}

/** The whole file: the signed header and the chain segment it vouches for. */
function bundleOf(db: Db, signed: SignedBundle): Bundle {
  const entries = ownEntries(db, signed.fromSeq, signed.toSeq) as Bundle['entries']
  return { ...signed.header, entries, signature: signed.signature }
}

export function buildBundle(db: Db, sender: Sender, ceremonyId: number, now: Date): Bundle {
  return bundleOf(db, signBundle(db, sender, ceremonyId, now))
}

/** Where the file of a signed bundle goes in `folder`: named after the apel and the sender. */
export function bundleFile(folder: string, signed: SignedBundle): string {
  const { ceremony, label } = signed.header
  return path.join(
    folder,
    safeFileName(`Kirim data ${ceremony.date} ${ceremony.name} - ${label}`, BUNDLE_EXT),
  )
}

/**
 * Reads the segment and writes the file (atomically: the whole file or none). Only reads the
 * database, so it runs on a worker's read-only connection; `report` says how far it is.
 */
export async function writeSignedBundle(
  db: Db,
  signed: SignedBundle,
  folder: string,
  report: Report = () => {},
): Promise<BundleWritten> {
  const total = signed.toSeq - signed.fromSeq + 1
  report(0, total, `Membaca ${formatCount(total)} entri log acara ini`)
  const bundle = bundleOf(db, signed)
  const file = bundleFile(folder, signed)
  report(total, total, `Menulis berkas ${path.basename(file)}`)
  await writeAtomic(file, (temp) => fs.writeFile(temp, JSON.stringify(bundle)))
  const arrivals = bundle.entries.filter(
    (e) =>
      e.kind === 'scan' &&
      e.body['ceremonyId'] === signed.ceremonyId &&
      (e.body['result'] === 'recorded' || e.body['result'] === 'unknown-recorded'),
  ).length
  return { file, entries: bundle.entries.length, arrivals }
}

/**
 * After a bundle job was stopped or crashed: removes the temporary file its write may have
 * left beside the bundle's name, and nothing else of the folder (a USB stick's other files).
 */
export async function clearUnfinishedBundle(folder: string, signed: SignedBundle): Promise<void> {
  const prefix = `~${path.basename(bundleFile(folder, signed))}.`
  for (const name of await fs.readdir(folder)) {
    if (name.startsWith(prefix) && TEMP_FILE.test(name))
      await fs.rm(path.join(folder, name), { force: true })
  }
}

/** Signs and writes on this thread (tests, the bench); the app writes through the bundle job. */
export async function writeBundle(
  db: Db,
  sender: Sender,
  ceremonyId: number,
  folder: string,
  now: Date,
): Promise<BundleWritten> {
  return writeSignedBundle(db, signBundle(db, sender, ceremonyId, now), folder)
}
