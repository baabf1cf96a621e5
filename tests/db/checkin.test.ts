import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { attendanceRows } from '../../src/main/attendance/repository'
import { createCeremony, setActiveCeremony } from '../../src/main/ceremony/repository'
import { dashboard } from '../../src/main/checkin/dashboard'
import { findPerson } from '../../src/main/checkin/find-person'
import { cancelCheckin, recordScan } from '../../src/main/checkin/record'
import type { Db } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { registerArrival } from '../../src/main/checkin/register'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { testContext } from '../fixtures/context'
import { applyRoster, listOpd } from '../../src/main/roster/repository'
import { tempDb } from '../fixtures/temp-db'
import { rosterRow } from '../fixtures/roster-row'
import { testSigning } from '../fixtures/signing'

let db: Db
let dir: string
let cleanup: () => void
beforeEach(() => ({ db, dir, cleanup } = tempDb()))
afterEach(() => cleanup())

const BUDI = '197405021993111001'
const SITI = '198001152005012002'
const RINA = '199009132025242014'
const STRANGER = '196512311990031005'

const person = (nip: string, name: string, opd: string) => rosterRow(nip, name, opd)

// 07:30 WIB start, late after 07:45 WIB (00:45 UTC).
const at = (hhmm: string) => new Date(`2024-09-30T${hhmm}:00.000Z`)

function setUp(unknownPolicy: 'review' | 'refuse' = 'review') {
  applyRoster(
    db,
    [
      person(BUDI, 'Budi', 'Inspektorat'),
      person(SITI, 'Siti', 'Dinas Sosial'),
      person(RINA, 'Rina', 'Dinas Sosial'),
    ],
    at('00:00'),
  )
  const c = createCeremony(db, at('00:00'), {
    name: 'Apel',
    date: '2024-09-30',
    startTime: '07:30',
    lateTime: '07:45',
    place: '',
    timeZone: 'Asia/Jakarta',
    opdIds: null,
    unknownPolicy,
  })
  return c.id
}

const scan = (
  payload: string,
  now = at('00:35'),
  source: 'kamera' | 'pemindai' | 'manual' = 'kamera',
) => recordScan(db, { payload, source, kioskId: 'KIOSK-TEST', now })

describe('recordScan', () => {
  it('says there is no active ceremony before one exists, and writes nothing', () => {
    expect(scan(BUDI)).toEqual({ kind: 'no-ceremony' })
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  })

  it('records an arrival on disk with its source, kiosk and time', () => {
    setUp()
    const outcome = scan(`NIP. ${BUDI}`, at('00:35'), 'pemindai')
    expect(outcome).toMatchObject({
      kind: 'recorded',
      person: { nip: BUDI, name: 'Budi', opdName: 'Inspektorat' },
      at: '2024-09-30T00:35:00.000Z',
      late: false,
    })
    expect(db.prepare('SELECT nip, source, kiosk_id, late, scanned_at FROM checkin').get()).toEqual(
      {
        nip: BUDI,
        source: 'pemindai',
        kiosk_id: 'KIOSK-TEST',
        late: 0,
        scanned_at: '2024-09-30T00:35:00.000Z',
      },
    )
  })

  it('marks an arrival after the late time as terlambat', () => {
    setUp()
    expect(scan(SITI, at('00:46'))).toMatchObject({ kind: 'recorded', late: true })
  })

  it('answers a second scan with the first time and writes nothing new', () => {
    setUp()
    scan(BUDI, at('00:35'))
    expect(scan(BUDI, at('00:40'))).toEqual({
      kind: 'duplicate',
      person: { nip: BUDI, name: 'Budi', opdName: 'Inspektorat' },
      firstAt: '2024-09-30T00:35:00.000Z',
      where: null,
    })
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(1)
  })

  it('records an unknown NIP for review, or refuses it, as the ceremony says', () => {
    setUp('review')
    expect(scan(STRANGER)).toMatchObject({ kind: 'unknown', nip: STRANGER, recorded: true })
    expect(
      db.prepare('SELECT employee_id FROM checkin WHERE nip = ?').pluck().get(STRANGER),
    ).toBeNull()
    cleanup()
    ;({ db, cleanup } = tempDb())
    setUp('refuse')
    expect(scan(STRANGER)).toMatchObject({
      kind: 'unknown',
      nip: STRANGER,
      recorded: false,
      checkinId: null,
    })
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  })

  it('refuses an invalid code with its reason and writes nothing', () => {
    setUp()
    expect(scan('https://example.com/promo')).toEqual({
      kind: 'invalid',
      reason: 'Kode tidak berisi NIP',
    })
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  })
})

