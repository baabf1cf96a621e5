import fs from 'node:fs'
import path from 'node:path'
import type { AttendanceRow } from '../../shared/attendance'
import type { ExportSummary, RecapOrder } from '../../shared/contract/export'
import { attendanceRows } from '../attendance/repository'
import { summarize } from '../attendance/summary'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { fsError } from '../fs-errors'
import { writeAtomic } from './atomic'
import { attendanceCsv } from './csv'
import { safeFileName, uniqueNames } from './file-name'
import { clearUnfinished, writeManifest } from './manifest'
import { writeOpdWorkbook } from './opd-workbook'
import type { IkrarText } from '../../shared/ikrar'
import type { Ceremony } from '../../shared/domain'
import { paktaColumns, paktaPrintColumn } from './pakta'
import { exportKiosks, kioskColumns, kioskLabels, kioskPrintColumn, manifestKiosks } from './kiosks'
import { writeRecapWorkbook } from './recap-workbook'
import { ceremonyAttempts } from '../log/attempts'
import { readingSpans } from '../ikrar/attendance'
import { csvSealJson, csvSealName, sealRows, type Signing } from './keaslian'
import { paktaExport } from '../pakta/tracking'
import { recapSigner, signersByOpd } from './signers'
import { RECAP_TITLE, signerOrBlank, signerTitle } from '../../shared/signer'

export interface ExportRequest {
  ceremonyId: number
  /** The folder the officer chose; the files go into a subfolder named after the apel. */
  folder: string
  order: RecapOrder
  /** The ikrar read at this apel, or null to leave it off the print sheet. */
  ikrar: IkrarText | null
  /** Every file is signed with it (plain data: it crosses into the export's worker thread). */
  signing: Signing
}

/** Rows by OPD, in the list's order (already sorted by OPD name); no OPD: NIP on no roster. */
function groupByOpd(rows: readonly AttendanceRow[]) {
  const byOpd = new Map<number, AttendanceRow[]>()
  const unknown: AttendanceRow[] = []
  for (const r of rows) {
    if (r.opdId === null) {
      unknown.push(r)
      continue
    }
    const list = byOpd.get(r.opdId)
    if (list) list.push(r)
    else byOpd.set(r.opdId, [r])
  }
  const opd = [...byOpd.entries()].map(([opdId, list]) => ({
    opdId,
    opdName: list[0]!.opdName,
    rows: list,
    summary: summarize(list),
  }))
  return { opd, unknown }
}

async function makeFolder(folder: string): Promise<void> {
  try {
    await fs.promises.mkdir(folder, { recursive: true })
  } catch (error) {
    throw fsError('EXPORT_FOLDER', await trueMkdirError(folder, error), 'membuat folder', folder)
  }
}

/**
 * Node's recursive mkdir reports a read-only disk as ENOENT; making the first missing folder
 * on its own gives the error the officer can act on.
 */
async function trueMkdirError(folder: string, error: unknown): Promise<unknown> {
  let missing = folder
  while (!fs.existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) {
    missing = path.dirname(missing)
  }
  return fs.promises.mkdir(missing).then(
    () => error,
    (real: unknown) => real,
  )
}

interface PlannedFile {
  name: string
  write(tempFile: string): Promise<void>
}

/** How many names a message lists before "dan n lainnya". */
const LISTED = 5

/** "A, B dan 3 berkas lainnya": which files an interrupted export did not write. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).map((n) => `"${n}"`)
  const rest = names.length - shown.length
  return rest > 0 ? `${shown.join(', ')} dan ${rest} berkas lainnya` : shown.join(', ')
}

/**
 * Writes the files in order, each atomically. On a failure the officer hears which file failed,
 * why, and every file not written; the folder has no manifest, so it reads as incomplete.
 */
async function writeAll(
  folder: string,
  files: readonly PlannedFile[],
  onProgress: ExportProgress,
): Promise<void> {
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length, `Menulis ${file.name}`)
    try {
      await writeAtomic(path.join(folder, file.name), file.write)
    } catch (error) {
      const missing = files.slice(i).map((f) => f.name)
      if (!(error instanceof UserError)) throw error
      const reason = error.message
      throw new UserError(
        'EXPORT_INCOMPLETE',
        `${reason} Ekspor belum lengkap: ${missing.length} dari ${files.length} berkas belum ditulis (${listNames(missing)}). Ulangi ekspor setelah masalahnya diatasi.`,
      )
    }
  }
}

/** Files written so far of the total, and what is being written, in Indonesian. */
export type ExportProgress = (done: number, total: number, label: string) => void

