import type ExcelJS from 'exceljs'
import type { AttendanceRow } from '../../shared/attendance'
import type { Ceremony } from '../../shared/domain'
import { IKRAR_CLASSES, IKRAR_LABEL, type IkrarClass } from '../../shared/ikrar-attendance'
import { formatTime, utcToLocal, type TimeZoneId } from '../../shared/time'
import { tallyIkrar, type ReadingSpan } from '../ikrar/attendance'
import { borderedRow } from './table-row'

/** The exports' "Ikrar" column: the class in words, empty for someone who did not arrive. */
export const ikrarCell = (r: AttendanceRow): string => (r.ikrar ? IKRAR_LABEL[r.ikrar] : '')

/** The people an OPD's ikrar counts cover: those present as expected (they make "Jumlah hadir"). */
function present(rows: readonly AttendanceRow[]): AttendanceRow[] {
  return rows.filter((r) => r.expected && r.ikrar !== null)
}

/** The classes a sheet shows: "belum ada pembacaan" only while there is no reading. */
export function shownClasses(readings: readonly ReadingSpan[]): IkrarClass[] {
  return IKRAR_CLASSES.filter((c) => (readings.length ? c !== 'BELUM_ADA' : c === 'BELUM_ADA'))
}

const clock = (iso: string, zone: TimeZoneId) => utcToLocal(iso, zone).time.replace(':', '.')

/**
 * "Ikrar dibacakan pukul 07.40–07.44 WIB; pembacaan ulang pukul 08.05–08.07 WIB": what the
 * column is measured against, printed beside it. An end never recorded says so.
 */
export function readingsLine(readings: readonly ReadingSpan[], zone: TimeZoneId): string {
  if (readings.length === 0) {
    return 'Belum ada pembacaan ikrar tercatat untuk acara ini; kolom Ikrar belum dapat diisi.'
  }
  const spans = readings.map((r, i) => {
    const when = r.endedAt
      ? `${clock(r.startedAt, zone)}–${formatTime(r.endedAt, zone)}`
      : `${formatTime(r.startedAt, zone)} (akhir tidak tercatat)`
    return `${i === 0 ? 'Ikrar dibacakan' : 'pembacaan ulang'} pukul ${when}`
  })
  return `${spans.join('; ')}.`
}

/** "Ikut ikrar 10" …: the footer lines of one OPD's print sheet. */
export function ikrarLines(
  rows: readonly AttendanceRow[],
  readings: readonly ReadingSpan[],
): [string, number][] {
  const tally = tallyIkrar(present(rows).map((r) => r.ikrar))
  return shownClasses(readings).map((c) => [IKRAR_LABEL[c], tally[c]])
}

export interface IkrarRecapOpd {
  opdName: string
  rows: readonly AttendanceRow[]
}

/**
 * The recap's "Rekap Ikrar" sheet: per OPD (in the recap's order) the present and each class,
 * and the share who pledged (with the first reading or a later one). Works on a streamed sheet.
 * Returns the header row's number, to repeat on every printed page.
 */
export function addIkrarRecap(
  sheet: ExcelJS.Worksheet,
  ceremony: Ceremony,
  opd: readonly IkrarRecapOpd[],
  readings: readonly ReadingSpan[],
): number {
  const classes = shownClasses(readings)
  const header = [
    'No',
    'OPD',
    'Jumlah Hadir',
    ...classes.map((c) => IKRAR_LABEL[c]),
    '% Ikut Ikrar',
  ]
  sheet.columns = header.map((_h, i) => ({ width: i === 0 ? 5 : i === 1 ? 40 : 14 }))
  for (const text of ['REKAPITULASI KEHADIRAN SAAT IKRAR NETRALITAS', ceremony.name]) {
    const row = sheet.addRow([text])
    row.getCell(1).font = { bold: true }
    row.commit()
  }
  sheet.addRow([readingsLine(readings, ceremony.timeZone)]).commit()
  sheet.addRow([]).commit()
  const line = (values: (string | number)[], bold = false) => {
    const row = borderedRow(sheet, values, bold)
    row.getCell(header.length).numFmt = '0.0%'
    row.commit()
    return row.number
  }
  const headerRow = line(header, true)
  const counts = (rows: readonly AttendanceRow[]) => {
    const here = present(rows)
    const tally = tallyIkrar(here.map((r) => r.ikrar))
    const pledged = tally.IKUT + tally.ULANG
    return [here.length, ...classes.map((c) => tally[c]), here.length ? pledged / here.length : 0]
  }
  opd.forEach((o, i) => line([i + 1, o.opdName, ...counts(o.rows)]))
  line(['', 'JUMLAH', ...counts(opd.flatMap((o) => o.rows))], true)
  return headerRow
}
