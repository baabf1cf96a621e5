// The kinds of fact the log holds and the body each carries, defined once. Bodies are type
// aliases (not interfaces) so they stay assignable to CanonicalValue; no field is optional
// (canonical form refuses undefined): an absent value is null.
import type { AbsenceReason } from '../../shared/attendance'
import type { JenisPegawai, ScanSource, UnknownNipPolicy } from '../../shared/domain'

/** How a scan attempt ended, as the log words it. */
export const SCAN_RESULTS = [
  'recorded',
  'duplicate',
  'unknown-recorded',
  'unknown-refused',
  'invalid',
  'no-ceremony',
] as const
export type ScanResult = (typeof SCAN_RESULTS)[number]

export type ScanBody = {
  result: ScanResult
  /** null for "no ceremony" (and for an invalid code with no ceremony). */
  ceremonyId: number | null
  source: ScanSource
  /** The NIP read; null when the payload held none. */
  nip: string | null
  /** Invalid payloads only: a short digest and the length, never the payload itself. */
  payloadSha256: string | null
  payloadLength: number | null
  /** The arrival row written; null when nothing was written. */
  checkinId: number | null
  late: boolean | null
  /** This kiosk's arrival sequence number and the clock-back flag of the row written. */
  kioskSeq: number | null
  clockBack: boolean | null
  /**
   * At a gate: the hub's clock minus this gate's, ms, as last measured (gate/offset.ts), so the
   * hub decides lateness on its own clock (at + hubOffsetMs); null elsewhere or before one.
   */
  hubOffsetMs: number | null
  /** Set by migration 0009 on facts that predate the log. */
  migrated: boolean
}

export type CheckinCancelledBody = {
  checkinId: number
  ceremonyId: number
  nip: string
  reason: string
  by: string
  migrated: boolean
}

export type AbsenceSetBody = {
  ceremonyId: number
  employeeId: number
  nip: string
  /** null: back to "Tidak Hadir". */
  reason: AbsenceReason | null
  note: string
  previousReason: AbsenceReason | null
  previousNote: string | null
  by: string
  migrated: boolean
}

export type RosterImportedBody = {
  fileName: string
  fileSha256: string
  added: number
  updated: number
  deactivated: number
  rejected: number
}

export type CeremonyFieldsBody = {
  ceremonyId: number
  name: string
  date: string
  startTime: string
  lateTime: string
  timeZone: string
  place: string
  /** null: every OPD. */
  opdIds: number[] | null
  unknownPolicy: UnknownNipPolicy
  election: string
  migrated: boolean
}

/**
 * A ceremony created since version 12 carries its global id: the id a hub maps another kiosk's
 * arrivals by (src/main/hub/merge.ts). Entries written before carry none.
 */
export type CeremonyCreatedBody = CeremonyFieldsBody & { globalId: string }

export type CeremonyActivatedBody = { ceremonyId: number }

export type IkrarStartedBody = {
  ceremonyId: number
  readingId: number
  /** SHA-256 of the filled text exactly as stored with the reading. */
  textSha256: string
  migrated: boolean
}

export type IkrarEndedBody = { ceremonyId: number; readingId: number; migrated: boolean }

export type ExportWrittenBody = {
  ceremonyId: number
  folder: string
  files: { name: string; sha256: string }[]
}

/** Never the PIN or its hash: only that it was set, and whether one existed before. */
export type PinSetBody = { replaced: boolean }

/** The demo's rows removed before the first real import: the arrivals and reasons that went. */
export type DemoRemovedBody = {
  ceremonyIds: number[]
  checkinIds: number[]
  absences: { ceremonyId: number; employeeId: number }[]
}

/** A signed pakta form taken in; `formId` null: marked by hand (its QR unreadable). */
export type PaktaReceivedBody = {
  ceremonyId: number
  employeeId: number
  nip: string
  formId: number | null
  source: ScanSource
  by: string
}

/** Why the head was signed: an export, every few minutes while scans arrive, or on request. */
export type HeadSigningReason = 'ekspor' | 'berkala' | 'permintaan' | 'penutupan'

/** The chain's head before this entry, signed with the installation's key (log/signed-head.ts). */
export type HeadSignedBody = {
  headSeq: number
  headHash: string
  /** Ed25519 public key, 32 raw bytes in base64. */
  publicKey: string
  /** Ed25519 over headSignedBytes, base64. */
  signature: string
  reason: HeadSigningReason
}

// Facts set by hand (issue 13, lane facts): the roster, the texts read and signed, and who signs.
// Kiosk-local ids (employee, OPD) are kept for the rebuild and the tables; names go beside them
// because only names mean something on another laptop or on paper.

/** A person put on the roster at the gate, and the arrivals (kept for review) now linked to them. */
export type EmployeeRegisteredBody = {
  employeeId: number
  nip: string
  name: string
  opd: string
  jenis: JenisPegawai
  linkedCheckinIds: number[]
}

/** A non-ASN person added by hand (numbered NA-…). */
export type EmployeeAddedBody = {
  employeeId: number
  nip: string
  name: string
  opd: string
  jabatan: string
  pangkat: string
  jenis: JenisPegawai
}

/** One field of an employee edited by hand; `opd` by name, `active` false: deactivated. */
export type EmployeeFieldChange =
  | { field: 'name' | 'opd' | 'jabatan' | 'pangkat' | 'jenis'; previous: string; value: string }
  | { field: 'active'; previous: boolean; value: boolean }

