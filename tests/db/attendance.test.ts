import { afterEach, describe, expect, it } from 'vitest'
import {
  attendanceRows,
  setOfficer,
  setReason,
  setReasonForOpd,
} from '../../src/main/attendance/repository'
import { summarize } from '../../src/main/attendance/summary'
import type { Db } from '../../src/main/db/connection'
import { checkIn, seedApel, testNip, type Person } from '../fixtures/attendance'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const PEOPLE: Person[] = [
  { nip: testNip(1), name: 'Budi Santoso', opd: 'Dinas Pendidikan' },
  { nip: testNip(2), name: 'Siti Rahayu', opd: 'Dinas Pendidikan' },
  { nip: testNip(3), name: 'Agus Salim', opd: 'Dinas Pendidikan' },
  { nip: testNip(4), name: 'Dewi Lestari', opd: 'Dinas Pendidikan' },
  { nip: testNip(5), name: 'Eko Prasetyo', opd: 'Inspektorat' },
  { nip: testNip(6), name: 'Rina Wati', opd: 'Dinas Sosial' },
]
const NOW = new Date('2024-09-30T03:00:00Z')

function setup(opd?: string[]) {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const ceremony = seedApel(t.db, PEOPLE, { opd })
  const id = (nip: string) =>
    t.db.prepare('SELECT id FROM employee WHERE nip = ?').pluck().get(nip) as number
  const opdId = (name: string) =>
    t.db.prepare('SELECT id FROM opd WHERE name = ?').pluck().get(name) as number
  return { db: t.db, ceremony, id, opdId }
}

const byName = (db: Db, ceremonyId: number) =>
  Object.fromEntries(attendanceRows(db, ceremonyId, null).map((r) => [r.name || r.nip, r]))

describe('attendance list', () => {
  it('derives each status: scanned on time, late, cancelled scan, no scan, unexpected arrivals', () => {
    const { db, ceremony } = setup(['Dinas Pendidikan', 'Inspektorat'])
    checkIn(db, ceremony.id, testNip(1), '2024-09-30T00:20:00.000Z', { source: 'pemindai' })
    checkIn(db, ceremony.id, testNip(2), '2024-09-30T00:50:00.000Z', { late: true })
    const wrong = checkIn(db, ceremony.id, testNip(3), '2024-09-30T00:21:00.000Z')
    db.prepare(
      "UPDATE checkin SET cancelled_at = 'x', cancel_reason = 'salah orang' WHERE id = ?",
    ).run(wrong)
    // Dinas Sosial is not expected at this apel; 199001012015011001 is on no roster.
    checkIn(db, ceremony.id, testNip(6), '2024-09-30T00:22:00.000Z')
    checkIn(db, ceremony.id, '199001012015011001', '2024-09-30T00:23:00.000Z')

    const rows = byName(db, ceremony.id)
    expect(rows['Budi Santoso']).toMatchObject({
      status: 'HADIR',
      source: 'pemindai',
      scannedAt: '2024-09-30T00:20:00.000Z',
      expected: true,
    })
    expect(rows['Siti Rahayu']).toMatchObject({ status: 'TERLAMBAT', source: 'kamera' })
    expect(rows['Agus Salim']).toMatchObject({ status: 'TIDAK_HADIR', scannedAt: null })
    expect(rows['Eko Prasetyo']).toMatchObject({ status: 'TIDAK_HADIR', opdName: 'Inspektorat' })
    expect(rows['Rina Wati']).toMatchObject({
      status: 'TIDAK_TERDAFTAR',
      expected: false,
      opdName: 'Dinas Sosial',
      note: 'OPD-nya bukan peserta apel ini',
    })
    expect(rows['199001012015011001']).toMatchObject({
      status: 'TIDAK_TERDAFTAR',
      expected: false,
      employeeId: null,
      opdId: null,
      opdName: '',
      note: 'NIP tidak ada di data pegawai',
    })
    expect(Object.keys(rows)).toHaveLength(7)
  })

  it('sorts by OPD then name and filters by OPD', () => {
    const { db, ceremony, opdId } = setup()
    expect(attendanceRows(db, ceremony.id, null).map((r) => r.name)).toEqual([
      'Agus Salim',
      'Budi Santoso',
      'Dewi Lestari',
      'Siti Rahayu',
      'Rina Wati',
      'Eko Prasetyo',
    ])
    expect(attendanceRows(db, ceremony.id, opdId('Inspektorat')).map((r) => r.name)).toEqual([
      'Eko Prasetyo',
    ])
  })

  it('counts expected, present, late, each reason and the rate, unexpected arrivals apart', () => {
    const { db, ceremony, id } = setup()
    setOfficer(db, 'Petugas BKPSDM')
    checkIn(db, ceremony.id, testNip(1), '2024-09-30T00:20:00.000Z')
    checkIn(db, ceremony.id, testNip(2), '2024-09-30T00:50:00.000Z', { late: true })
    checkIn(db, ceremony.id, '199001012015011001', '2024-09-30T00:23:00.000Z')
    const base = { ceremonyId: ceremony.id, note: '', previous: null }
    setReason(db, NOW, { ...base, employeeId: id(testNip(3)), reason: 'SAKIT' })
    setReason(db, NOW, { ...base, employeeId: id(testNip(4)), reason: 'DINAS_LUAR' })
    const summary = summarize(attendanceRows(db, ceremony.id, null))
    expect(summary).toEqual({
      expected: 6,
      present: 2,
      onTime: 1,
      late: 1,
      reasons: { IZIN: 0, SAKIT: 1, DINAS_LUAR: 1, CUTI: 0, TUGAS_BELAJAR: 0 },
      absent: 2,
      unregistered: 1,
      rate: 2 / 6,
    })
  })
})

