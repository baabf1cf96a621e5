import { afterEach, describe, expect, it } from 'vitest'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { acaraForGates } from '../../src/main/hub/acara'
import { addNonAsn } from '../../src/main/roster/repository'
import { loadDemo } from '../../src/main/roster/demo-mode'
import { addCeremony } from '../fixtures/ceremony'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('what a gate takes from its hub', () => {
  it('is never the demo: its ceremony is refused in Indonesian and its people are left out', () => {
    const { db, cleanup } = tempDb()
    cleanups.push(cleanup)
    const now = new Date('2030-01-01T00:00:00Z')
    const demo = loadDemo(db, now)
    expect(() => acaraForGates(db)).toThrow(/acara contoh: gerbang hanya mengambil acara sungguhan/)

    // Real staff added beside the demo, and a real apel made active: only they travel.
    const opdId = db.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as number
    db.prepare('UPDATE opd SET demo = 0 WHERE id = ?').run(opdId)
    const real = addNonAsn(db, now, {
      name: 'Ani Pramesti',
      opdId,
      jabatan: 'Pengemudi',
      pangkat: '',
    })
    const apel = addCeremony(db, { name: 'Apel Netralitas ASN' })
    setActiveCeremony(db, apel.id)
    const taken = acaraForGates(db)
    expect(taken.ceremony.name).toBe('Apel Netralitas ASN')
    expect(taken.roster.map((r) => r.nip)).toEqual([real.nip])
    expect(demo.employees).toBeGreaterThan(0)
  })
})
