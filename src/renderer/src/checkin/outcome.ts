import { UNREGISTERED_WHY } from '../../../shared/attendance'
import type { RecordedOutcome, ScanOutcome } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import type { PaktaOutcome } from '../../../shared/pakta'
import { formatTime, type TimeZoneId } from '../../../shared/time'

/** What the screen shows: a scan's outcome (check-in or pakta), or a failure to record it at all. */
export type ShownOutcome = ScanOutcome | PaktaOutcome | { kind: 'failed'; reason: string }
export type OutcomeKind = ShownOutcome['kind']

/** How long a banner shows an outcome before it is ready again: good news briefly. */
export const BANNER_MS = { ok: 2500, other: 5000 }
/** The overlay over other screens: long enough to read from the desk. */
export const OVERLAY_MS = { ok: 3500, other: 6000 }

/**
 * How an outcome looks on the banner: each has its own colour (styles.css, `.outcome-<look>`)
 * and its own icon shape, so a colour-blind reader or one glancing from two metres never takes
 * one for another. Late arrivals and refused strangers are looks of their own although they
 * share a kind with on-time arrivals and strangers recorded for review.
 */
export const OUTCOME_LOOKS = [
  'recorded',
  'late',
  'duplicate',
  'unknown',
  'refused',
  'invalid',
  'no-ceremony',
  'failed',
  'pakta',
] as const
export type OutcomeLook = (typeof OUTCOME_LOOKS)[number]

export interface OutcomeView {
  look: OutcomeLook
  title: string
  /** After the title, smaller: the other gate that counted this person, and when. */
  where?: string
  name?: string
  /** The NIP as printed on documents, beside the name: two people may share a name in one OPD. */
  nip?: string
  detail: string
}

/** Recorded, but not one of the people this apel expects: said, so the officer can check. */
function recordedUnregistered(
  o: RecordedOutcome,
  why: keyof typeof UNREGISTERED_WHY,
  zone: TimeZoneId,
): OutcomeView {
  const text = UNREGISTERED_WHY[why]
  return {
    // The look of a stranger kept for review: the same idea, "tidak terdaftar".
    look: 'unknown',
    title: 'TERCATAT, TIDAK TERDAFTAR',
    name: o.person.name,
    nip: formatNip(o.person.nip),
    detail: `${text[0]!.toUpperCase()}${text.slice(1)} · ${o.person.opdName} · pukul ${formatTime(o.at, zone)}. Dihitung sebagai tidak terdaftar.`,
  }
}

/** The words an arriving ASN reads from two metres, in the ceremony's time zone. */
export function describeOutcome(o: ShownOutcome, zone: TimeZoneId): OutcomeView {
  switch (o.kind) {
    case 'recorded':
      if (o.unregistered) return recordedUnregistered(o, o.unregistered, zone)
      return {
        look: o.late ? 'late' : 'recorded',
        title: o.late ? 'TERCATAT (TERLAMBAT)' : 'TERCATAT',
        name: o.person.name,
        nip: formatNip(o.person.nip),
        detail: `${o.person.opdName} · pukul ${formatTime(o.at, zone)}`,
      }
    case 'duplicate':
      // Counted at another gate (the hub said so): the person reads where and when, so they
      // do not queue again there; here, only when.
      if (o.where) {
        return {
          look: 'duplicate',
          title: 'SUDAH TERCATAT',
          where: `di ${o.where} pukul ${formatTime(o.firstAt, zone)}`,
          name: o.person.name,
          nip: formatNip(o.person.nip),
          detail: `${o.person.opdName} · tidak dicatat ulang di gerbang ini`,
        }
      }
      return {
        look: 'duplicate',
        title: 'SUDAH TERCATAT',
        name: o.person.name,
        nip: formatNip(o.person.nip),
        detail: `${o.person.opdName} · sudah dipindai pukul ${formatTime(o.firstAt, zone)}, tidak dicatat ulang`,
      }
    case 'unknown':
      return {
        look: o.recorded ? 'unknown' : 'refused',
        title: o.recorded ? 'NIP TIDAK TERDAFTAR' : 'NIP TIDAK TERDAFTAR: DITOLAK',
        nip: formatNip(o.nip),
        detail: o.recorded
          ? `Dicatat pukul ${formatTime(o.at, zone)} untuk diperiksa petugas.`
          : 'Tidak dicatat. Silakan menemui petugas.',
      }
    case 'invalid':
      return { look: 'invalid', title: 'KODE TIDAK VALID', detail: o.reason }
    case 'no-ceremony':
      return {
        look: 'no-ceremony',
        title: 'BELUM ADA ACARA AKTIF',
        detail: 'Petugas: pilih acara di menu Acara.',
      }
    case 'failed':
      return { look: 'failed', title: 'GAGAL MENYIMPAN', detail: `${o.reason} Pindai ulang.` }
    case 'pakta-received':
    case 'pakta-duplicate':
    case 'pakta-refused':
      return describePakta(o, zone)
  }
}

/** A returned pakta form: its own look when taken in; "already" and refusals as at the gate. */
function describePakta(o: PaktaOutcome, zone: TimeZoneId): OutcomeView {
  const who = o.person ? { name: o.person.name, nip: formatNip(o.person.nip) } : {}
  switch (o.kind) {
    case 'pakta-received':
      return {
        look: 'pakta',
        title: 'PAKTA DITERIMA',
        ...who,
        detail: `${o.person.opdName} · diterima pukul ${formatTime(o.at, zone)}`,
      }
    case 'pakta-duplicate':
      return {
        look: 'duplicate',
        title: 'PAKTA SUDAH DITERIMA',
        ...who,
        detail: `${o.person.opdName} · sudah diterima pukul ${formatTime(o.firstAt, zone)}, tidak dicatat ulang`,
      }
    case 'pakta-refused':
      return {
        look: o.why === 'nip-card' || o.why === 'not-pakta' ? 'invalid' : 'refused',
        title: o.why === 'nip-card' ? 'INI KARTU NIP, BUKAN FORMULIR PAKTA' : 'PAKTA DITOLAK',
        ...who,
        detail: o.reason,
      }
  }
}