describe('cancelCheckin', () => {
  it('keeps the row, marks it cancelled with the reason, and lets the person scan again', () => {
    setUp()
    const first = scan(BUDI)
    if (first.kind !== 'recorded') throw new Error(first.kind)
    cancelCheckin(db, first.checkinId, 'salah pindai', at('00:36'), 'kiosk-uji')
    expect(
      db
        .prepare('SELECT cancelled_at, cancel_reason, cancelled_by FROM checkin WHERE id = ?')
        .get(first.checkinId),
    ).toEqual({
      cancelled_at: '2024-09-30T00:36:00.000Z',
      cancel_reason: 'salah pindai',
      cancelled_by: 'kiosk-uji',
    })
    expect(() => cancelCheckin(db, first.checkinId, 'lagi', at('00:37'), 'kiosk-uji')).toThrow(
      /sudah dibatalkan/,
    )
    expect(scan(BUDI, at('00:38'))).toMatchObject({ kind: 'recorded' })
    expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(2)
  })
})

describe('dashboard', () => {
  it('counts present over expected per OPD, late apart, unregistered apart, and lists who is missing', () => {
    setUp()
    scan(BUDI, at('00:35'))
    scan(SITI, at('00:50'))
    scan(STRANGER, at('00:51'))
    const d = dashboard(db, listOpd(db).find((o) => o.name === 'Dinas Sosial')!.id, 10)!
    expect(d).toMatchObject({ expected: 3, present: 2, late: 1, unregistered: 1 })
    expect(d.perOpd.map((o) => [o.name, o.expected, o.present, o.late])).toEqual([
      ['Dinas Sosial', 2, 1, 1],
      ['Inspektorat', 1, 1, 0],
    ])
    expect(d.recent.map((a) => [a.nip, a.name])).toEqual([
      [STRANGER, null],
      [SITI, 'Siti'],
      [BUDI, 'Budi'],
    ])
    expect(d.missing?.people.map((p) => p.name)).toEqual(['Rina'])

    const cancelled = d.recent.find((a) => a.nip === SITI)!
    cancelCheckin(db, cancelled.checkinId, 'salah orang', at('00:52'), 'kiosk-uji')
    expect(dashboard(db, null, 10)).toMatchObject({ present: 1, late: 0, missing: null })
  })

  it('counts only the OPD a ceremony invited', () => {
    setUp()
    const inspektorat = listOpd(db).find((o) => o.name === 'Inspektorat')!.id
    const c = createCeremony(db, at('00:00'), {
      name: 'Apel Inspektorat',
      date: '2024-09-30',
      startTime: '07:30',
      lateTime: '07:45',
      place: '',
      timeZone: 'Asia/Jakarta',
      opdIds: [inspektorat],
      unknownPolicy: 'review',
    })
    setActiveCeremony(db, c.id)
    scan(SITI)
    expect(dashboard(db, null, 5)).toMatchObject({ expected: 1, present: 0 })
  })

  it('lists arrivals by filter main-side, cancelled ones only under dibatalkan, with counts that match the lists', () => {
    setUp()
    scan(BUDI, at('00:35'), 'manual')
    scan(SITI, at('00:50'))
    scan(STRANGER, at('00:51'), 'pemindai')
    scan(RINA, at('00:52'), 'manual')
    const rina = dashboard(db, null, 10)!.recent[0]!
    cancelCheckin(db, rina.checkinId, 'kartu orang lain', at('00:53'), 'kiosk-uji')

    const list = (filter: Parameters<typeof dashboard>[4]) => {
      const d = dashboard(db, null, 10, undefined, filter)!
      expect(d.filterCounts[filter!]).toBe(d.recent.length)
      return d.recent.map((a) => a.nip)
    }
    expect(list('semua')).toEqual([STRANGER, SITI, BUDI])
    expect(list('terlambat')).toEqual([STRANGER, SITI])
    expect(list('manual')).toEqual([BUDI])
    expect(list('tidak-terdaftar')).toEqual([STRANGER])
    expect(list('dibatalkan')).toEqual([RINA])
    const d = dashboard(db, null, 10, undefined, 'dibatalkan')!
    expect(d.recent[0]).toMatchObject({ cancelReason: 'kartu orang lain', source: 'manual' })
    expect(d.recent[0]!.cancelledAt).toBe(at('00:53').toISOString())
    // Undo-last cancels the newest live record whatever list is on screen.
    expect(d.last?.nip).toBe(STRANGER)
    expect(d.filterCounts).toEqual({
      semua: 3,
      terlambat: 2,
      manual: 1,
      'tidak-terdaftar': 1,
      dibatalkan: 1,
    })
  })
})

