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
