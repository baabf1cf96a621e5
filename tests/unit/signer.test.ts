import { describe, expect, it } from 'vitest'
import { signerTitle } from '../../src/shared/signer'

describe('the signer title follows the kind of OPD', () => {
  const cases: [string, string][] = [
    ['Sekretariat Daerah', 'Sekretaris Daerah'],
    ['Sekretariat Daerah Kabupaten Contoh', 'Sekretaris Daerah'],
    ['Sekretariat DPRD', 'Sekretaris DPRD'],
    ['Sekretariat Dewan Perwakilan Rakyat Daerah', 'Sekretaris DPRD'],
    ['Inspektorat', 'Inspektur'],
    ['Inspektorat Daerah', 'Inspektur'],
    ['Dinas Pendidikan', 'Kepala Dinas Pendidikan'],
    [
      'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    ],
    ['Badan Perencanaan Pembangunan Daerah', 'Kepala Badan Perencanaan Pembangunan Daerah'],
    ['Satuan Polisi Pamong Praja', 'Kepala Satuan Polisi Pamong Praja'],
    ['Satpol PP', 'Kepala Satuan Polisi Pamong Praja'],
    ['Kecamatan Kota', 'Camat Kota'],
    ['KECAMATAN  Bukit Raya', 'Camat Bukit Raya'],
    ['Kelurahan Sukamaju', 'Lurah Sukamaju'],
    ['RSUD Kabupaten Contoh', 'Direktur RSUD Kabupaten Contoh'],
    ['Rumah Sakit Umum Daerah dr. Soetomo', 'Direktur Rumah Sakit Umum Daerah dr. Soetomo'],
    ['Bagian Umum', 'Kepala Bagian Umum'],
    ['UPTD Puskesmas Sukamaju', 'Kepala UPTD Puskesmas Sukamaju'],
    ['Puskesmas Kota', 'Kepala Puskesmas Kota'],
  ]
  for (const [opd, title] of cases) {
    it(`${opd} → ${title}`, () => expect(signerTitle(opd)).toBe(title))
  }

  it('does not take a Dinas whose name merely mentions a kecamatan for a kecamatan', () => {
    expect(signerTitle('Dinas Kecamatan Kota')).toBe('Kepala Dinas Kecamatan Kota')
    expect(signerTitle('Kecamatanku')).toBe('Kepala Kecamatanku')
  })
})
