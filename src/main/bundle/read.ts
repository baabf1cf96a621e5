// "Terima data": the BKPSDM kiosk takes in office kiosks' files. Each is checked whole before
// anything is written (format, size, signature, chain, ceremony); a refusal names the file and
// the entry, and one bad file never stops the others (docs/antar-kiosk.md).
import path from 'node:path'
import type { Db } from '../db/connection'
import { REPORT_DUPLICATES, type BundleReport } from '../../shared/contract/exchange'
import { peerMerge, type ApplyResult } from '../hub/merge'
import { PeerChainRefused } from '../hub/peer-chain'
import { appendEntry } from '../log/append'
import { checkHere, type BundleChecks, type FileSummary } from './check'
import { FileRefused, refuseFile } from './file'

function ceremonyHere(db: Db, header: FileSummary['header']): number {
  const id = db
    .prepare('SELECT id FROM ceremony WHERE global_id = ?')
    .pluck()
    .get(header.ceremony.globalId)
  if (id === undefined) {
    refuseFile(
      `acara "${header.ceremony.name}" (${header.ceremony.date}) tidak ada di kiosk ini. Hanya data acara yang dibuat dari paket acara kiosk ini yang diterima`,
    )
  }
  return id as number
}

/** A file taken in, with the ceremony here its entries go to. */
type TakenFile = FileSummary & { ceremonyId: number }

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
  how: { now: Date; kioskId: string; checks: BundleChecks },
): number {
  return db
    .transaction(() => {
      const merge = peerMerge(db, how.now)
      const taken: { at: number; file: TakenFile; applied: ApplyResult }[] = []
      let held = 0
      let at = first
      for (; at < files.length && held < BATCH_BYTES; at++) {
        const fileName = path.basename(files[at]!)
        const check = how.checks.next()
        if (!check.ok) {
          reports[at] = refusedReport(fileName, check)
          continue
        }
        const { run, summary, bytes } = check.file
        let file: TakenFile
        try {
          file = { ...summary, ceremonyId: ceremonyHere(db, summary.header) }
        } catch (error) {
          if (!(error instanceof FileRefused)) throw error
          reports[at] = refusedReport(fileName, error)
          continue
        }
        held += bytes
        const applied = merge.add(run)
        if (applied instanceof PeerChainRefused) reports[at] = refusedReport(fileName, applied)
        else taken.push({ at, file, applied })
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
 * Files picked together are settled together (in batches of BATCH_BYTES). `checks` checks each
 * file on its own, in order: on this thread, or a worker's ahead of the file being stored
 * (check-thread.ts).
 */
export function importBundles(
  db: Db,
  files: readonly string[],
  now: Date,
  kioskId: string,
  checks: BundleChecks = checkHere(files),
): BundleReport[] {
  const reports: BundleReport[] = []
  for (let next = 0; next < files.length;)
    next = importBatch(db, files, next, reports, { now, kioskId, checks })
  return reports
}
