// "Terima data": the BKPSDM kiosk takes in office kiosks' files. Each is checked whole before
// anything is written (format, size, signature, chain, ceremony); a refusal names the file and
// the entry, and one bad file never stops the others (docs/antar-kiosk.md).
import path from 'node:path'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { REPORT_DUPLICATES, type BundleReport } from '../../shared/contract/exchange'
import { peerMerge, type ApplyResult, type PeerRun } from '../hub/merge'
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

/** What a report and the log keep of a file once its entries are taken in: not the entries. */
interface TakenFile {
  fileName: string
  fileSha256: string
  header: Pick<Bundle, 'kioskId' | 'label' | 'fingerprint' | 'ceremony'>
  fromSeq: number
  toSeq: number
  ceremonyId: number
}

/**
 * The file checked on its own (form, signature, where its segment starts, its ceremony here),
 * as the run the merge takes and what is kept of it afterwards.
 */
function readOne(db: Db, file: string): { run: PeerRun; taken: TakenFile; bytes: number } {
  const { bytes, bundle: b } = readBundle(file)
  checkAnchor(b)
  const taken: TakenFile = {
    fileName: path.basename(file),
    fileSha256: sha256Hex(bytes),
    header: {
      kioskId: b.kioskId,
      label: b.label,
      fingerprint: b.fingerprint,
      ceremony: b.ceremony,
    },
    fromSeq: b.entries[0]!.seq,
    toSeq: b.entries.at(-1)!.seq,
    ceremonyId: ceremonyHere(db, b),
  }
  const peer = {
    kioskId: b.kioskId,
    label: b.label,
    publicKey: b.publicKey,
    joinedBy: 'berkas' as const,
  }
  return { run: { peer, entries: b.entries as PeerEntry[] }, taken, bytes: bytes.length }
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

const takenReport = (file: TakenFile, applied: ApplyResult): BundleReport => ({
  fileName: file.fileName,
  ok: true,
  error: null,
  label: file.header.label,
  fingerprint: file.header.fingerprint,
  ceremonyName: file.header.ceremony.name,
  ceremonyId: file.ceremonyId,
  newEntries: applied.newEntries,
  arrivals: applied.arrivals,
  repeats: applied.repeats,
  duplicates: applied.duplicates.slice(0, REPORT_DUPLICATES),
  duplicateCount: applied.duplicates.length,
})

function logImport(db: Db, file: TakenFile, applied: ApplyResult, now: Date, kioskId: string) {
  appendEntry(db, {
    kind: 'bundle.imported',
    at: now.toISOString(),
    kioskId,
    body: {
      fileName: file.fileName,
      fileSha256: file.fileSha256,
      peerKioskId: file.header.kioskId,
      fingerprint: file.header.fingerprint,
      ceremonyGlobalId: file.header.ceremony.globalId,
      fromSeq: file.fromSeq,
      toSeq: file.toSeq,
      newEntries: applied.newEntries,
      arrivals: applied.arrivals,
      repeats: applied.repeats,
    },
  })
}

/** File bytes taken in one transaction: what stays in memory until it settles is their arrivals. */
const BATCH_BYTES = 64 * 1024 * 1024

/**
 * Takes in files from `first` on, up to BATCH_BYTES of them, in one transaction: each is read
 * and its entries stored in turn (so one file's entries are in memory at a time), then every
 * person they touch is settled once, and each file that added anything is logged. Returns
 * where the next batch starts.
 */
function importBatch(
  db: Db,
  files: readonly string[],
  first: number,
  reports: BundleReport[],
  how: { now: Date; kioskId: string },
): number {
  return db
    .transaction(() => {
      const merge = peerMerge(db, how.now)
      const taken: { at: number; file: TakenFile; applied: ApplyResult }[] = []
      let held = 0
      let at = first
      for (; at < files.length && held < BATCH_BYTES; at++) {
        let read: ReturnType<typeof readOne>
        try {
          read = readOne(db, files[at]!)
        } catch (error) {
          if (!(error instanceof FileRefused) && !(error instanceof UserError)) throw error
          reports[at] = refusedReport(path.basename(files[at]!), error)
          continue
        }
        held += read.bytes
        const applied = merge.add(read.run)
        if (applied instanceof PeerChainRefused)
          reports[at] = refusedReport(read.taken.fileName, applied)
        else taken.push({ at, file: read.taken, applied })
      }
      merge.finish()
      for (const t of taken) {
        // A file taken in before (or wholly covered by a gate's pushes) changes nothing, not even the log.
        if (t.applied.newEntries > 0) logImport(db, t.file, t.applied, how.now, how.kioskId)
        reports[t.at] = takenReport(t.file, t.applied)
      }
      return at
    })
    .immediate()
}

/**
 * Takes in the files, each with its own report. A refused file writes nothing and never stops
 * the others; the same file again adds nothing; files in any order give the same arrivals.
 * Files picked together are settled together (in batches of BATCH_BYTES).
 */
export function importBundles(
  db: Db,
  files: readonly string[],
  now: Date,
  kioskId: string,
): BundleReport[] {
  const reports: BundleReport[] = []
  for (let next = 0; next < files.length;)
    next = importBatch(db, files, next, reports, { now, kioskId })
  return reports
}