/** Only the fields that changed; an edit that changes nothing is no fact and writes no entry. */
export type EmployeeChangedBody = {
  employeeId: number
  nip: string
  changes: EmployeeFieldChange[]
}

/** A ceremony's ikrar or pakta copy edited or started over from a template (text digests only). */
export type CopyChangedBody = {
  ceremonyId: number
  templateId: string
  previousTemplateId: string
  /** SHA-256 of the copy's canonical text fields (docs/log-format.md), before and after. */
  previousTextSha256: string
  textSha256: string
}

export type SignerValue = { title: string; name: string; pangkat: string; nip: string }

/** Who signs for an OPD (opdId) or, with opdId null, the recap; null: none set (derived title). */
export type SignerSetBody = {
  opdId: number | null
  opd: string | null
  previous: SignerValue | null
  signer: SignerValue | null
}

export type LeaderValue = { title: string; name: string; nip: string }

/** The region's leaders on the declaration sheet, the whole list in order, before and after. */
export type LeadersSetBody = { previous: LeaderValue[]; leaders: LeaderValue[] }

/**
 * A request from the network the hub refused (unpaired, expired or reused code, revoked gate,
 * replay, malformed or oversized body, too many requests). Bounded: short strings only, and
 * the hub logs at most a few per second, so a flood cannot fill the log.
 */
export type HubRefusedBody = {
  /** HTTP status answered. */
  status: number
  /** Why, as a code ('CODE_WRONG', 'REVOKED', …). */
  code: string
  /** The path asked for, at most 60 characters. */
  path: string
  /** The address it came from. */
  remote: string
  /** The gate it claimed to be, when it named one (at most 64 characters). */
  peer: string | null
}

// Between kiosks (lane files: docs/antar-kiosk.md). Digests and counts, never the file itself.

/** A "Kirim data" file from another kiosk taken in: whose, which part of its chain, what it added. */
export type BundleImportedBody = {
  fileName: string
  fileSha256: string
  peerKioskId: string
  fingerprint: string
  ceremonyGlobalId: string
  fromSeq: number
  toSeq: number
  newEntries: number
  arrivals: number
  repeats: number
}

/** A "Paket acara" written for other kiosks: the ceremony, its roster's size, the file's digest. */
export type PaketWrittenBody = {
  ceremonyId: number
  ceremonyGlobalId: string
  fileName: string
  fileSha256: string
  employees: number
}

/** A "Paket acara" taken in: whose key signed it and the ceremony it made here. */
export type PaketImportedBody = {
  ceremonyId: number
  ceremonyGlobalId: string
  fileName: string
  fileSha256: string
  fingerprint: string
  employees: number
}

/**
 * At a hub, after an officer cancelled the arrival that counted: the person's earliest arrival
 * the merge had set aside (a gate's, an office's or this kiosk's own) counts again.
 */
export type CheckinReinstatedBody = {
  ceremonyId: number
  nip: string
  /** This kiosk's row that counts again, and whose arrival it is (its kiosk and number there). */
  checkinId: number
  arrivalKioskId: string
  kioskSeq: number
  scannedAt: string
  /** Why the merge had set it aside ("Sudah tercatat lebih awal di …"). */
  previousReason: string
}

export type LogBodies = {
  scan: ScanBody
  'checkin.cancelled': CheckinCancelledBody
  'absence.set': AbsenceSetBody
  'roster.imported': RosterImportedBody
  'ceremony.created': CeremonyFieldsBody | CeremonyCreatedBody
  'ceremony.changed': CeremonyFieldsBody
  'ceremony.activated': CeremonyActivatedBody
  'ikrar.started': IkrarStartedBody
  'ikrar.ended': IkrarEndedBody
  'export.written': ExportWrittenBody
  'pin.set': PinSetBody
  'demo.removed': DemoRemovedBody
  'pakta.received': PaktaReceivedBody
  'head.signed': HeadSignedBody
  'employee.registered': EmployeeRegisteredBody
  'employee.added': EmployeeAddedBody
  'employee.changed': EmployeeChangedBody
  'ikrar.changed': CopyChangedBody
  'pakta.changed': CopyChangedBody
  'signer.set': SignerSetBody
  'leaders.set': LeadersSetBody
  'hub.refused': HubRefusedBody
  'bundle.imported': BundleImportedBody
  'paket.written': PaketWrittenBody
  'paket.imported': PaketImportedBody
  'checkin.reinstated': CheckinReinstatedBody
}
export type LogKind = keyof LogBodies

export const LOG_KINDS = [
  'scan',
  'checkin.cancelled',
  'absence.set',
  'roster.imported',
  'ceremony.created',
  'ceremony.changed',
  'ceremony.activated',
  'ikrar.started',
  'ikrar.ended',
  'export.written',
  'pin.set',
  'demo.removed',
  'pakta.received',
  'head.signed',
  'employee.registered',
  'employee.added',
  'employee.changed',
  'ikrar.changed',
  'pakta.changed',
  'signer.set',
  'leaders.set',
  'hub.refused',
  'bundle.imported',
  'paket.written',
  'paket.imported',
  'checkin.reinstated',
] as const satisfies readonly LogKind[]

/** One entry as the chain hashes it. */
export type LogEntry<K extends LogKind = LogKind> = {
  seq: number
  id: string
  kind: K
  at: string
  kioskId: string | null
  body: LogBodies[K]
}
