import { STATUS_LABEL, type AttendanceRow } from '../../shared/attendance'
import type { TimeZoneId } from '../../shared/time'
import { fingerprintOf, signBytes, verifyBytes, type KioskKey } from './signature'

/**
 * The signed content of an exported file: its attendance rows in one canonical form, and what
 * they are. The form is specified in docs/keaslian.md so an independent tool can recompute it;
 * change it only with a new FORMAT.
 */
export const SEAL_FORMAT = 'kiosk-apel-keaslian/1'

/** One person's attendance as it is signed: exactly these five fields. */
export interface CanonicalRow {
  /** 18 digits, or a non-ASN id such as NA-000001, without spaces. */
  nip: string
  /** The status as printed: "Hadir", "Terlambat", "Tidak Hadir", "Izin", … */
  status: string
  /** The live scan's UTC instant to the second ("2024-09-30T00:20:05Z"), '' when none. */
  time: string
  /** kamera, pemindai, manual; '' when none. */
  source: string
  /** The Keterangan column: the absence note, or why an arrival is tidak terdaftar. */
  reason: string
}

export interface SealBody {
  format: typeof SEAL_FORMAT
  /** Which file: "OPD Dinas Pendidikan", "Rekap", "CSV". */
  scope: string
  ceremonyId: number
  ceremonyName: string
  ceremonyDate: string
  timeZone: TimeZoneId
  /** UTC instant of the export. */
  signedAt: string
  /** The kiosk's Ed25519 public key, 32 raw bytes in base64. */
  publicKey: string
  rows: CanonicalRow[]
}

export interface Seal extends SealBody {
  /** Ed25519 over canonicalBytes(body), base64. */
  signature: string
}

/** UTC to the whole second: the resolution every exported sheet shows. */
export function canonicalTime(iso: string | null): string {
  if (!iso) return ''
  return `${new Date(iso).toISOString().slice(0, 19)}Z`
}

export function canonicalRow(r: AttendanceRow): CanonicalRow {
  return {
    nip: r.nip,
    status: STATUS_LABEL[r.status],
    time: canonicalTime(r.scannedAt),
    source: r.source ?? '',
    reason: r.note,
  }
}

/** A field on one line: backslash, tab, line feed and carriage return escaped. */
const field = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')

const rowLine = (r: CanonicalRow) =>
  [r.nip, r.status, r.time, r.source, r.reason].map(field).join('\t')

/** Rows in code-point order of their lines: sorting a sheet in Excel does not change what is signed. */
export function sortedRows(rows: readonly CanonicalRow[]): CanonicalRow[] {
  return rows
    .map((r) => ({ r, line: rowLine(r) }))
    .sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0))
    .map((x) => x.r)
}

/** The exact bytes that are signed (docs/keaslian.md): UTF-8 lines ending in "\n". */
export function canonicalBytes(body: SealBody): Buffer {
  const head: [string, string][] = [
    ['cakupan', body.scope],
    ['acara', String(body.ceremonyId)],
    ['nama acara', body.ceremonyName],
    ['tanggal acara', body.ceremonyDate],
    ['zona', body.timeZone],
    ['waktu tanda tangan', body.signedAt],
    ['kunci publik', body.publicKey],
    ['baris', String(body.rows.length)],
  ]
  const lines = [
    body.format,
    ...head.map(([k, v]) => `${k}\t${field(v)}`),
    ...sortedRows(body.rows).map(rowLine),
  ]
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8')
}

export function makeSeal(key: KioskKey, body: Omit<SealBody, 'format' | 'publicKey'>): Seal {
  const full: SealBody = {
    ...body,
    format: SEAL_FORMAT,
    publicKey: key.publicKey,
    rows: sortedRows(body.rows),
  }
  return { ...full, signature: signBytes(key, canonicalBytes(full)) }
}

/** Whether the seal's signature is its own public key's over its own body. */
export function sealHolds(seal: Seal): boolean {
  return verifyBytes(seal.publicKey, canonicalBytes(seal), seal.signature)
}

export const sealFingerprint = (seal: Pick<Seal, 'publicKey'>) => fingerprintOf(seal.publicKey)
