import type { UnregisteredWhy } from './attendance'
import type { IkrarGate } from './ikrar-attendance'
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
  /** The id every kiosk running this apel shares (UUIDv7); `id` is this kiosk's own. */
  globalId: string
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
  | {
      kind: 'recorded'
      checkinId: number
      person: Person
      at: string
      late: boolean
      /** On the roster but not expected here: recorded and counted as "tidak terdaftar". */
      unregistered: Exclude<UnregisteredWhy, 'unknown'> | null
    }
  | {
      kind: 'duplicate'
      person: Person
      firstAt: string
      /**
       * Where the arrival that counts was recorded, when not at this kiosk: a peer's label
       * ('Gerbang 2', an office's name), for "SUDAH TERCATAT di Gerbang 2 pukul 07.12". null: here.
       */
      where: string | null
    }
  | { kind: 'unknown'; nip: string; recorded: boolean; checkinId: number | null; at: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'no-ceremony' }

export type RecordedOutcome = Extract<ScanOutcome, { kind: 'recorded' }>

/** An unknown NIP put on the roster from the gate. */
export interface RegisteredArrival {
  employee: Employee
  /** Earlier check-ins of this NIP (any ceremony) now linked to the new employee. */
  linked: number
  /** The arrival at the active ceremony as it now counts; null: this NIP has not arrived. */
  arrival: RecordedOutcome | null
}

export interface Arrival {
  checkinId: number
  nip: string
  /** null: the NIP is not on the roster. */
  name: string | null
  opdName: string | null
  at: string
  late: boolean
  source: ScanSource
  /** Set when the record was cancelled (only the "dibatalkan" list shows those). */
  cancelledAt: string | null
  cancelReason: string | null
}

/** The gate's list of arrivals, filtered main-side. */
export const ARRIVAL_FILTERS = [
  'semua',
  'terlambat',
  'manual',
  'tidak-terdaftar',
  'dibatalkan',
] as const
export type ArrivalFilter = (typeof ARRIVAL_FILTERS)[number]

/** Two letters would match half the roster: the gate's manual search starts at three. */
export const GATE_SEARCH_MIN = 3

/**
 * A manual search hit at the gate: who, and whether they are already present (and since when).
 * Never a whole NIP, since anyone may stand at the gate: `pick` is a short-lived payload for
 * 'checkin.scan' (source 'manual') that only main turns back into the NIP.
 */
export interface GateMatch {
  pick: string
  name: string
  opdName: string
  nipMasked: string
  /** First live scan in the active ceremony; null: not here yet. */
  arrivedAt: string | null
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
  /**
   * Arrivals the ceremony does not expect ("tidak terdaftar": NIP not on the roster, inactive,
   * or from an OPD not invited), recorded and counted apart from present.
   */
  unregistered: number
  perOpd: OpdCount[]
  /** The last arrivals that pass `filter`, newest first. */
  recent: Arrival[]
  filter: ArrivalFilter
  /** The newest live record, whatever the filter: the one "Batalkan pindaian terakhir" cancels. */
  last: Arrival | null
  /** Rows of the ceremony each filter lists, unregistered and cancelled included. */
  filterCounts: Record<ArrivalFilter, number>
  /** Who is still missing from the OPD asked about (empty when none was). */
  missing: { opdId: number; people: Person[] } | null
  clock: ClockStatus
  /** How many present came after the ikrar reading began (see ikrar-attendance.ts). */
  ikrar: IkrarGate
  /** Scan attempts that recorded no arrival, from the log (src/main/log/attempts.ts). */
  attempts: GateAttempts
}

/** The gate's count of attempts that were not arrivals: codes with no NIP, repeats, refusals. */
export interface GateAttempts {
  invalid: number
  duplicate: number
  /** NIPs not on the roster, refused by the ceremony's policy. */
  refused: number
}

/** Whether the laptop's clock can be trusted for the times being recorded. */
export interface ClockStatus {
  /** Indonesian, for the gate; null when the clock looks right. */
  warning: string | null
}

export interface Backup {
  /** File name inside the backup folder; also its id. */
  name: string
  at: string
  reason: string
  bytes: number
}