describe('absence reasons', () => {
  it('needs the officer name before any change', () => {
    const { db, ceremony, id } = setup()
    expect(() =>
      setReason(db, NOW, {
        ceremonyId: ceremony.id,
        employeeId: id(testNip(3)),
        reason: 'IZIN',
        note: '',
        previous: null,
      }),
    ).toThrow(/nama petugas/)
    expect(db.prepare('SELECT count(*) FROM absence').pluck().get()).toBe(0)
  })

  it('records who, when and the previous value of every change, including clearing', () => {
    const { db, ceremony, id } = setup()
    const employeeId = id(testNip(3))
    const change = { ceremonyId: ceremony.id, employeeId }
    setOfficer(db, 'Ani')
    const row = setReason(db, NOW, {
      ...change,
      reason: 'IZIN',
      note: 'acara keluarga',
      previous: null,
    })
    expect(row).toMatchObject({ status: 'IZIN', note: 'acara keluarga', reasonBy: 'Ani' })
    setOfficer(db, 'Bayu')
    const later = new Date('2024-09-30T04:00:00Z')
    setReason(db, later, { ...change, reason: 'SAKIT', note: 'surat dokter', previous: 'IZIN' })
    setReason(db, later, { ...change, reason: null, note: 'ignored', previous: 'SAKIT' })
    expect(
      db
        .prepare(
          'SELECT old_reason, old_note, new_reason, new_note, changed_by, changed_at FROM absence_history ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        old_reason: null,
        old_note: null,
        new_reason: 'IZIN',
        new_note: 'acara keluarga',
        changed_by: 'Ani',
        changed_at: NOW.toISOString(),
      },
      {
        old_reason: 'IZIN',
        old_note: 'acara keluarga',
        new_reason: 'SAKIT',
        new_note: 'surat dokter',
        changed_by: 'Bayu',
        changed_at: later.toISOString(),
      },
      {
        old_reason: 'SAKIT',
        old_note: 'surat dokter',
        new_reason: null,
        new_note: null,
        changed_by: 'Bayu',
        changed_at: later.toISOString(),
      },
    ])
    expect(byName(db, ceremony.id)['Agus Salim']).toMatchObject({
      status: 'TIDAK_HADIR',
      note: '',
      reasonBy: null,
    })
  })

  it('refuses to overwrite a reason changed since the officer looked, and writes nothing', () => {
    const { db, ceremony, id } = setup()
    const change = { ceremonyId: ceremony.id, employeeId: id(testNip(3)), note: '' }
    setOfficer(db, 'Ani')
    setReason(db, NOW, { ...change, reason: 'CUTI', previous: null })
    expect(() => setReason(db, NOW, { ...change, reason: 'IZIN', previous: null })).toThrow(
      'Keterangan Agus Salim sudah diubah oleh Ani menjadi Cuti',
    )
    expect(db.prepare('SELECT reason FROM absence').pluck().all()).toEqual(['CUTI'])
    expect(db.prepare('SELECT count(*) FROM absence_history').pluck().get()).toBe(1)
  })

  it('adds no history line when nothing changes', () => {
    const { db, ceremony, id } = setup()
    const change = { ceremonyId: ceremony.id, employeeId: id(testNip(3)), note: 'x' }
    setOfficer(db, 'Ani')
    setReason(db, NOW, { ...change, reason: 'CUTI', previous: null })
    setReason(db, NOW, { ...change, reason: 'CUTI', previous: 'CUTI' })
    expect(db.prepare('SELECT count(*) FROM absence_history').pluck().get()).toBe(1)
  })

  it('refuses a reason for someone who scanned or whom the apel does not expect', () => {
    const { db, ceremony, id } = setup(['Dinas Pendidikan'])
    setOfficer(db, 'Ani')
    checkIn(db, ceremony.id, testNip(1), '2024-09-30T00:20:00.000Z')
    const base = { ceremonyId: ceremony.id, reason: 'IZIN' as const, note: '', previous: null }
    expect(() => setReason(db, NOW, { ...base, employeeId: id(testNip(1)) })).toThrow(
      'Budi Santoso sudah tercatat hadir',
    )
    expect(() => setReason(db, NOW, { ...base, employeeId: id(testNip(5)) })).toThrow(
      /bukan peserta acara ini/,
    )
  })

  it('a scan after a reason was set wins: the person is Hadir', () => {
    const { db, ceremony, id } = setup()
    setOfficer(db, 'Ani')
    const base = { ceremonyId: ceremony.id, note: 'rapat', previous: null }
    setReason(db, NOW, { ...base, employeeId: id(testNip(3)), reason: 'DINAS_LUAR' })
    checkIn(db, ceremony.id, testNip(3), '2024-09-30T00:40:00.000Z')
    expect(byName(db, ceremony.id)['Agus Salim']).toMatchObject({
      status: 'HADIR',
      note: '',
      reasonBy: null,
    })
  })

  it('sets a reason for a whole OPD but keeps reasons already given and people who scanned', () => {
    const { db, ceremony, id, opdId } = setup()
    setOfficer(db, 'Ani')
    checkIn(db, ceremony.id, testNip(1), '2024-09-30T00:20:00.000Z')
    setReason(db, NOW, {
      ceremonyId: ceremony.id,
      employeeId: id(testNip(2)),
      reason: 'SAKIT',
      note: '',
      previous: null,
    })
    setOfficer(db, 'Bayu')
    const result = setReasonForOpd(db, NOW, {
      ceremonyId: ceremony.id,
      opdId: opdId('Dinas Pendidikan'),
      reason: 'DINAS_LUAR',
      note: 'Bimtek di provinsi',
    })
    expect(result).toEqual({ changed: 2, skipped: 1 })
    const rows = byName(db, ceremony.id)
    expect(rows['Budi Santoso']!.status).toBe('HADIR')
    expect(rows['Siti Rahayu']).toMatchObject({ status: 'SAKIT', reasonBy: 'Ani' })
    expect(rows['Agus Salim']).toMatchObject({
      status: 'DINAS_LUAR',
      note: 'Bimtek di provinsi',
      reasonBy: 'Bayu',
    })
    expect(rows['Eko Prasetyo']!.status).toBe('TIDAK_HADIR')
    expect(
      db.prepare("SELECT count(*) FROM absence_history WHERE changed_by = 'Bayu'").pluck().get(),
    ).toBe(2)
  })

  it('refuses a bulk change for an OPD the apel does not expect', () => {
    const { db, ceremony, opdId } = setup(['Dinas Pendidikan'])
    setOfficer(db, 'Ani')
    expect(() =>
      setReasonForOpd(db, NOW, {
        ceremonyId: ceremony.id,
        opdId: opdId('Inspektorat'),
        reason: 'IZIN',
        note: '',
      }),
    ).toThrow(/bukan peserta acara ini/)
  })
})
