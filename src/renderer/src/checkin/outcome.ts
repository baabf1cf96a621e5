import type { ScanOutcome } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { formatTime, type TimeZoneId } from '../../../shared/time'

/** What the screen shows: a scan's outcome, or a failure to record it at all. */
export type ShownOutcome = ScanOutcome | { kind: 'failed'; reason: string }
export type OutcomeKind = ShownOutcome['kind']

export interface OutcomeView {
  tone: 'ok' | 'warn' | 'bad' | 'info'
  title: string
  name?: string
  detail: string
}

/** The words an arriving ASN reads from two metres, in the ceremony's time zone. */
export function describeOutcome(o: ShownOutcome, zone: TimeZoneId): OutcomeView {
  switch (o.kind) {
    case 'recorded':
      return {
        tone: o.late ? 'warn' : 'ok',
        title: o.late ? 'TERCATAT (TERLAMBAT)' : 'TERCATAT',
        name: o.person.name,
        detail: `${o.person.opdName} · pukul ${formatTime(o.at, zone)}`,
      }
    case 'duplicate':
      return {
        tone: 'info',
        title: 'SUDAH TERCATAT',
        name: o.person.name,
        detail: `Sudah dipindai pukul ${formatTime(o.firstAt, zone)}. Tidak dicatat ulang.`,
      }
    case 'unknown':
      return {
        tone: 'warn',
        title: 'NIP TIDAK TERDAFTAR',
        name: formatNip(o.nip),
        detail: o.recorded
          ? 'Dicatat untuk diperiksa petugas.'
          : 'Tidak dicatat. Silakan menemui petugas.',
      }
    case 'invalid':
      return { tone: 'bad', title: 'KODE TIDAK VALID', detail: o.reason }
    case 'no-ceremony':
      return {
        tone: 'bad',
        title: 'BELUM ADA ACARA AKTIF',
        detail: 'Petugas: pilih acara di menu Acara.',
      }
    case 'failed':
      return { tone: 'bad', title: 'GAGAL MENYIMPAN', detail: `${o.reason} Pindai ulang.` }
  }
}
