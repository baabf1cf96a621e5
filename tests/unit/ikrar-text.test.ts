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
import { proposeElection } from '../../src/shared/election'

const values = {
  instansi: 'Pemerintah Kabupaten Contoh',
  acara: 'Apel Netralitas ASN 2024',
  pemilihan: 'Pilkada Serentak Tahun 2024',
}

describe('ikrar templates', () => {
  it("ships the five points naming the ceremony's election as the default, and the three known texts", () => {
    const templates = listTemplates()
    expect(templates.map((t) => [t.id, t.points.length])).toEqual([
      ['lima-butir', 5],
      ['pilkada-2020', 5],
      ['nasional-2020', 4],
      ['pemilu-2024', 4],
    ])
    expect(DEFAULT_TEMPLATE_ID).toBe('lima-butir')
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

  it('keeps the historical texts exactly as read, the default differing only where it should', () => {
    const pilkada = findTemplate('pilkada-2020')!
    const lima = findTemplate('lima-butir')!
    expect(pilkada.points[0]).toContain('pelaksanaan Pilkada Serentak Tahun 2020.')
    expect(pilkada.points[3]).toBe(
      'Menolak politik uang dan segala jenis pemberian dalam bentuk apapun.',
    )
    expect(lima.points[0]).toBe(
      pilkada.points[0]!.replace('Pilkada Serentak Tahun 2020', '{pemilihan}'),
    )
    expect(lima.points[3]).toBe(pilkada.points[3]!.replace('apapun', 'apa pun'))
    expect(lima.points.slice(1, 3)).toEqual(pilkada.points.slice(1, 3))
    expect(lima.points[4]).toBe(pilkada.points[4])
    expect(fillIkrar(lima, values).points[0]).toContain('pelaksanaan Pilkada Serentak Tahun 2024.')
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
    expect(usedPlaceholders('sesudah {pemilihan}.')).toEqual(['pemilihan'])
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

describe('the election a ceremony is for', () => {
  it('is proposed from the ceremony date: the next voting day on or after it', () => {
    expect(proposeElection('2020-11-16')).toBe('Pilkada Serentak Tahun 2020')
    expect(proposeElection('2023-12-01')).toBe('Pemilu dan Pemilihan Tahun 2024')
    expect(proposeElection('2024-02-14')).toBe('Pemilu dan Pemilihan Tahun 2024')
    expect(proposeElection('2024-09-30')).toBe('Pilkada Serentak Tahun 2024')
    expect(proposeElection('2026-12-01')).toBe('Pemilu dan Pemilihan Tahun 2029')
    expect(proposeElection('2029-06-01')).toBe('Pemilu dan Pemilihan Tahun 2029')
  })
})