describe('findPerson', () => {
  it('finds active people by name or NIP from 3 characters, each with whether they are here', () => {
    setUp()
    scan(SITI, at('00:50'))
    expect(findPerson(db, 'si', 10)).toEqual({ total: 0, rows: [] })
    expect(findPerson(db, 'sit', 10).rows).toEqual([
      expect.objectContaining({ nip: SITI, name: 'Siti', arrivedAt: at('00:50').toISOString() }),
    ])
    expect(findPerson(db, BUDI.slice(0, 8), 10).rows).toEqual([
      expect.objectContaining({ nip: BUDI, opdName: 'Inspektorat', arrivedAt: null }),
    ])
    // A cancelled record is not presence.
    const siti = dashboard(db, null, 1)!.recent[0]!
    cancelCheckin(db, siti.checkinId, 'salah orang', at('00:51'), 'kiosk-uji')
    expect(findPerson(db, 'siti', 10).rows[0]!.arrivedAt).toBeNull()
  })

  it('says nobody is here when no ceremony is active', () => {
    applyRoster(db, [person(BUDI, 'Budi', 'Inspektorat')], at('00:00'))
    expect(findPerson(db, 'budi', 10).rows).toEqual([
      expect.objectContaining({ nip: BUDI, arrivedAt: null }),
    ])
  })
})

describe("the laptop's clock", () => {
  const clockOf = (now: Date) => dashboard(db, null, 5, { now, kioskId: 'KIOSK-TEST' })!.clock
  const rows = () =>
    db.prepare('SELECT nip, scanned_at, seq, clock_back FROM checkin ORDER BY id').all()

  it('records each arrival with its wall time and its place in the kiosk sequence', () => {
    setUp()
    scan(BUDI, at('00:35'))
    scan(SITI, at('00:36'))
    expect(rows()).toEqual([
      { nip: BUDI, scanned_at: '2024-09-30T00:35:00.000Z', seq: 1, clock_back: 0 },
      { nip: SITI, scanned_at: '2024-09-30T00:36:00.000Z', seq: 2, clock_back: 0 },
    ])
    expect(clockOf(at('00:37'))).toEqual({ warning: null })
  })

  it('keeps the time a backwards clock gave, flags it, and tells the gate', () => {
    setUp()
    scan(BUDI, at('00:35'))
    // Someone sets the clock back ten minutes between two scans.
    expect(clockOf(at('00:25'))).toEqual({
      warning: expect.stringContaining('Jam laptop mundur: pindaian terakhir tercatat'),
    })
    scan(SITI, at('00:25'))
    scan(RINA, at('00:26'))
    expect(rows()).toEqual([
      { nip: BUDI, scanned_at: '2024-09-30T00:35:00.000Z', seq: 1, clock_back: 0 },
      { nip: SITI, scanned_at: '2024-09-30T00:25:00.000Z', seq: 2, clock_back: 1 },
      // Still behind Budi's time, but not behind the scan just before it.
      { nip: RINA, scanned_at: '2024-09-30T00:26:00.000Z', seq: 3, clock_back: 0 },
    ])
    const { warning } = clockOf(at('00:40'))
    expect(warning).toBe(
      '1 kehadiran di acara ini tercatat dengan jam lebih awal daripada pindaian sebelumnya (jam laptop mundur). Urutan pindaian yang sebenarnya tetap tersimpan.',
    )
  })

  it('warns when the laptop is more than a day from the ceremony, either way', () => {
    setUp()
    // The evening before and the whole next day are normal: setting up, exporting late.
    expect(clockOf(new Date('2024-09-28T17:00:00.000Z'))).toEqual({ warning: null })
    expect(clockOf(new Date('2024-10-01T16:59:00.000Z'))).toEqual({ warning: null })
    expect(clockOf(new Date('2024-10-02T01:00:00.000Z')).warning).toBe(
      'Jam laptop menunjukkan Rabu, 2 Oktober 2024 pukul 08.00 WIB, padahal acara dijadwalkan Senin, 30 September 2024. Bila tanggal atau jam laptop salah, betulkan lebih dulu: waktu datang dan keterlambatan dicatat dari jam ini.',
    )
    expect(clockOf(new Date('2000-01-01T00:00:00.000Z')).warning).toContain(
      'Jam laptop menunjukkan Sabtu, 1 Januari 2000',
    )
  })

  it('numbers each kiosk on its own, so one gate never takes another one’s place', () => {
    setUp()
    scan(BUDI, at('00:35'))
    recordScan(db, { payload: SITI, source: 'kamera', kioskId: 'KIOSK-LAIN', now: at('00:10') })
    scan(RINA, at('00:36'))
    expect(rows()).toEqual([
      { nip: BUDI, scanned_at: '2024-09-30T00:35:00.000Z', seq: 1, clock_back: 0 },
      { nip: SITI, scanned_at: '2024-09-30T00:10:00.000Z', seq: 1, clock_back: 0 },
      { nip: RINA, scanned_at: '2024-09-30T00:36:00.000Z', seq: 2, clock_back: 0 },
    ])
  })
})

