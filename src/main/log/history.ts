import { STATUS_LABEL, type AbsenceReason } from '../../shared/attendance'
import type { HistoryLine, PersonHistory } from '../../shared/contract/log'
import type { Db } from '../db/connection'
import type { AbsenceSetBody, CheckinCancelledBody, ScanBody, ScanResult } from './kinds'
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

interface Row {
  seq: number
  kind: 'scan' | 'checkin.cancelled' | 'absence.set'
  at: string
  kiosk_id: string | null
  body: string
}

function describe(row: Row): HistoryLine {
  const kiosk = row.kiosk_id ? `kiosk ${row.kiosk_id.slice(0, 8)}` : 'data sebelum log'
  const line = (what: string, by: string) => ({ seq: row.seq, at: row.at, what, by })
  if (row.kind === 'scan') {
    const b = JSON.parse(row.body) as ScanBody
    const late = b.late ? ', terlambat' : ''
    return line(`${SCAN_WHAT[b.result]} (${b.source}${late})`, kiosk)
  }
  if (row.kind === 'checkin.cancelled') {
    const b = JSON.parse(row.body) as CheckinCancelledBody
    return line(`Kehadiran dibatalkan: ${b.reason}`, b.by ? `kiosk ${b.by.slice(0, 8)}` : kiosk)
  }
  const b = JSON.parse(row.body) as AbsenceSetBody
  const note = b.reason !== null && b.note ? ` (${b.note})` : ''
  return line(
    `Keterangan diubah dari ${reasonLabel(b.previousReason)} menjadi ${reasonLabel(b.reason)}${note}`,
    b.by,
  )
}

/**
 * One NIP's history at one ceremony, read from the log alone (since the demo's removal that
 * may have freed the ceremony's id, as log/attempts.ts counts): every scan attempt, every
 * cancellation and every reason, oldest first. Reads the whole log once (an officer's question,
 * not the scan path); a person has a handful of lines.
 */
export function personHistory(db: Db, nip: string, ceremonyId: number): PersonHistory {
  const rows = db
    .prepare(
      `SELECT seq, kind, at, kiosk_id, body FROM log_entry
       WHERE kind IN ('scan', 'checkin.cancelled', 'absence.set')
         AND json_extract(body, '$.nip') = @nip AND json_extract(body, '$.ceremonyId') = @ceremonyId
         AND seq > (${SINCE})
       ORDER BY seq`,
    )
    .all({ nip, ceremonyId }) as Row[]
  return { nip, ceremonyId, lines: rows.map(describe) }
}
