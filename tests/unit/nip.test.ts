import { describe, expect, it } from 'vitest'
import { formatNip, normalizeNip, validateNip } from '../../src/shared/nip'

describe('normalizeNip', () => {
  it('removes the separators people and spreadsheets add', () => {
    expect(normalizeNip("'19740502 199311 1 001")).toBe('197405021993111001')
    expect(normalizeNip('19740502.199311.1.001')).toBe('197405021993111001')
    expect(normalizeNip('19740502-199311-1-001')).toBe('197405021993111001')
    expect(normalizeNip('19740502\u00a0199311\u00a01\u00a0001')).toBe('197405021993111001')
  })
})

describe('validateNip', () => {
  it('accepts a PNS NIP and says so', () => {
    expect(validateNip('19740502 199311 1 001')).toEqual({
      ok: true,
      nip: '197405021993111001',
      kind: 'PNS',
    })
  })

  it('accepts a PPPK number whose block 13-14 is not a month', () => {
    expect(validateNip('199009132025242014')).toEqual({
      ok: true,
      nip: '199009132025242014',
      kind: 'PPPK',
    })
  })

  it.each([
    ['1974050219931110', 'harus 18 digit'],
    ['19740502199311100A', 'hanya boleh berisi angka'],
    ['197402301993111001', 'tanggal lahir'],
    ['197405021993001001', 'bulan TMT'],
    ['197405021970111001', 'sebelum tanggal lahir'],
    ['197405021993113001', 'jenis kelamin'],
    ['197405021993111000', 'nomor urut'],
  ])('refuses %s with a reason (%s)', (nip, reason) => {
    const result = validateNip(nip)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })
})

describe('formatNip', () => {
  it('writes the 8-6-1-3 form used on documents', () => {
    expect(formatNip('197405021993111001')).toBe('19740502 199311 1 001')
    expect(formatNip('NA-000001')).toBe('NA-000001')
  })
})
