import fs from 'node:fs'
import path from 'node:path'
import type { AttendanceRow } from '../../shared/attendance'
import type { ExportSummary, RecapOrder } from '../../shared/contract/export'
import { attendanceRows } from '../attendance/repository'
import { summarize } from '../attendance/summary'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { writeAtomic } from './atomic'
import { attendanceCsv } from './csv'
import { safeFileName, uniqueNames } from './file-name'
import { writeOpdWorkbook } from './opd-workbook'
import type { IkrarText } from '../../shared/ikrar'
import { writeRecapWorkbook, type RecapOpd } from './recap-workbook'

export interface ExportRequest {
  ceremonyId: number
  /** The folder the officer chose; the files go into a subfolder named after the apel. */
  folder: string
  order: RecapOrder
  /** The ikrar read at this apel, or null to leave it off the print sheet. */
  ikrar: IkrarText | null
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
  const opd: RecapOpd[] = [...byOpd.values()].map((list) => ({
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
    throw new UserError(
      'EXPORT_FOLDER',
      `Folder "${folder}" tidak dapat dibuat: ${(error as Error).message}`,
    )
  }
}

/**
 * Writes one workbook per OPD, the recap workbook and one CSV of the whole table. Reads the
 * database in one read transaction (a consistent picture while the gate keeps scanning) and
 * never writes to it.
 */
export async function exportCeremony(db: Db, request: ExportRequest): Promise<ExportSummary> {
  const { ceremony, rows } = db.transaction(() => ({
    ceremony: getCeremony(db, request.ceremonyId),
    rows: attendanceRows(db, request.ceremonyId, null),
  }))()
  if (rows.length === 0) {
    throw new UserError(
      'EXPORT_EMPTY',
      'Acara ini tidak punya peserta maupun kehadiran untuk diekspor.',
    )
  }
  const title = `Kehadiran Apel Netralitas ${ceremony.date}`
  const folder = path.join(request.folder, safeFileName(title, ''))
  await makeFolder(folder)
  const { opd, unknown } = groupByOpd(rows)

  const recap = safeFileName(`Rekap ${title}`, '.xlsx')
  await writeAtomic(path.join(folder, recap), (tmp) =>
    writeRecapWorkbook(tmp, ceremony, opd, unknown, request.order),
  )
  const csv = safeFileName(`${title} - Semua OPD`, '.csv')
  await writeAtomic(path.join(folder, csv), (tmp) =>
    fs.promises.writeFile(tmp, attendanceCsv(rows, ceremony.timeZone), 'utf8'),
  )
  const names = uniqueNames(
    opd.map((o) => `${title} - ${o.opdName}`),
    '.xlsx',
  )
  for (const [i, o] of opd.entries()) {
    await writeAtomic(path.join(folder, names[i]!), (tmp) =>
      writeOpdWorkbook(tmp, { ceremony, ...o, ikrar: request.ikrar }),
    )
  }
  return { folder, files: [recap, csv, ...names] }
}
