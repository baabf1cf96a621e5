import { describe, expect, it } from 'vitest'
import {
  fillIkrar,
  fillPlaceholders,
  stepAt,
  stepCount,
  stepLabel,
  unknownPlaceholders,
  usedPlaceholders,
} from '../../src/shared/ikrar'
import {
  DEFAULT_TEMPLATE_ID,
  findTemplate,
  listTemplates,
  parseTemplates,
} from '../../src/main/ikrar/templates'

const values = { instansi: 'Pemerintah Kabupaten Contoh', acara: 'Apel Netralitas ASN 2024' }

describe('ikrar templates', () => {
  it('ships the three known texts with their sources, Pilkada 2020 as the default', () => {
    const templates = listTemplates()
    expect(templates.map((t) => [t.id, t.points.length])).toEqual([
      ['pilkada-2020', 5],
      ['nasional-2020', 4],
      ['pemilu-2024', 4],
    ])
    expect(DEFAULT_TEMPLATE_ID).toBe('pilkada-2020')
    expect(findTemplate('pilkada-2020')?.source).toMatch(/Sarolangun.*media-dpr\.com/)
    expect(findTemplate('nasional-2020')?.source).toMatch(/KASN.*7 Oktober 2020/)
    expect(findTemplate('pemilu-2024')?.source).toMatch(/SKB.*22 September 2022/)
    expect(findTemplate('pemilu-2024')?.heading).toBe(
      'IKRAR NETRALITAS PEGAWAI APARATUR SIPIL NEGARA PADA PEMILU DAN PEMILIHAN TAHUN 2024',
    )
    expect(findTemplate('nope')).toBeNull()
  })

  it('keeps the national version to the first four Pilkada points', () => {
    const pilkada = findTemplate('pilkada-2020')!
    expect(findTemplate('nasional-2020')!.points).toEqual(pilkada.points.slice(0, 4))
    expect(pilkada.points[4]).toBe(
      'Siap melakukan pencegahan, pengawasan dan penindakan pelanggaran.',
    )
  })

  it('hands out copies: changing one never reaches the shipped text', () => {
    const mine = listTemplates()[0]!
    mine.points.splice(0, 2, 'Diubah')
    mine.opening = 'Lain'
    const again = findTemplate(mine.id)!
    expect(again.points).toHaveLength(5)
    expect(again.opening).toContain('{instansi}')
  })

  it('refuses broken template data instead of reading half of it', () => {
    const good = listTemplates()[0]!
    expect(() => parseTemplates([{ ...good, points: [] }])).toThrow()
    expect(() => parseTemplates([{ ...good, extra: 1 }])).toThrow()
    expect(() => parseTemplates([good, good])).toThrow(/id ganda/)
    expect(() => parseTemplates([{ ...good, opening: 'Kami di {instnasi}' }])).toThrow(
      /\{instnasi\}/,
    )
  })
})

describe('placeholders', () => {
  it('fills the agency and ceremony names and leaves other braces alone', () => {
    expect(
      fillPlaceholders('Kami ASN di lingkungan {instansi}, pada {acara} {lain}:', values),
    ).toBe(
      'Kami ASN di lingkungan Pemerintah Kabupaten Contoh, pada Apel Netralitas ASN 2024 {lain}:',
    )
    expect(fillPlaceholders('{instansi} dan {instansi}', { ...values, instansi: ' BKPSDM ' })).toBe(
      'BKPSDM dan BKPSDM',
    )
  })

  it('finds typos and the placeholders a text uses', () => {
    expect(unknownPlaceholders('di {instnasi} dan {acara} dan {}')).toEqual(['instnasi', ''])
    expect(usedPlaceholders('di {instansi} pada {acara}, {x}')).toEqual(['instansi', 'acara'])
  })

  it('fills every part of a template', () => {
    const filled = fillIkrar(findTemplate('pilkada-2020')!, values)
    expect(filled.opening).toBe(
      'Kami Aparatur Sipil Negara di lingkungan Pemerintah Kabupaten Contoh, dengan ini berikrar:',
    )
    expect(filled.points).toHaveLength(5)
    expect(filled.closing).toBeNull()
  })
})

describe('reading steps', () => {
  const text = { heading: 'H', opening: 'O', points: ['a', 'b', 'c'], closing: null }

  it('opens, then counts the points, then the closing when there is one', () => {
    expect(stepCount(text)).toBe(4)
    expect(stepLabel(stepAt(text, 0))).toBe('Pembukaan')
    expect(stepLabel(stepAt(text, 3))).toBe('Butir 3 dari 3')
    expect(stepAt(text, 9)).toEqual({ kind: 'point', index: 2, total: 3 })
    const closed = { ...text, closing: 'Demikian.' }
    expect(stepCount(closed)).toBe(5)
    expect(stepLabel(stepAt(closed, 4))).toBe('Penutup')
  })
})
