import type { ScanSource } from './domain'
import type { IkrarClass } from './ikrar-attendance'

/** Why an expected person did not scan, as the officer records it after the apel. */
export const ABSENCE_REASONS = ['IZIN', 'SAKIT', 'DINAS_LUAR', 'CUTI', 'TUGAS_BELAJAR'] as const
export type AbsenceReason = (typeof ABSENCE_REASONS)[number]

/** TIDAK_TERDAFTAR: arrived, but not one of the people the ceremony expects (see UNREGISTERED_WHY). */
export type AttendanceStatus =
  'HADIR' | 'TERLAMBAT' | AbsenceReason | 'TIDAK_HADIR' | 'TIDAK_TERDAFTAR'

/** The words an attendance sheet uses (the usual codes: H, TL, I, S, DL, C, TB, TK). */
export const STATUS_LABEL: Record<AttendanceStatus, string> = {
  HADIR: 'Hadir',
  TERLAMBAT: 'Terlambat',
  IZIN: 'Izin',
  SAKIT: 'Sakit',
  DINAS_LUAR: 'Dinas Luar',
  CUTI: 'Cuti',
  TUGAS_BELAJAR: 'Tugas Belajar',
  TIDAK_HADIR: 'Tidak Hadir',
  TIDAK_TERDAFTAR: 'Tidak Terdaftar',
}

/**
 * Why an arrival is "tidak terdaftar": one idea with one name and one count on the gate screen,
 * the recap, its "Tidak Terdaftar" sheet and the CSV. Such an arrival is recorded (nothing a
 * person did at the gate is thrown away) and counted apart, never as present.
 */
export const UNREGISTERED_WHY = {
  unknown: 'NIP tidak ada di data pegawai',
  inactive: 'pegawai nonaktif di data pegawai',
  'not-invited': 'OPD-nya bukan peserta apel ini',
} as const
export type UnregisteredWhy = keyof typeof UNREGISTERED_WHY

/** One person on a ceremony's attendance list. */
export interface AttendanceRow {
  /** null: an arrival whose NIP is not on the roster at all. */
  employeeId: number | null
  nip: string
  name: string
  jabatan: string
  pangkat: string
  /** null with opdName '' when the NIP is not on the roster. */
  opdId: number | null
  opdName: string
  /** false: arrived though the ceremony did not expect them (status TIDAK_TERDAFTAR). */
  expected: boolean
  status: AttendanceStatus
  /** UTC instant of the live check-in. */
  scannedAt: string | null
  source: ScanSource | null
  /** The installation whose arrival counts (this kiosk's own id, or a peer's); null: none. */
  kioskId: string | null
  note: string
  /** Who set the absence reason and when (UTC), shown so a change is never anonymous. */
  reasonBy: string | null
  reasonAt: string | null
  /** The arrival against the ikrar reading(s); null: not arrived. */
  ikrar: IkrarClass | null
}

export interface AttendanceSummary {
  expected: number
  /** Hadir on time plus Terlambat, among the expected. */
  present: number
  onTime: number
  late: number
  reasons: Record<AbsenceReason, number>
  absent: number
  /** Arrivals the ceremony did not expect; not part of the percentage. */
  unregistered: number
  /** present / expected, 0..1; 0 when nobody is expected. */
  rate: number
}
