import { z } from 'zod'
import { ABSENCE_REASONS, type AttendanceRow, type AttendanceSummary } from '../attendance'
import { call } from './define'

const id = z.number().int().positive()
const note = z.string().trim().max(200)

export const attendanceContract = {
  /** The officer on duty, or null before anyone typed a name this session. */
  'attendance.officer': call<string | null>()(z.undefined()),
  'attendance.setOfficer': call<string>({ officer: true })(
    z.object({ name: z.string().trim().min(1, 'Nama petugas wajib diisi').max(100) }).strict(),
  ),
  /** Names and NIPs of an OPD, as Data Pegawai shows them: the officer's only. */
  'attendance.list': call<{ rows: AttendanceRow[]; summary: AttendanceSummary }>({
    officer: true,
  })(z.object({ ceremonyId: id, opdId: id.nullable() }).strict()),
  'attendance.setReason': call<AttendanceRow>({ officer: true })(
    z
      .object({
        ceremonyId: id,
        employeeId: id,
        reason: z.enum(ABSENCE_REASONS).nullable(),
        note,
        previous: z.enum(ABSENCE_REASONS).nullable(),
      })
      .strict(),
  ),
  /** Everyone of the OPD still "Tidak Hadir" gets the reason; reasons already set are kept. */
  'attendance.setReasonForOpd': call<{ changed: number; skipped: number }>({ officer: true })(
    z.object({ ceremonyId: id, opdId: id, reason: z.enum(ABSENCE_REASONS), note }).strict(),
  ),
}
