import { createCeremony } from '../../src/main/ceremony/repository'
import type { Db } from '../../src/main/db/connection'
import { applyRoster } from '../../src/main/roster/repository'
import { setSetting } from '../../src/main/settings'
import { rosterRow } from '../fixtures/roster-row'

/** ASN asked to sign, in the order the forms print (OPD, then name). */
export const SIGNERS = [
  {
    nip: '199009132025242014',
    name: 'Rina Lestari',
    opd: 'Dinas Sosial',
    pangkat: '',
    jabatan: '',
  },
  {
    nip: '198001152005012002',
    name: 'Siti Rahayu',
    opd: 'Dinas Sosial',
    pangkat: 'Penata, III/c',
    jabatan: 'Analis Kebijakan',
  },
  {
    nip: '197405021993111001',
    // The longest identity rows seen on real forms: the page must still hold them whole.
    name: 'Dr. Raden Mas Budi Santoso Sukmawijaya Adiningrat, S.H., M.Hum., M.Si.',
    opd: 'Inspektorat',
    pangkat: 'Pembina Utama Muda, IV/c',
    jabatan:
      'Inspektur Pembantu Wilayah II pada Inspektorat Daerah, merangkap Pejabat Pengelola Informasi dan Dokumentasi',
  },
] as const

/**
 * The pakta secret the camera test's video was made with: set before the first form is printed,
 * the forms of a fresh database (ceremony 1, forms 1, 2, 3) carry known codes.
 */
export const KNOWN_SECRET = Buffer.alloc(32, 0x5a)

/** The roster above and a ceremony naming its election, active; optionally the known secret. */
export function seedPakta(db: Db, { knownSecret = false } = {}): { ceremonyId: number } {
  const now = new Date()
  applyRoster(
    db,
    SIGNERS.map((p) => ({
      ...rosterRow(p.nip, p.name, p.opd),
      pangkat: p.pangkat,
      jabatan: p.jabatan,
    })),
    now,
  )
  if (knownSecret) setSetting(db, 'pakta_secret', KNOWN_SECRET.toString('hex'))
  const dayWib = new Date(now.getTime() + 7 * 3_600_000)
  const ceremony = createCeremony(db, now, {
    name: 'Apel Netralitas ASN Uji',
    date: dayWib.toISOString().slice(0, 10),
    startTime: '00:00',
    lateTime: '23:59',
    place: 'Lapangan',
    timeZone: 'Asia/Jakarta',
    opdIds: null,
    unknownPolicy: 'review',
    election: 'Pemilihan Serentak Tahun 2024',
  })
  return { ceremonyId: ceremony.id }
}
