/**
 * NIP (Nomor Induk Pegawai): 18 digits. PNS: birth date (8), TMT CPNS year-month (6),
 * gender (1), sequence (3). NI PPPK: birth date (8), appointment year (4), a 2-digit block
 * whose meaning sources disagree on (21 and up seen), gender (1), sequence (3).
 * Non-ASN staff have no NIP; the kiosk gives them an internal ID ("NA-000123").
 */
export type NipKind = 'PNS' | 'PPPK'
export type NipCheck = { ok: true; nip: string; kind: NipKind } | { ok: false; reason: string }

export const INTERNAL_ID = /^NA-\d{6}$/

/** Separators people and spreadsheets put into a NIP; removed before validating. */
const SEPARATORS = /[\s\u00a0\u2007\u202f.\-\u2010-\u2015_/]/g

export function normalizeNip(raw: string): string {
  return raw.trim().replace(/^'/, '').replace(SEPARATORS, '')
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

const num = (s: string, from: number, to: number): number => Number(s.slice(from, to))

export function validateNip(raw: string): NipCheck {
  const nip = normalizeNip(raw)
  if (!/^\d+$/.test(nip)) return { ok: false, reason: 'NIP hanya boleh berisi angka' }
  if (nip.length !== 18) {
    return { ok: false, reason: `NIP harus 18 digit, yang tertulis ${nip.length} digit` }
  }
  const birthYear = num(nip, 0, 4)
  if (birthYear < 1900 || !isRealDate(birthYear, num(nip, 4, 6), num(nip, 6, 8))) {
    return { ok: false, reason: `tanggal lahir ${nip.slice(0, 8)} pada NIP tidak valid` }
  }
  const startYear = num(nip, 8, 12)
  const block = num(nip, 12, 14)
  if (block === 0) return { ok: false, reason: 'bulan TMT pada NIP tidak boleh 00' }
  const kind: NipKind = block <= 12 ? 'PNS' : 'PPPK'
  const birthKey = birthYear * 100 + num(nip, 4, 6)
  const startKey = kind === 'PNS' ? startYear * 100 + block : startYear * 100 + 12
  if (startKey <= birthKey) {
    return { ok: false, reason: 'TMT pada NIP tidak boleh sebelum tanggal lahir' }
  }
  if (nip[14] !== '1' && nip[14] !== '2') {
    return { ok: false, reason: 'digit ke-15 NIP (jenis kelamin) harus 1 atau 2' }
  }
  if (nip.endsWith('000')) return { ok: false, reason: 'nomor urut NIP tidak boleh 000' }
  return { ok: true, nip, kind }
}

/** "19740502 199311 1 001", as NIP is written on documents. */
export function formatNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
}

/**
 * "19820604 •••••• • 003": enough for the person to recognise their own entry at the gate, while
 * TMT and sex (digits 9-15) stay hidden from whoever stands behind them. Internal IDs as they are.
 */
export function maskNip(nip: string): string {
  if (!/^\d{18}$/.test(nip)) return nip
  return `${nip.slice(0, 8)} •••••• • ${nip.slice(15)}`
}
