import path from 'node:path'
import type { ExportSummary } from '../../shared/contract/export'
import type { Db } from '../db/connection'
import { fsError } from '../fs-errors'
import { appendEntry, kioskOf } from '../log/append'
import { sha256 } from './manifest'

/**
 * Logs an export as it landed on disk: every file's name and SHA-256, the manifest's too. The
 * files are hashed as streams, so scans keep being answered while a large export is read.
 */
export async function logExport(
  db: Db,
  done: { ceremonyId: number; summary: ExportSummary; at: Date },
): Promise<void> {
  const files: { name: string; sha256: string }[] = []
  for (const name of done.summary.files) {
    try {
      files.push({ name, sha256: await sha256(path.join(done.summary.folder, name)) })
    } catch (error) {
      // The files are written; only their record is missing. Said so, and nothing is logged
      // that was not read back.
      throw fsError(
        'EXPORT_LOG',
        error,
        'membaca ulang berkas ekspor',
        name,
        'Berkas ekspor sudah ditulis tetapi belum tercatat di log kiosk; ulangi ekspor.',
      )
    }
  }
  appendEntry(db, {
    kind: 'export.written',
    at: done.at.toISOString(),
    kioskId: kioskOf(db),
    body: { ceremonyId: done.ceremonyId, folder: done.summary.folder, files },
  })
}
