import {
  ABSENCE_REASONS,
  type AbsenceReason,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../shared/attendance'

/** The footer counts of an attendance sheet; arrivals not expected are counted apart. */
export function summarize(rows: readonly AttendanceRow[]): AttendanceSummary {
  const reasons = Object.fromEntries(ABSENCE_REASONS.map((r) => [r, 0])) as Record<
    AbsenceReason,
    number
  >
  const s = { expected: 0, onTime: 0, late: 0, absent: 0, unregistered: 0 }
  for (const r of rows) {
    if (!r.expected || r.status === 'TIDAK_TERDAFTAR') {
      s.unregistered++
      continue
    }
    s.expected++
    if (r.status === 'HADIR') s.onTime++
    else if (r.status === 'TERLAMBAT') s.late++
    else if (r.status === 'TIDAK_HADIR') s.absent++
    else reasons[r.status]++
  }
  const present = s.onTime + s.late
  return { ...s, present, reasons, rate: s.expected ? present / s.expected : 0 }
}
