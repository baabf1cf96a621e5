import { STATUS_LABEL, type AbsenceReason } from '../../shared/attendance'
import type { HistoryLine, PersonHistory } from '../../shared/contract/log'
import type { Db } from '../db/connection'
import type {
  AbsenceSetBody,
  CheckinCancelledBody,
  EmployeeAddedBody,
  EmployeeChangedBody,
  EmployeeFieldChange,
  EmployeeRegisteredBody,
  ScanBody,
  ScanResult,
} from './kinds'
import { SINCE } from './attempts'

const SCAN_WHAT: Record<ScanResult, string> = {
  recorded: 'Pindaian tercatat',
  duplicate: 'Pindaian ulang, sudah tercatat sebelumnya',
  'unknown-recorded': 'Pindaian tercatat sebagai tidak terdaftar',
  'unknown-refused': 'Pindaian ditolak: NIP tidak terdaftar',
  invalid: 'Kode tidak valid',
  'no-ceremony': 'Belum ada acara aktif',
}

const reasonLabel = (reason: AbsenceReason | null) => STATUS_LABEL[reason ?? 'TIDAK_HADIR']

/** The person's own facts at the ceremony, and the roster facts about them (any ceremony). */
const CEREMONY_KINDS = ['scan', 'checkin.cancelled', 'absence.set'] as const
const ROSTER_KINDS = ['employee.registered', 'employee.added', 'employee.changed'] as const
type HistoryKind = (typeof CEREMONY_KINDS)[number] | (typeof ROSTER_KINDS)[number]

interface Row {
  seq: number
  kind: HistoryKind
  at: string
  kiosk_id: string | null
  body: string
}

const FIELD_LABEL: Record<EmployeeFieldChange['field'], string> = {
  name: 'nama',
  opd: 'OPD',
  jabatan: 'jabatan',
  pangkat: 'pangkat/gol.',
  jenis: 'jenis pegawai',
  active: 'aktif',
}

const jenisLabel = (jenis: string) => (jenis === 'NON_ASN' ? 'Non-ASN' : jenis)
const shown = (field: EmployeeFieldChange['field'], value: string) =>
  field === 'jenis' ? jenisLabel(value) : value === '' ? '(kosong)' : `"${value}"`

function changeText(c: EmployeeFieldChange): string {
  if (c.field === 'active') return c.value ? 'diaktifkan kembali' : 'dinonaktifkan'
  return `${FIELD_LABEL[c.field]} ${shown(c.field, c.previous)} menjadi ${shown(c.field, c.value)}`
}

type Describe = { [K in HistoryKind]: (body: never) => string }

/** What each kind says in one line, in Indonesian. */
const WHAT = {
  scan: (b: ScanBody) => `${SCAN_WHAT[b.result]} (${b.source}${b.late ? ', terlambat' : ''})`,
  'checkin.cancelled': (b: CheckinCancelledBody) => `Kehadiran dibatalkan: ${b.reason}`,
  'absence.set': (b: AbsenceSetBody) => {
    const note = b.reason !== null && b.note ? ` (${b.note})` : ''
    return `Keterangan diubah dari ${reasonLabel(b.previousReason)} menjadi ${reasonLabel(b.reason)}${note}`
  },
  'employee.registered': (b: EmployeeRegisteredBody) =>
    `Didaftarkan dari gerbang sebagai ${b.name}, ${b.opd}; ${b.linkedCheckinIds.length} kedatangan ditautkan`,
  'employee.added': (b: EmployeeAddedBody) =>
    `Ditambahkan ke data pegawai (${jenisLabel(b.jenis)}): ${b.name}, ${b.opd}`,
  'employee.changed': (b: EmployeeChangedBody) =>
    `Data pegawai diubah: ${b.changes.map(changeText).join('; ')}`,
} satisfies Describe

function describe(row: Row): HistoryLine {
  const kiosk = row.kiosk_id ? `kiosk ${row.kiosk_id.slice(0, 8)}` : 'data sebelum log'
  const body = JSON.parse(row.body) as { by?: string }
  const what = (WHAT[row.kind] as (b: unknown) => string)(body)
  // A reason names the officer; a cancellation the kiosk that cancelled; the rest their kiosk.
  const by =
    row.kind === 'absence.set'
      ? (body.by ?? kiosk)
      : row.kind === 'checkin.cancelled' && body.by
        ? `kiosk ${body.by.slice(0, 8)}`
        : kiosk
  return { seq: row.seq, at: row.at, what, by }
}

const inList = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ')

/**
 * One NIP's history at one ceremony, read from the log alone (since the demo's removal that
 * may have freed the ceremony's id, as log/attempts.ts counts): every scan attempt, every
 * cancellation and every reason, and the roster's changes to that person (registered at the
 * gate, added, edited, deactivated), oldest first. Reads the whole log once (an officer's
 * question, not the scan path); a person has a handful of lines.
 */
export function personHistory(db: Db, nip: string, ceremonyId: number): PersonHistory {
  const rows = db
    .prepare(
      `SELECT seq, kind, at, kiosk_id, body FROM log_entry
       WHERE kind IN (${inList([...CEREMONY_KINDS, ...ROSTER_KINDS])})
         AND json_extract(body, '$.nip') = @nip AND seq > (${SINCE})
         AND (kind IN (${inList(ROSTER_KINDS)}) OR json_extract(body, '$.ceremonyId') = @ceremonyId)
       ORDER BY seq`,
    )
    .all({ nip, ceremonyId }) as Row[]
  return { nip, ceremonyId, lines: rows.map(describe) }
}