const deactivate = (nip: string) =>
  db.prepare('UPDATE employee SET active = 0 WHERE nip = ?').run(nip)

describe('an inactive employee who scans', () => {
  it('is recorded and told so, counted as tidak terdaftar on the screen and in the list, never as present', () => {
    setUp()
    deactivate(RINA)
    expect(scan(RINA)).toMatchObject({
      kind: 'recorded',
      person: { nip: RINA, name: 'Rina' },
      unregistered: 'inactive',
    })
    expect(scan(BUDI)).toMatchObject({ kind: 'recorded', unregistered: null })
    expect(dashboard(db, null, 5)).toMatchObject({ expected: 2, present: 1, unregistered: 1 })
    const rina = attendanceRows(db, 1, null).find((r) => r.nip === RINA)
    expect(rina).toMatchObject({
      status: 'TIDAK_TERDAFTAR',
      expected: false,
      opdName: 'Dinas Sosial',
      note: 'Pegawai nonaktif di data pegawai',
    })
  })
})

/** The recap's JUMLAH row as column header → value. */
async function recapTotals(file: string) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const recap = workbook.getWorksheet('Rekap')!
  const rows: ExcelJS.CellValue[][] = []
  recap.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  const header = rows.find((r) => r[0] === 'No')!
  const total = rows.find((r) => r[1] === 'JUMLAH')!
  const sheet = workbook.getWorksheet('Tidak Terdaftar')
  return {
    totals: Object.fromEntries(header.map((h, i) => [String(h), total[i]])),
    sheetRows: sheet ? sheet.rowCount - 1 : 0,
  }
}

describe('tidak terdaftar: one count everywhere', () => {
  it('the gate screen, the recap total, its sheet and the CSV status agree, from one database', async () => {
    setUp()
    // Only Dinas Sosial is invited: Budi (Inspektorat) arrives uninvited, Rina is inactive,
    // the stranger is on no roster; Siti is expected and present. A cancelled scan counts nowhere.
    const c = createCeremony(db, at('00:00'), {
      name: 'Apel Dinas Sosial',
      date: '2024-09-30',
      startTime: '07:30',
      lateTime: '07:45',
      place: '',
      timeZone: 'Asia/Jakarta',
      opdIds: [listOpd(db).find((o) => o.name === 'Dinas Sosial')!.id],
      unknownPolicy: 'review',
    })
    setActiveCeremony(db, c.id)
    deactivate(RINA)
    expect(scan(BUDI)).toMatchObject({ unregistered: 'not-invited' })
    expect(scan(RINA, at('00:50'))).toMatchObject({ unregistered: 'inactive' })
    expect(scan(STRANGER)).toMatchObject({ kind: 'unknown', recorded: true })
    expect(scan(SITI)).toMatchObject({ unregistered: null })
    const wrong = scan('NIP. 19650101 199003 1 002')
    expect(wrong).toMatchObject({ kind: 'unknown', recorded: true })
    const id = db.prepare('SELECT max(id) FROM checkin').pluck().get() as number
    cancelCheckin(db, id, 'salah pindai', at('00:40'), 'kiosk-uji')

    const screen = dashboard(db, null, 10)!
    fs.mkdirSync(path.join(dir, 'usb'))
    const out = await exportCeremony(db, {
      ceremonyId: c.id,
      folder: path.join(dir, 'usb'),
      order: 'name',
      ikrar: null,
      signing: testSigning(),
    })
    const recap = await recapTotals(path.join(out.folder, out.files[0]!))
    const csv = fs
      .readFileSync(path.join(out.folder, out.files[1]!), 'utf8')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';'))
    const csvCount = (status: string) => csv.filter((f) => f[6] === status).length

    expect(screen).toMatchObject({ expected: 1, present: 1, unregistered: 3 })
    expect(recap.totals['Tidak Terdaftar']).toBe(screen.unregistered)
    expect(recap.sheetRows).toBe(screen.unregistered)
    expect(csvCount('Tidak Terdaftar')).toBe(screen.unregistered)
    expect(recap.totals['Jumlah Hadir']).toBe(screen.present)
    expect(csvCount('Hadir') + csvCount('Terlambat')).toBe(screen.present)
    expect(recap.totals['Jumlah Pegawai']).toBe(screen.expected)
  })
})

