// One Kirim data file checked on its own, before the database is touched: its size and form,
// its signature, where its segment starts, and every entry's hash and link. Needs no database,
// so a worker thread checks the next file while the main thread stores this one
// (check-worker.ts); what only the database can say is checked in read.ts.
import path from 'node:path'
import type { PeerRun } from '../hub/merge'
import { PeerChainRefused, checkRun, type PeerEntry } from '../hub/peer-chain'
import { fingerprintOf, verifyBytes } from '../keys/signature'
import { sha256Hex } from '../log/append'
import type { CeremonyCreatedBody } from '../log/kinds'
import { FileRefused, readKioskFile, refuseFile as refuse } from './file'
import { MAX_BUNDLE_BYTES, bundleSchema, bundleSignedBytes, type Bundle } from './format'

/** The file as a bundle, its form and signature checked; what the chain says is checked later. */
function readBundle(file: string): { bytes: Buffer; bundle: Bundle } {
  const { bytes, data: b } = readKioskFile(file, {
    maxBytes: MAX_BUNDLE_BYTES,
    schema: bundleSchema,
    what: 'berkas Kirim data',
  })
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

/** What a report and the log keep of a file once its entries are taken in: not the entries. */
export interface FileSummary {
  fileName: string
  fileSha256: string
  header: Pick<Bundle, 'kioskId' | 'label' | 'fingerprint' | 'ceremony'>
  fromSeq: number
  toSeq: number
}

/** A file that holds on its own: the run the merge takes, and what is kept of the file. */
export interface CheckedFile {
  run: PeerRun
  summary: FileSummary
  bytes: number
}

/** A file's check as it crosses between threads: the file, or why it is refused. */
export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; message: string }

/** Checks one file; a refusal says why (the caller adds the file's name). */
export function checkBundleFile(file: string): FileCheck {
  try {
    const { bytes, bundle: b } = readBundle(file)
    checkAnchor(b)
    const peer = {
      kioskId: b.kioskId,
      label: b.label,
      publicKey: b.publicKey,
      joinedBy: 'berkas' as const,
    }
    const summary: FileSummary = {
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
    }
    const run = { peer, entries: checkRun(peer, b.entries as PeerEntry[]) }
    return { ok: true, file: { run, summary, bytes: bytes.length } }
  } catch (error) {
    if (error instanceof FileRefused || error instanceof PeerChainRefused)
      return { ok: false, message: error.message }
    throw error
  }
}

/** The checks of the files being taken in, in their order; `next` waits for the next one. */
export interface BundleChecks {
  next(): FileCheck
}

/** Each file checked on the calling thread when its turn comes: importBundles' default, which tests use. */
export function checkHere(files: readonly string[]): BundleChecks {
  let at = 0
  return { next: () => checkBundleFile(files[at++]!) }
}
