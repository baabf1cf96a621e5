// "Terima data": the BKPSDM kiosk takes in office kiosks' files. Each is checked whole before
// anything is written (format, size, signature, chain, ceremony); a refusal names the file and
// the entry, and one bad file never stops the others (docs/antar-kiosk.md).
import path from 'node:path'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { REPORT_DUPLICATES, type BundleReport } from '../../shared/contract/exchange'
import { applyPeerRuns, type ApplyResult } from '../hub/merge'
import { PeerChainRefused, type PeerEntry } from '../hub/peer-chain'
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

/** A file read and checked on its own, waiting to be applied with the others of its batch. */
interface ReadFile {
  fileName: string
  bytes: Buffer
  bundle: Bundle
  ceremonyId: number
}

/** The file checked on its own: form, signature, where its segment starts, its ceremony here. */
function readOne(db: Db, file: string): ReadFile {
  const { bytes, bundle } = readBundle(file)
  checkAnchor(bundle)
  return { fileName: path.basename(file), bytes, bundle, ceremonyId: ceremonyHere(db, bundle) }
}

const refusedReport = (fileName: string, error: { message: string }): BundleReport => ({
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
  duplicateCount: 0,
})

/** Applies files read before, in one transaction, each logged when it added anything. */
function applyFiles(db: Db, read: readonly ReadFile[], now: Date, kioskId: string): BundleReport[] {
  return db
    .transaction(() => {
      const runs = read.map(({ bundle: b }) => ({
        peer: {
          kioskId: b.kioskId,
          label: b.label,
          publicKey: b.publicKey,
          joinedBy: 'berkas' as const,
        },
        entries: b.entries as PeerEntry[],
      }))
      return applyPeerRuns(db, runs, now).map((applied, i): BundleReport => {
        const { fileName, bytes, bundle: b, ceremonyId } = read[i]!
        if (applied instanceof PeerChainRefused) return refusedReport(fileName, applied)
        // A file taken in before (or wholly covered by a gate's pushes) changes nothing, not even the log.
        if (applied.newEntries > 0)
          logImport(db, { fileName, bytes, bundle: b }, applied, now, kioskId)
        return {
          fileName,
          ok: true,
          error: null,
          label: b.label,
          fingerprint: b.fingerprint,
          ceremonyName: b.ceremony.name,
          ceremonyId,
          newEntries: applied.newEntries,
          arrivals: applied.arrivals,
          repeats: applied.repeats,
          duplicates: applied.duplicates.slice(0, REPORT_DUPLICATES),
          duplicateCount: applied.duplicates.length,
        }
      })
    })
    .immediate()
}

function logImport(
  db: Db,
  file: Pick<ReadFile, 'fileName' | 'bytes' | 'bundle'>,
  applied: ApplyResult,
  now: Date,
  kioskId: string,
): void {
  const b = file.bundle
  appendEntry(db, {
    kind: 'bundle.imported',
    at: now.toISOString(),
    kioskId,
    body: {
      fileName: file.fileName,
      fileSha256: sha256Hex(file.bytes),
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
}

/** File bytes held and applied together: the files of one batch are parsed in memory at once. */
const BATCH_BYTES = 64 * 1024 * 1024

/**
 * Takes in the files, each with its own report. A refused file writes nothing and never stops
 * the others; the same file again adds nothing; files in any order give the same arrivals.
 * Files are applied in batches (all of them, unless they hold more than BATCH_BYTES), so a
 * person in several files is settled once per batch.
 */
export function importBundles(
  db: Db,
  files: readonly string[],
  now: Date,
  kioskId: string,
): BundleReport[] {
  const reports: BundleReport[] = []
  let batch: { at: number; file: ReadFile }[] = []
  let held = 0
  const apply = () => {
    const applied = applyFiles(
      db,
      batch.map((b) => b.file),
      now,
      kioskId,
    )
    batch.forEach((b, i) => (reports[b.at] = applied[i]!))
    batch = []
    held = 0
  }
  files.forEach((file, at) => {
    try {
      const read = readOne(db, file)
      if (held > 0 && held + read.bytes.length > BATCH_BYTES) apply()
      batch.push({ at, file: read })
      held += read.bytes.length
    } catch (error) {
      if (!(error instanceof FileRefused) && !(error instanceof UserError)) throw error
      reports[at] = refusedReport(path.basename(file), error)
    }
  })
  if (batch.length > 0) apply()
  return reports
}