describe('registering an unknown NIP at the gate', () => {
  const sosial = () => listOpd(db).find((o) => o.name === 'Dinas Sosial')!.id

  it('links the kept arrival to the new employee, counted in the chosen OPD, no longer tidak terdaftar', () => {
    const ceremonyId = setUp()
    expect(scan(STRANGER, at('00:50'))).toMatchObject({ kind: 'unknown', recorded: true })
    expect(dashboard(db, null, 5)).toMatchObject({ expected: 3, present: 0, unregistered: 1 })

    const done = registerArrival(db, at('00:55'), {
      nip: '19651231 199003 1 005',
      name: 'Andi Wijaya',
      opdId: sosial(),
    })
    expect(done).toMatchObject({
      employee: { nip: STRANGER, name: 'Andi Wijaya', opdName: 'Dinas Sosial', jenis: 'PNS' },
      linked: 1,
      arrival: {
        kind: 'recorded',
        person: { nip: STRANGER, name: 'Andi Wijaya', opdName: 'Dinas Sosial' },
        late: true,
        unregistered: null,
      },
    })
    const employeeId = db
      .prepare('SELECT employee_id FROM checkin WHERE nip = ?')
      .pluck()
      .get(STRANGER)
    expect(employeeId).toBe(done.employee.id)
    expect(dashboard(db, null, 5)).toMatchObject({
      expected: 4,
      present: 1,
      late: 1,
      unregistered: 0,
    })
    expect(attendanceRows(db, ceremonyId, sosial()).find((r) => r.nip === STRANGER)).toMatchObject({
      status: 'TERLAMBAT',
      expected: true,
      opdName: 'Dinas Sosial',
    })
    // Scanned again: the gate now knows the person.
    expect(scan(STRANGER, at('00:56'))).toMatchObject({ kind: 'duplicate' })
  })

  it('refuses a NIP already on the roster, or not valid, and changes nothing', () => {
    setUp()
    const before = db.prepare('SELECT count(*) FROM employee').pluck().get()
    expect(() =>
      registerArrival(db, at('00:55'), { nip: BUDI, name: 'X', opdId: sosial() }),
    ).toThrow('NIP 19740502 199311 1 001 sudah ada di data pegawai atas nama Budi.')
    expect(() =>
      registerArrival(db, at('00:55'), { nip: '196513311990031005', name: 'X', opdId: sosial() }),
    ).toThrow('tanggal lahir 19651331 pada NIP tidak valid')
    expect(() =>
      registerArrival(db, at('00:55'), { nip: STRANGER, name: 'X', opdId: 999 }),
    ).toThrow('OPD dengan id 999 tidak ditemukan.')
    expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(before)
  })

  it('sits behind the officer PIN, while scanning does not', async () => {
    setUp()
    const handlers = createHandlers(
      testContext({ db, dbPath: path.join(dir, 'kiosk.sqlite'), now: () => at('00:50') }),
    )
    const call = (channel: string, input?: unknown) => invoke(handlers, channel, input)
    await call('auth.setPin', { pin: '246810' })
    await call('auth.lock')
    const input = { nip: STRANGER, name: 'Andi Wijaya', opdId: sosial() }
    expect(await call('checkin.scan', { payload: STRANGER, source: 'pemindai' })).toMatchObject({
      ok: true,
      value: { kind: 'unknown', recorded: true },
    })
    expect(await call('checkin.registerUnknown', input)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    expect(await call('checkin.registerUnknown', { ...input, name: ' ' })).toMatchObject({
      ok: false,
    })
    await call('auth.unlock', { pin: '246810' })
    expect(await call('checkin.registerUnknown', input)).toMatchObject({
      ok: true,
      value: { linked: 1, arrival: { unregistered: null } },
    })
  })
})
