import type { RosterRow } from './parse-roster'
import { opdKey } from './opd-key'

/** Kabupaten Contoh: 40 OPD and a few thousand staff, the same on every run. */
export const DEMO_REGION = 'Kabupaten Contoh'

const OPD = [
  'Sekretariat Daerah',
  'Sekretariat DPRD',
  'Inspektorat',
  'Dinas Pendidikan',
  'Dinas Kesehatan',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Perumahan dan Kawasan Permukiman',
  'Satuan Polisi Pamong Praja',
  'Dinas Sosial',
  'Dinas Tenaga Kerja',
  'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
  'Dinas Ketahanan Pangan',
  'Dinas Lingkungan Hidup',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Pemberdayaan Masyarakat dan Desa',
  'Dinas Perhubungan',
  'Dinas Komunikasi dan Informatika',
  'Dinas Koperasi dan Usaha Mikro',
  'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  'Dinas Kepemudaan dan Olahraga',
  'Dinas Pariwisata',
  'Dinas Perpustakaan dan Kearsipan',
  'Dinas Perikanan',
  'Dinas Pertanian',
  'Dinas Perdagangan dan Perindustrian',
  'Badan Perencanaan Pembangunan Daerah',
  'Badan Pengelolaan Keuangan dan Aset Daerah',
  'Badan Pendapatan Daerah',
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Badan Penanggulangan Bencana Daerah',
  'Badan Kesatuan Bangsa dan Politik',
  'RSUD Kabupaten Contoh',
  'Kecamatan Kota',
  'Kecamatan Sukamaju',
  'Kecamatan Mekarsari',
  'Kecamatan Sumberejo',
  'Kecamatan Tanjungsari',
  'Kecamatan Karanganyar',
  'Kecamatan Wonosari',
  'Kecamatan Bukit Raya',
]
/** More OPD for the large case (a regency: about 20,000 employees in 60 OPD): more kecamatan, UPTD. */
const MORE_OPD = [
  'Kecamatan Sidomulyo',
  'Kecamatan Sukadana',
  'Kecamatan Margomulyo',
  'Kecamatan Pasir Putih',
  'Kecamatan Batu Ampar',
  'Kecamatan Sungai Raya',
  'Kecamatan Lembah Hijau',
  'Kecamatan Tegalrejo',
  'Kecamatan Kaliwungu',
  'Kecamatan Pagar Alam',
  'UPTD Puskesmas Kota',
  'UPTD Puskesmas Sukamaju',
  'UPTD Puskesmas Mekarsari',
  'UPTD Puskesmas Sumberejo',
  'UPTD Puskesmas Wonosari',
  'RSUD Pratama Bukit Raya',
  'Dinas Kebudayaan',
  'Dinas Kelautan',
  'Badan Riset dan Inovasi Daerah',
  'Sekretariat KPU Kabupaten Contoh',
]
const FIRST = [
  'Agus',
  'Budi',
  'Dewi',
  'Siti',
  'Rina',
  'Andi',
  'Eko',
  'Fitri',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
  'Made',
  'Nur',
  'Putu',
  'Rahmat',
  'Sri',
  'Teguh',
  'Wahyu',
  'Yuni',
  'Ahmad',
  'Bambang',
  'Dian',
  'Endang',
  'Fajar',
  'Gita',
  'Hadi',
  'Irma',
  'Kurniawan',
  'Lina',
  'Muhammad',
  'Novi',
  'Ratna',
  'Slamet',
  'Tri',
  'Umi',
  'Wulan',
  'Yusuf',
  'Zainal',
]
const LAST = [
  'Santoso',
  'Wibowo',
  'Lestari',
  'Rahayu',
  'Saputra',
  'Hidayat',
  'Kusuma',
  'Pratama',
  'Setiawan',
  'Nugroho',
  'Susanti',
  'Wijaya',
  'Purnomo',
  'Handayani',
  'Siregar',
  'Nasution',
  'Harahap',
  'Simanjuntak',
  'Sitompul',
  'Gunawan',
  'Firmansyah',
  'Ramadhan',
  'Suryani',
  'Utami',
  'Permana',
  'Hakim',
  'Syahputra',
  'Maulana',
  'Anggraini',
  'Fauzi',
]
const PANGKAT = [
  'Pengatur Muda, II/a',
  'Pengatur, II/c',
  'Penata Muda, III/a',
  'Penata Muda Tingkat I, III/b',
  'Penata, III/c',
  'Penata Tingkat I, III/d',
  'Pembina, IV/a',
  'Pembina Tingkat I, IV/b',
  'Pembina Utama Muda, IV/c',
]
const JABATAN = [
  'Analis Kebijakan',
  'Pengelola Keuangan',
  'Arsiparis',
  'Pranata Komputer',
  'Pengadministrasi Umum',
  'Analis Sumber Daya Manusia Aparatur',
  'Perencana',
  'Auditor',
  'Guru',
  'Perawat',
  'Bidan',
  'Kepala Seksi',
  'Kepala Subbagian Umum',
  'Kepala Bidang',
  'Sekretaris',
  'Penyuluh',
  'Bendahara',
  'Pengawas',
]

/** mulberry32: tiny, seeded, and good enough to make plausible people (and replayable fuzz). */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `opdCount` up to 60; the first 40 are the demo's, so the default roster never changes. */
export function demoRoster(size = 2400, opdCount = OPD.length): RosterRow[] {
  const offices = [...OPD, ...MORE_OPD].slice(0, opdCount)
  const rand = seededRandom(2024)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  const seen = new Set<string>()
  const rows: RosterRow[] = []
  // Big offices (schools, hospital) hold more staff, as in a real kabupaten.
  const weights = offices.map((name) =>
    /Pendidikan|Kesehatan|RSUD/.test(name) ? 8 : name.startsWith('Kecamatan') ? 1 : 2,
  )
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  while (rows.length < size) {
    let w = rand() * totalWeight
    const opdIndex = weights.findIndex((x) => (w -= x) < 0)
    const opdName = offices[opdIndex === -1 ? 0 : opdIndex]!
    const pppk = rand() < 0.2
    const birthYear = 1966 + Math.floor(rand() * 34)
    const birth = `${birthYear}${pad(1 + Math.floor(rand() * 12))}${pad(1 + Math.floor(rand() * 28))}`
    const startYear = birthYear + 22 + Math.floor(rand() * 10)
    const female = rand() < 0.5
    const block = pppk
      ? `${startYear >= 2023 ? startYear : 2023}${21 + Math.floor(rand() * 5)}`
      : `${startYear}${pad(1 + Math.floor(rand() * 12))}`
    const stem = `${birth}${block}${female ? 2 : 1}`
    let seq = 1
    while (seen.has(`${stem}${pad(seq, 3)}`)) seq++
    const nip = `${stem}${pad(seq, 3)}`
    seen.add(nip)
    rows.push({
      row: rows.length + 2,
      nip,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      opdKey: opdKey(opdName),
      opdName,
      jabatan: pick(JABATAN),
      pangkat: pppk ? '' : pick(PANGKAT),
      jenis: pppk ? 'PPPK' : 'PNS',
    })
  }
  return rows
}
