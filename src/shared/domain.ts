import type { TimeZoneId } from './time'

export const JENIS_PEGAWAI = ['PNS', 'PPPK', 'NON_ASN'] as const
export type JenisPegawai = (typeof JENIS_PEGAWAI)[number]

export interface Opd {
  id: number
  name: string
  employees: number
}

export interface Employee {
  id: number
  /** 18-digit NIP, or the kiosk's internal ID for non-ASN staff. */
  nip: string
  name: string
  opdId: number
  opdName: string
  jabatan: string
  pangkat: string
  jenis: JenisPegawai
  active: boolean
  /** When the officer confirmed this person's QR card was printed; null: no card yet. */
  cardPrintedAt: string | null
}

/** Roster filter on cards: everyone, those with no card yet, those who have one. */
export const CARD_FILTERS = ['any', 'none', 'printed'] as const
export type CardFilter = (typeof CARD_FILTERS)[number]

/**
 * Cards in one print job: a whole OPD (up to about 2,000) goes in one; the whole region
 * (20,000) is printed in parts, so the sheet never holds more QR codes than this.
 */
export const MAX_CARDS_PER_PRINT = 3000

/** What a printed QR card shows. */
export interface CardHolder {
  id: number
  nip: string
  name: string
  opdName: string
}

export type UnknownNipPolicy = 'review' | 'refuse'

export interface Ceremony {
  id: number
  name: string
  /** Local date and times in the ceremony's zone, as the officer typed them. */
  date: string
  startTime: string
  lateTime: string
  /** UTC instants derived from the above. */
  startsAt: string
  lateAt: string
  place: string
  timeZone: TimeZoneId
  /** null: every OPD is expected. */
  opdIds: number[] | null
  unknownPolicy: UnknownNipPolicy
  /** The election the ikrar names ({pemilihan}), e.g. "Pilkada Serentak Tahun 2024". */
  election: string
  active: boolean
}

export interface ImportRejection {
  row: number
  reason: string
}

export interface ImportPreview {
  previewId: string
  fileName: string
  sheetName: string | null
  headerRow: number
  toAdd: number
  toUpdate: number
  unchanged: number
  toDeactivate: number
  rejected: ImportRejection[]
  /** OPD names in the file that were merged with another spelling. */
  opdMerged: { name: string; variants: string[] }[]
  opdNew: string[]
  sample: { nip: string; name: string; opd: string; action: 'tambah' | 'ubah' }[]
}

export interface ImportResult {
  added: number
  updated: number
  deactivated: number
}

export const SCAN_SOURCES = ['kamera', 'pemindai', 'manual'] as const
export type ScanSource = (typeof SCAN_SOURCES)[number]

export interface Person {
  nip: string
  name: string
  opdName: string
}

/** How one scan ended; the screen shows each in its own colour and sound. */
export type ScanOutcome =
  | { kind: 'recorded'; checkinId: number; person: Person; at: string; late: boolean }
  | { kind: 'duplicate'; person: Person; firstAt: string }
  | { kind: 'unknown'; nip: string; recorded: boolean; checkinId: number | null; at: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'no-ceremony' }

export interface Arrival {
  checkinId: number
  nip: string
  /** null: the NIP is not on the roster. */
  name: string | null
  opdName: string | null
  at: string
  late: boolean
  source: ScanSource
}

export interface OpdCount {
  opdId: number
  name: string
  expected: number
  present: number
  late: number
}

export interface Dashboard {
  ceremony: { id: number; name: string; timeZone: Ceremony['timeZone']; lateAt: string }
  expected: number
  present: number
  late: number
  /** Arrivals whose NIP is not on the roster, recorded for review. */
  unregistered: number
  perOpd: OpdCount[]
  recent: Arrival[]
  /** Who is still missing from the OPD asked about (empty when none was). */
  missing: { opdId: number; people: Person[] } | null
}

export interface Backup {
  /** File name inside the backup folder; also its id. */
  name: string
  at: string
  reason: string
  bytes: number
}
