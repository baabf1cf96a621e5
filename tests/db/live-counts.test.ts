import { afterEach, describe, expect, it } from 'vitest'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { EXPECTED_EMPLOYEES } from '../../src/main/ceremony/expected'
import { dashboard } from '../../src/main/checkin/dashboard'
import { countPerOpd } from '../../src/main/checkin/live-counts'
import { cancelCheckin, recordScan } from '../../src/main/checkin/record'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { ikrarGate } from '../../src/main/ikrar/attendance'
import { recordReadingStart } from '../../src/main/ikrar/repository'
import { getEmployee, updateEmployee } from '../../src/main/roster/repository'
import { seedApel, testNip, type Person } from '../fixtures/attendance'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const OPDS = ['Dinas Sosial', 'Dinas Kesehatan', 'Kecamatan Bangko']
const PEOPLE: Person[] = Array.from({ length: 60 }, (_, i) => ({
  nip: testNip(i),
  name: `Pegawai ${i}`,
  opd: OPDS[i % 3]!,
}))
const TEXT = { heading: 'IKRAR', opening: 'Kami berikrar:', points: ['Netral.'], closing: null }

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The counts as a connection with nothing kept would give them: counted whole, in a transaction. */
function counted(db: Db, ceremonyId: number) {
  return db.transaction(() => ({
    perOpd: countPerOpd(db, ceremonyId),
    ikrar: ikrarGate(db, ceremonyId),
  }))()
}

function unregistered(db: Db, ceremonyId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM checkin c WHERE c.ceremony_id = @ceremonyId AND c.cancelled_at IS NULL
       AND c.nip NOT IN (SELECT nip FROM (${EXPECTED_EMPLOYEES}))`,
    )
    .pluck()
    .get({ ceremonyId }) as number
}

describe('live counts kept between scans', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'equal the counts made whole after every change (seed %i)',
    (seed) => {
      const { db, file, cleanup } = tempDb()
      cleanups.push(cleanup)
      const ceremony = seedApel(db, PEOPLE, { opd: OPDS.slice(0, 2) })
      setActiveCeremony(db, ceremony.id)
      const other = openDatabase(file)
      cleanups.push(() => other.close())
      const next = random(seed)
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
      let clock = Date.parse('2024-09-30T00:00:00Z')
      let peerSeq = 0
      const usedSeqs = new Set<number>()
      const peerRow = db.prepare(
        `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq)
         VALUES (?, ?, NULL, ?, 0, 'kamera', 'GERBANG-2', ?)
         ON CONFLICT (ceremony_id, nip) WHERE cancelled_at IS NULL DO NOTHING`,
      )
      const steps: Record<string, () => void> = {
        scan: () => {
          // Now and then the laptop's clock runs back a few minutes.
          clock += next() < 0.1 ? -300_000 : Math.floor(next() * 60_000)
          const nip = next() < 0.1 ? '199901012020011001' : pick(PEOPLE).nip
          recordScan(db, { payload: nip, source: 'kamera', kioskId: 'K1', now: new Date(clock) })
        },
        peer: () => {
          // A gate's arrivals, now and then one below a seq already merged (a gap filled late).
          const seq = next() < 0.15 ? peerSeq - 1 - Math.floor(next() * 60) : (peerSeq += 10)
          if (seq < 1 || usedSeqs.has(seq)) return
          usedSeqs.add(seq)
          const at = new Date(clock - Math.floor(next() * 600_000)).toISOString()
          peerRow.run(ceremony.id, pick(PEOPLE).nip, at, seq)
        },
        cancel: () => {
          const live = db
            .prepare('SELECT id FROM checkin WHERE cancelled_at IS NULL')
            .pluck()
            .all() as number[]
          if (live.length) cancelCheckin(db, pick(live), 'Salah orang', new Date(clock), 'K1')
        },
        edit: () => {
          const id = db
            .prepare('SELECT id FROM employee WHERE nip = ?')
            .pluck()
            .get(pick(PEOPLE).nip)
          const e = getEmployee(db, id as number)
          const opdId = db
            .prepare('SELECT id FROM opd WHERE name = ?')
            .pluck()
            .get(pick(OPDS)) as number
          updateEmployee(db, new Date(clock), { ...e, opdId, active: next() < 0.8 })
        },
        reading: () => {
          recordReadingStart(db, new Date(clock), ceremony.id, TEXT, 'K1')
        },
      }
      const weights: [string, number][] = [
        ['scan', 0.55],
        ['peer', 0.2],
        ['cancel', 0.1],
        ['edit', 0.1],
        ['reading', 0.05],
      ]
      for (let i = 0; i < 300; i++) {
        let r = next()
        const step = weights.find(([, w]) => (r -= w) < 0)?.[0] ?? 'scan'
        steps[step]!()
        const kept = { perOpd: countPerOpd(db, ceremony.id), ikrar: ikrarGate(db, ceremony.id) }
        expect(kept, `after step ${i} (${step})`).toEqual(counted(other, ceremony.id))
        expect(dashboard(db, null, 0)!.filterCounts['tidak-terdaftar']).toBe(
          unregistered(db, ceremony.id),
        )
      }
      expect(ikrarGate(db, ceremony.id).readings).toBeGreaterThan(0)
    },
  )
})