/** The subfolder of the chosen folder that an export of this ceremony writes into. */
export function exportFolder(chosen: string, ceremony: Pick<Ceremony, 'date'>): string {
  return path.join(chosen, safeFileName(exportTitle(ceremony), ''))
}

const exportTitle = (ceremony: Pick<Ceremony, 'date'>) =>
  `Kehadiran Apel Netralitas ${ceremony.date}`

/**
 * Writes one workbook per OPD, the recap workbook and one CSV of the whole table. Reads the
 * database in one read transaction (a consistent picture while the gate keeps scanning) and
 * never writes to it.
 */
export async function exportCeremony(
  db: Db,
  request: ExportRequest,
  onProgress: ExportProgress = () => undefined,
): Promise<ExportSummary> {
  const { ceremony, rows, signers, recapBy, readings, pakta, attempts, kiosks, labels } =
    db.transaction(() => {
      const ceremony = getCeremony(db, request.ceremonyId)
      const rows = attendanceRows(db, request.ceremonyId, null)
      return {
        ceremony,
        // The attempts of the same snapshot as the rows: counted to the same instant.
        attempts: ceremonyAttempts(db, ceremony.id, ceremony.timeZone),
        readings: readingSpans(db, request.ceremonyId),
        rows,
        signers: signersByOpd(db),
        recapBy: signerOrBlank(recapSigner(db), RECAP_TITLE),
        pakta: paktaExport(db, request.ceremonyId),
        kiosks: exportKiosks(db, request.ceremonyId, {
          publicKey: request.signing.key.publicKey,
          head: request.signing.chainHead,
        }),
        labels: kioskLabels(db, rows),
      }
    })()
  if (rows.length === 0) {
    throw new UserError(
      'EXPORT_EMPTY',
      'Acara ini tidak punya peserta maupun kehadiran untuk diekspor.',
    )
  }
  const title = exportTitle(ceremony)
  const folder = exportFolder(request.folder, ceremony)
  await makeFolder(folder)
  await clearUnfinished(folder)
  const { opd, unknown } = groupByOpd(rows)
  // Columns beside the signed ones: where the arrival was recorded, then the pakta's.
  const extra = [
    ...(kiosks.shown ? kioskColumns(labels) : []),
    ...(pakta ? paktaColumns(pakta, ceremony.timeZone) : []),
  ]
  const printExtra = [
    ...(kiosks.shown ? [kioskPrintColumn(labels)] : []),
    ...(pakta ? [paktaPrintColumn(pakta)] : []),
  ]

  const names = uniqueNames(
    opd.map((o) => `${title} - ${o.opdName}`),
    '.xlsx',
  )
  const seal = (scope: string, list: readonly AttendanceRow[]) =>
    sealRows(request.signing, ceremony, scope, list)
  const csvName = safeFileName(`${title} - Semua OPD`, '.csv')
  const files: PlannedFile[] = [
    {
      name: safeFileName(`Rekap ${title}`, '.xlsx'),
      write: (tmp) =>
        writeRecapWorkbook(tmp, {
          ceremony,
          opd,
          unknown,
          order: request.order,
          signer: recapBy,
          readings,
          seal: seal('Rekap', rows),
          extra,
          pakta: pakta && { tracking: pakta.tracking },
          attempts,
          kiosks: kiosks.shown ? kiosks : null,
        }),
    },
    {
      name: csvName,
      write: (tmp) =>
        fs.promises.writeFile(tmp, attendanceCsv(rows, ceremony.timeZone, extra), 'utf8'),
    },
    {
      name: csvSealName(csvName),
      write: (tmp) => fs.promises.writeFile(tmp, csvSealJson(csvName, seal('CSV', rows)), 'utf8'),
    },
    ...opd.map((o, i) => ({
      name: names[i]!,
      write: (tmp: string) =>
        writeOpdWorkbook(tmp, {
          ceremony,
          ...o,
          ikrar: request.ikrar,
          readings,
          signer: signerOrBlank(signers.get(o.opdId), signerTitle(o.opdName)),
          seal: seal(`OPD ${o.opdName}`, o.rows),
          extra,
          printExtra,
        }),
    })),
  ]
  await writeAll(folder, files, onProgress)
  onProgress(files.length, files.length, 'Menulis daftar berkas ekspor')
  const manifest = await writeManifest(
    folder,
    ceremony,
    files.map((f) => f.name),
    request.signing,
    kiosks.shown ? manifestKiosks(kiosks) : null,
  )
  return { folder, files: [...files.map((f) => f.name), manifest] }
}
