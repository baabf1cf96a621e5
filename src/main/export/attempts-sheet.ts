import type ExcelJS from 'exceljs'
import type { Ceremony } from '../../shared/domain'
import { TIME_ZONES } from '../../shared/time'
import type { CeremonyAttempts, ResultCounts } from '../log/attempts'
import type { ScanResult } from '../log/kinds'
import { borderedRow } from './table-row'

export const ATTEMPTS_SHEET = 'Percobaan Pindai'

/** The ceremony's results in the sheet's order; "no ceremony" never belongs to one. */
const SHOWN: readonly [ScanResult, string][] = [
  ['recorded', 'Tercatat'],
  ['unknown-recorded', 'Tercatat, Tidak Terdaftar'],
  ['duplicate', 'Pindai Ulang'],
  ['invalid', 'Kode Tidak Valid'],
  ['unknown-refused', 'Ditolak'],
]
/** Codes with no NIP and NIPs on no roster belong to no OPD. */
export const ATTEMPTS_NO_OPD = 'Tanpa OPD'

const cells = (c: ResultCounts) => {
  const shown = SHOWN.map(([r]) => c[r])
  return [...shown, shown.reduce((n, v) => n + v, 0)]
}

/** "07.00–07.59 WIB", with the date in front when the attempts span more than one day. */
function hourLabel(hour: string, zone: Ceremony['timeZone'], withDate: boolean): string {
  const [date, hh] = hour.split(' ')
  const [y, m, d] = date!.split('-')
  const span = `${hh}.00–${hh}.59 ${TIME_ZONES[zone].label}`
  return withDate ? `${d}-${m}-${y} ${span}` : span
}

/**
 * The recap's "Percobaan Pindai" sheet: every scan attempt the log holds for the ceremony, per
 * OPD and per hour, by how it ended, so a disputed list can be read beside what happened at the
 * gate (repeats, cards that were no cards, refusals). Works on a streamed sheet.
 */
export function addAttemptsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ceremony: Ceremony,
  attempts: CeremonyAttempts,
  pageSetup: Partial<ExcelJS.PageSetup>,
): void {
  const sheet = workbook.addWorksheet(ATTEMPTS_SHEET, { pageSetup: { ...pageSetup } })
  const counted = [...SHOWN.map(([, label]) => label), 'Jumlah Percobaan']
  sheet.columns = [5, 40, ...counted.map(() => 14)].map((width) => ({ width }))
  const text = (value: string, font: Partial<ExcelJS.Font> = {}) => {
    const row = sheet.addRow([value])
    row.getCell(1).font = font
    row.commit()
  }
  const line = (values: (string | number)[], bold = false) => {
    const row = borderedRow(sheet, values, bold)
    row.commit()
    return row.number
  }
  text('PERCOBAAN PINDAI DI GERBANG', { bold: true })
  text(ceremony.name, { bold: true })
  text('Setiap pindaian yang tercatat di log kiosk, termasuk yang tidak mencatat kehadiran.', {
    italic: true,
    size: 9,
  })
  sheet.addRow([]).commit()
  const header = line(['No', 'OPD', ...counted], true)
  // The column names on every printed page; the hours' table below repeats its own.
  sheet.pageSetup.printTitlesRow = `${header}:${header}`
  attempts.perOpd.forEach((o, i) => line([i + 1, o.opdName ?? ATTEMPTS_NO_OPD, ...cells(o.counts)]))
  line(['', 'JUMLAH', ...cells(attempts.total)], true)
  sheet.addRow([]).commit()
  const days = new Set(attempts.perHour.map((h) => h.hour.slice(0, 10)))
  line(['No', 'Jam', ...counted], true)
  attempts.perHour.forEach((h, i) =>
    line([i + 1, hourLabel(h.hour, ceremony.timeZone, days.size > 1), ...cells(h.counts)]),
  )
  line(['', 'JUMLAH', ...cells(attempts.total)], true)
  sheet.commit()
}
