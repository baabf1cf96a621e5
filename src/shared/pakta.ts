/**
 * The pakta integritas netralitas each ASN signs: its text, the pre-filled forms, and what a
 * returned form's scan came to. Shared because main stores and decides it and the renderer
 * prints and shows it. Placeholders are the ikrar's ({instansi}, {acara}, {pemilihan}).
 */
import type { Person, ScanSource } from './domain'

/** The words of the pakta, placeholders still in or already filled. */
export interface PaktaText {
  /** "PAKTA INTEGRITAS NETRALITAS ASN" */
  heading: string
  /** The line under it naming the election: "PADA PELAKSANAAN {pemilihan}". */
  subheading: string
  /** "Saya yang bertanda tangan di bawah ini:" (the identity rows follow it). */
  opening: string
  /** "dengan ini menyatakan dengan sesungguhnya bahwa saya:" (the numbered points follow). */
  statement: string
  points: string[]
  /** "Apabila di kemudian hari saya terbukti melanggar …, saya bersedia dikenakan sanksi …" */
  sanction: string
  closing: string
}

/** A shipped text (resources/pakta/*.json); never changed by a ceremony. */
export interface PaktaTemplate extends PaktaText {
  id: string
  title: string
  source: string
}

/** A ceremony's own copy of the pakta, edited freely, placeholders kept until printed. */
export interface PaktaCopy extends PaktaText {
  ceremonyId: number
  templateId: string
  /** The town written before the date under the signature ("Banyuwangi"); empty: dotted line. */
  place: string
  /** Leaves a box for a meterai beside the signature, where the region asks for one. */
  meterai: boolean
  /** null: nothing saved yet, this is the default template for the ceremony. */
  updatedAt: string | null
}

/** One pre-filled form, as printed: the identity rows, and the QR that names this form. */
export interface PaktaForm {
  formId: number
  employeeId: number
  nip: string
  name: string
  pangkat: string
  jabatan: string
  opdName: string
  /** The QR's text (see main's pakta/payload.ts); only main can make one. */
  payload: string
  /** UTC instant the pakta came back; null: not yet. */
  receivedAt: string | null
}

/** The whole print job: the filled text once, then one form per person. */
export interface PaktaBatch {
  text: PaktaText
  /** "Banyuwangi, 30 September 2024"; the place is blank when the copy names none. */
  place: string
  date: string
  meterai: boolean
  forms: PaktaForm[]
}

/** Whom to print forms for. */
export const PAKTA_SELECTIONS = ['semua', 'belum'] as const
export type PaktaSelection = (typeof PAKTA_SELECTIONS)[number]

/** Why a returned form (or what was scanned instead) was not taken. */
export const PAKTA_REFUSALS = {
  'nip-card':
    'Ini kartu NIP, bukan formulir pakta: pindai QR di formulir pakta yang sudah ditandatangani.',
  'not-pakta': 'Kode ini bukan formulir pakta integritas.',
  'other-ceremony': 'Formulir ini untuk acara lain, bukan acara yang sedang berjalan.',
  forged: 'Kode formulir tidak sah (rusak atau diubah): cetak ulang formulir orang ini.',
  'unknown-form': 'Formulir ini tidak tercatat di kiosk ini.',
  'not-on-roster': 'Pegawai pada formulir ini tidak ada (lagi) di data pegawai aktif.',
  'no-ceremony': 'Belum ada acara aktif. Pilih acara di menu Acara.',
  'no-officer':
    'Isi dulu nama petugas penerima di layar Pakta: setiap penerimaan mencatat siapa penerimanya.',
} as const
export type PaktaRefusal = keyof typeof PAKTA_REFUSALS

/** How a returned form's scan ended; the screen gives each its own look and sound. */
export type PaktaOutcome =
  | { kind: 'pakta-received'; person: Person; at: string }
  | { kind: 'pakta-duplicate'; person: Person; firstAt: string }
  | { kind: 'pakta-refused'; why: PaktaRefusal; reason: string; person: Person | null }

/** Who took a pakta in, and how: the receipt's own facts (see main's pakta/receipt.ts). */
export interface PaktaReceipt {
  ceremonyId: number
  employeeId: number
  nip: string
  formId: number | null
  receivedAt: string
  receivedBy: string
  kioskId: string
  source: ScanSource
}

/** Received and outstanding per OPD, among the ASN the ceremony expects. */
export interface PaktaOpdCount {
  opdId: number
  opdName: string
  expected: number
  received: number
}

export interface PaktaTracking {
  ceremonyId: number
  ceremonyName: string
  expected: number
  received: number
  opd: PaktaOpdCount[]
}

/** Someone who has not returned the pakta yet: the reminder list's row. */
export interface PaktaOutstanding {
  employeeId: number
  nip: string
  name: string
  jabatan: string
  opdName: string
  /** When the form was printed; null: none printed yet. */
  issuedAt: string | null
}

/** The first characters of every pakta form's QR (see main's pakta/payload.ts). */
export const PAKTA_PREFIX = 'PAKTA1:'

/** Whether a scanned text is meant to be a pakta form, whatever else may be wrong with it. */
export function looksLikePaktaForm(payload: string): boolean {
  return payload.trim().toUpperCase().startsWith(PAKTA_PREFIX)
}

export function paktaParts(t: PaktaText): string[] {
  return [t.heading, t.subheading, t.opening, t.statement, ...t.points, t.sanction, t.closing]
}
