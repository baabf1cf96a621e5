// What each kind of job does inside its worker thread, over the worker's own read-only
// connection. Inputs and results are plain data: they are copied between threads.
import path from 'node:path'
import type { Backup, ImportPreview } from '../../shared/domain'
import type { ExportSummary } from '../../shared/contract/export'
import { formatCount } from '../../shared/format'
import type { JobKind } from '../../shared/jobs'
import type { PreflightResult } from '../../shared/contract/preflight'
import { copyAndCheck, createBackup } from '../backup/backups'
import type { Db } from '../db/connection'
import { exportCeremony, type ExportRequest } from '../export/export'
import { checkIntegrity } from '../preflight/database'
import { sha256 } from '../export/manifest'
import { previewRoster, readRosterFile } from '../roster/import'
import type { AuthenticityReport } from '../../shared/contract/authenticity'
import { verifyPath } from '../verify/verify'
import type { ReadStep } from '../roster/read-progress'
import type { BundleWritten } from '../../shared/contract/exchange'
import { writeSignedBundle, type SignedBundle } from '../bundle/write'
import type { Report } from './protocol'

export interface RosterPreviewResult {
  preview: ImportPreview
  /**
   * The parsed roster as JSON: one string crosses the thread as one copy, where 20,000 row
   * objects would be rebuilt one by one on the thread that answers the gate.
   */
  parsedJson: string
  /** SHA-256 of the file as it was read, for the log entry of the import. */
  fileSha256: string
}

export interface TaskIo {
  export: { input: ExportRequest; output: ExportSummary }
  'roster-preview': { input: { file: string }; output: RosterPreviewResult }
  backup: { input: { dbPath: string; reason: string; now: string }; output: Backup }
  'restore-check': { input: { source: string; copy: string; label: string }; output: null }
  'integrity-check': { input: null; output: PreflightResult }
  /** A workbook, CSV or export folder; `ownKey`: this kiosk's public key, to say "kiosk ini". */
  verify: { input: { target: string; ownKey: string }; output: AuthenticityReport }
  /** A Kirim data file, signed on the main thread first (bundle/write.ts). */
  bundle: { input: { signed: SignedBundle; folder: string }; output: BundleWritten }
}

type Task<K extends JobKind> = (
  db: Db,
  input: TaskIo[K]['input'],
  report: Report,
) => Promise<TaskIo[K]['output']>

/** What the officer reads under the bar at each step of reading a roster file. */
const READ_STEP: Record<ReadStep, (fileName: string, rows: number) => string> = {
  checking: (f, rows) => `Memeriksa berkas ${f}: ${formatCount(rows)} baris ditemukan`,
  opening: (f) => `Membuka lembar kerja berkas ${f}`,
  reading: (f) => `Membaca baris berkas ${f}`,
  parsing: () => 'Memeriksa NIP, nama dan unit kerja tiap baris',
}

export const TASKS: { [K in JobKind]: Task<K> } = {
  export: (db, input, report) => {
    report(0, null, 'Membaca data kehadiran')
    return exportCeremony(db, input, report)
  },
  'roster-preview': async (db, { file }, report) => {
    const fileName = path.basename(file)
    report(0, null, `Membaca berkas ${fileName}`)
    const fileSha256 = await sha256(file)
    const parsed = await readRosterFile(file, (step, rows, total) =>
      report(rows, total, READ_STEP[step](fileName, rows)),
    )
    const rows = parsed.rows.length + parsed.rejected.length
    report(rows, rows, `${formatCount(rows)} baris terbaca; membandingkan dengan data pegawai`)
    const preview = previewRoster(db, parsed, fileName)
    return { preview, parsedJson: JSON.stringify(parsed), fileSha256 }
  },
  backup: async (db, { dbPath, reason, now }, report) => {
    report(0, null, 'Membuat cadangan basis data')
    return createBackup(db, dbPath, reason, new Date(now))
  },
  'restore-check': async (_db, { source, copy, label }, report) => {
    report(0, null, `Menyalin dan memeriksa cadangan ${label}`)
    await copyAndCheck(source, copy, label)
    return null
  },
  'integrity-check': async (db, _input, report) => {
    report(0, null, 'Memeriksa keutuhan basis data')
    return checkIntegrity(db)
  },
  verify: async (_db, { target, ownKey }, report) => {
    report(0, null, `Memeriksa ${path.basename(target)}`)
    return verifyPath(target, { ownKey, progress: report })
  },
  bundle: (db, { signed, folder }, report) => writeSignedBundle(db, signed, folder, report),
}
