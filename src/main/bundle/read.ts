// "Terima data": the BKPSDM kiosk takes in office kiosks' files. Each is checked whole before
// anything is written (format, size, signature, chain, ceremony); a refusal names the file and
// the entry, and one bad file never stops the others (docs/antar-kiosk.md).
import path from 'node:path'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import type { BundleReport } from '../../shared/contract/exchange'
import { applyPeerEntries, type ApplyResult } from '../hub/merge'
import type { PeerEntry } from '../hub/peer-chain'
import { fingerprintOf, verifyBytes } from '../keys/signature'
import { appendEntry, sha256Hex } from '../log/append'
import type { CeremonyCreatedBody } from '../log/kinds'
import { FileRefused, readKioskFile, refuseFile } from './file'
import { MAX_BUNDLE_BYTES, bundleSchema, bundleSignedBytes, type Bundle } from './format'

const refuse = refuseFile

/** The file as a bundle, its form and signature checked; what the chain says is checked later. */
export function readBundle(file: string): { bytes: Buffer; bundle: Bundle } {
  const { bytes, data } = readKioskFile(file, {
    maxBytes: MAX_BUNDLE_BYTES,
    schema: bundleSchema,
    what: 'berkas Kirim data',
  })
  const b = data
  if (fingerprintOf(b.publicKey) !== b.fingerprint) {
    refuse('sidik kunci di berkas tidak cocok dengan kuncinya')
  }
  const head = b.entries.at(-1)!
  if (!verifyBytes(b.publicKey, bundleSignedBytes(b, head), b.signature)) {
    refuse(
      `tanda tangan berkas tidak sah untuk kunci ${b.fingerprint}: berkas diubah sesudah ditandatangani, atau ditandatangani kunci lain`,
    )
  }
  return { bytes, bundle: b }
}

/** The segment must start where the ceremony was created at the sender, under the same id. */
function checkAnchor(b: Bundle): void {
  const first = b.entries[0]!
  const body = first.body as Partial<CeremonyCreatedBody>
  if (first.kind !== 'ceremony.created' || body.globalId !== b.ceremony.globalId) {
    refuse(
      `entri nomor ${first.seq} bukan awal acara "${b.ceremony.name}": rantai harus dimulai dari saat acara dibuat`,
    )
  }
  if (b.entries.at(-1)!.kind !== 'head.signed') {
    refuse(
      'entri terakhir bukan kepala rantai yang ditandatangani: ada entri yang dibuang dari ujungnya',
    )
  }
}

function ceremonyHere(db: Db, b: Bundle): number {
  const id = db
    .prepare('SELECT id FROM ceremony WHERE global_id = ?')
    .pluck()
    .get(b.ceremony.globalId)
  if (id === undefined) {
    refuse(
      `acara "${b.ceremony.name}" (${b.ceremony.date}) tidak ada di kiosk ini. Hanya data acara yang dibuat dari paket acara kiosk ini yang diterima`,
    )
  }
  return id as number
}

/** Takes in one file: verified, then applied and logged in one transaction. */
function importOne(db: Db, file: string, now: Date, kioskId: string): BundleReport {
  const fileName = path.basename(file)
  const { bytes, bundle: b } = readBundle(file)
  checkAnchor(b)
  const ceremonyId = ceremonyHere(db, b)
  const peer = {
    kioskId: b.kioskId,
    label: b.label,
    publicKey: b.publicKey,
    joinedBy: 'berkas' as const,
  }
  const result = db
    .transaction((): ApplyResult => {
      const applied = applyPeerEntries(db, peer, b.entries as PeerEntry[], now)
      // A file taken in before (or wholly covered by a gate's pushes) changes nothing, not even the log.
      if (applied.newEntries === 0) return applied
      appendEntry(db, {
        kind: 'bundle.imported',
        at: now.toISOString(),
        kioskId,
        body: {
          fileName,
          fileSha256: sha256Hex(bytes),
          peerKioskId: b.kioskId,
          fingerprint: b.fingerprint,
          ceremonyGlobalId: b.ceremony.globalId,
          fromSeq: b.entries[0]!.seq,
          toSeq: b.entries.at(-1)!.seq,
          newEntries: applied.newEntries,
          arrivals: applied.arrivals,
          repeats: applied.repeats,
        },
      })
      return applied
    })
    .immediate()
  return {
    fileName,
    ok: true,
    error: null,
    label: b.label,
    fingerprint: b.fingerprint,
    ceremonyName: b.ceremony.name,
    ceremonyId,
    newEntries: result.newEntries,
    arrivals: result.arrivals,
    repeats: result.repeats,
    duplicates: result.duplicates,
  }
}

/**
 * Takes in each file in turn; each gets its own report. A refused file writes nothing; the
 * same file again adds nothing; files in any order give the same arrivals.
 */
export function importBundles(
  db: Db,
  files: readonly string[],
  now: Date,
  kioskId: string,
): BundleReport[] {
  return files.map((file) => {
    try {
      return importOne(db, file, now, kioskId)
    } catch (error) {
      if (!(error instanceof FileRefused) && !(error instanceof UserError)) throw error
      const fileName = path.basename(file)
      return {
        fileName,
        ok: false,
        error: `Berkas "${fileName}" ditolak: ${error.message.replace(/\.$/, '')}.`,
        label: null,
        fingerprint: null,
        ceremonyName: null,
        ceremonyId: null,
        newEntries: 0,
        arrivals: 0,
        repeats: 0,
        duplicates: [],
      }
    }
  })
}
