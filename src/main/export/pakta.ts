import type ExcelJS from 'exceljs'
import type { AttendanceRow } from '../../shared/attendance'
import { INTERNAL_ID } from '../../shared/nip'
import type { PaktaTracking } from '../../shared/pakta'
import { TIME_ZONES, wallClockDate, type TimeZoneId } from '../../shared/time'
import { SCAN_TIME_FORMAT, type DataColumn } from './columns'
import type { PrintColumn } from './opd-workbook'

/** The pakta facts an export needs, read in the export's own read transaction. */
export interface PaktaExport {
  /** Received pakta by NIP, as UTC instants. */
  received: ReadonlyMap<string, string>
  tracking: PaktaTracking
}

/** The recap's sheet of pakta counts per OPD. */
export const PAKTA_SHEET = 'Rekap Pakta'

const PAKTA_HEADER = 'Pakta'

/** "Diterima", "Belum" for an expected ASN who has not returned it, else empty. */
function paktaState(pakta: PaktaExport): (r: AttendanceRow) => string {
  const asked = (r: AttendanceRow) => r.expected && !INTERNAL_ID.test(r.nip)
  return (r) => (pakta.received.has(r.nip) ? 'Diterima' : asked(r) ? 'Belum' : '')
}

/**
 * The "Pakta" columns of every attendance table: when this person's pakta came back (a date a
 * spreadsheet can sort), or "Belum" for an expected ASN who has not returned it. Empty for
 * non-ASN staff and for arrivals the ceremony did not expect, who are not asked to sign.
 */
export function paktaColumns(pakta: PaktaExport, zone: TimeZoneId): DataColumn[] {
  const at = (r: AttendanceRow) => pakta.received.get(r.nip) ?? null
  return [
    { header: PAKTA_HEADER, width: 10, value: paktaState(pakta) },
    {
      header: `Pakta Diterima (${TIME_ZONES[zone].label})`,
      width: 20,
      numFmt: SCAN_TIME_FORMAT,
      value: (r) => {
        const when = at(r)
        return when ? wallClockDate(when, zone) : null
      },
    },
  ]
}

/** The print sheet's Pakta column, where the ceremony uses the pakta: what the OPD head follows up. */
export function paktaPrintColumn(pakta: PaktaExport): PrintColumn {
  return { header: PAKTA_HEADER, width: 10, wrap: false, value: paktaState(pakta) }
}

const HEADER = ['No', 'OPD', 'Jumlah ASN', 'Sudah Mengembalikan', 'Belum', '% Pakta']

/**
 * "Berapa ASN sudah menandatangani pakta integritas", per OPD and in total, as its own sheet
 * of the recap: the figure BKPSDM reports to the Bupati.
 */
export function addPaktaRecapSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  tracking: PaktaTracking,
): void {
  const sheet = workbook.addWorksheet(PAKTA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [6, 40, 12, 20, 10, 10].map((width) => ({ width }))
  const header = sheet.addRow(HEADER)
  header.font = { bold: true }
  header.commit()
  const rate = (received: number, expected: number) => (expected ? received / expected : 0)
  const line = (values: (string | number)[], bold = false) => {
    const row = sheet.addRow(values)
    row.getCell(HEADER.length).numFmt = '0.0%'
    if (bold) row.font = { bold: true }
    row.commit()
  }
  tracking.opd.forEach((o, i) =>
    line([
      i + 1,
      o.opdName,
      o.expected,
      o.received,
      o.expected - o.received,
      rate(o.received, o.expected),
    ]),
  )
  const { expected, received } = tracking
  line(['', 'Jumlah', expected, received, expected - received, rate(received, expected)], true)
  sheet.commit()
}
