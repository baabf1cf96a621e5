import type { Db } from '../../src/main/db/connection'
import { createCeremony } from '../../src/main/ceremony/repository'
import { applyRoster } from '../../src/main/roster/repository'
import { rosterRow } from '../fixtures/roster-row'

/** The people the check-in tests expect at the gate; their NIPs are also in the generated video. */
export const BUDI = { nip: '197405021993111001', name: 'Budi Santoso', opd: 'Inspektorat' }
export const SITI = { nip: '198001152005012002', name: 'Siti Rahayu', opd: 'Dinas Sosial' }
export const RINA = { nip: '199009132025242014', name: 'Rina Lestari', opd: 'Dinas Sosial' }
/** A valid NIP that is on no roster. */
export const STRANGER = '196512311990031005'
export const NOT_A_NIP = 'https://contoh.go.id/promo-akhir-tahun'

export interface Person {
  nip: string
  name: string
  opd: string
}

/**
 * A roster (by default three people in two OPD) and a ceremony for them. `late`: the ceremony
 * was yesterday, so every arrival is late; otherwise it runs all day today (WIB) and nobody is.
 */
export function seedGate(
  db: Db,
  { late = false, people = [BUDI, SITI, RINA] }: { late?: boolean; people?: Person[] } = {},
): void {
  const now = new Date()
  applyRoster(
    db,
    people.map((p) => rosterRow(p.nip, p.name, p.opd)),
    now,
  )
  const dayWib = new Date(now.getTime() + 7 * 3_600_000 - (late ? 86_400_000 : 0))
  createCeremony(db, now, {
    name: 'Apel Netralitas ASN Uji',
    date: dayWib.toISOString().slice(0, 10),
    startTime: '00:00',
    lateTime: '23:59',
    place: 'Lapangan',
    timeZone: 'Asia/Jakarta',
    opdIds: null,
    unknownPolicy: 'review',
  })
}
