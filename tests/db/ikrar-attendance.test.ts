import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { attendanceRows } from '../../src/main/attendance/repository'
import { dashboard } from '../../src/main/checkin/dashboard'
import type { Db } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { ikrarGate } from '../../src/main/ikrar/attendance'
import { recordReadingEnd, recordReadingStart } from '../../src/main/ikrar/repository'
import type { IkrarText } from '../../src/shared/ikrar'
import { checkIn, seedApel, testNip, type Person } from '../fixtures/attendance'
import { tempDb } from '../fixtures/temp-db'
import { testSigning } from '../fixtures/signing'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const TEXT: IkrarText = {
  heading: 'IKRAR NETRALITAS',
  opening: 'Kami berikrar:',
  points: ['Menjaga netralitas.'],
  closing: null,
}
/** Local WIB wall time on the apel's day as the stored UTC instant. */
const wib = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return new Date(Date.UTC(2024, 8, 30, h - 7, m))
}
const SOSIAL = 'Dinas Sosial'
const CAMAT = 'Kecamatan Kota'
const PEOPLE: Person[] = [1, 2, 3, 4, 5, 6].map((i) => ({
  nip: testNip(i),
  name: `Pegawai ${i}`,
  opd: i <= 4 ? SOSIAL : CAMAT,
}))

function setup() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const ceremony = seedApel(t.db, PEOPLE)
  return { ...t, ceremonyId: ceremony.id }
}

function read(db: Db, ceremonyId: number, from: string, to: string | null): void {
  const id = recordReadingStart(db, wib(from), ceremonyId, TEXT, 'K1')
  if (to) recordReadingEnd(db, wib(to), id)
}

const classes = (db: Db, ceremonyId: number) =>
  Object.fromEntries(attendanceRows(db, ceremonyId, null).map((r) => [r.name, r.ikrar]))

/** A check-in row as a kiosk with its own sequence writes it (record.ts numbers them so). */
function scanAt(db: Db, ceremonyId: number, nip: string, hhmm: string, kiosk: string, seq: number) {
  db.prepare(
    `INSERT INTO checkin (ceremony_id, nip, employee_id, scanned_at, late, source, kiosk_id, seq, clock_back)
     VALUES (?, ?, (SELECT id FROM employee WHERE nip = ?), ?, 0, 'kamera', ?, ?, 0)`,
  ).run(ceremonyId, nip, nip, wib(hhmm).toISOString(), kiosk, seq)
}

describe('ikrar attendance over the database', () => {
  it('classifies each arrival against the recorded readings, and says when none was read', () => {
    const { db, ceremonyId } = setup()
    checkIn(db, ceremonyId, testNip(1), wib('07:20').toISOString())
    checkIn(db, ceremonyId, testNip(2), wib('07:42').toISOString())
    checkIn(db, ceremonyId, testNip(3), wib('07:50').toISOString())
    checkIn(db, ceremonyId, testNip(4), wib('08:11').toISOString())
    checkIn(db, ceremonyId, testNip(5), wib('08:30').toISOString())
    expect(classes(db, ceremonyId)).toMatchObject({
      'Pegawai 1': 'BELUM_ADA',
      'Pegawai 5': 'BELUM_ADA',
      'Pegawai 6': null,
    })
    expect(ikrarGate(db, ceremonyId)).toEqual({ readings: 0, afterStart: 0, repledged: 0 })

    read(db, ceremonyId, '07:40', '07:44')
    expect(classes(db, ceremonyId)).toEqual({
      'Pegawai 1': 'IKUT',
      'Pegawai 2': 'SAAT',
      'Pegawai 3': 'SETELAH',
      'Pegawai 4': 'SETELAH',
      'Pegawai 5': 'SETELAH',
      'Pegawai 6': null,
    })
    read(db, ceremonyId, '08:10', '08:13')
    expect(classes(db, ceremonyId)).toEqual({
      'Pegawai 1': 'IKUT',
      'Pegawai 2': 'ULANG',
      'Pegawai 3': 'ULANG',
      'Pegawai 4': 'SAAT',
      'Pegawai 5': 'SETELAH',
      'Pegawai 6': null,
    })
    expect(ikrarGate(db, ceremonyId)).toEqual({ readings: 2, afterStart: 4, repledged: 2 })
    // The gate's dashboard carries the same line.
    expect(dashboard(db, null, 5)?.ikrar).toEqual({ readings: 2, afterStart: 4, repledged: 2 })
  })

  it('a reading never ended (kiosk closed during it) is named as such, never guessed', () => {
    const { db, ceremonyId } = setup()
    checkIn(db, ceremonyId, testNip(1), wib('07:20').toISOString())
    checkIn(db, ceremonyId, testNip(2), wib('07:55').toISOString())
    read(db, ceremonyId, '07:40', null)
    expect(classes(db, ceremonyId)).toMatchObject({
      'Pegawai 1': 'IKUT',
      'Pegawai 2': 'SETELAH_MULAI',
    })
  })

  it('a clock that ran back never moves an arrival before one its kiosk recorded earlier', () => {
    const { db, ceremonyId } = setup()
    read(db, ceremonyId, '07:40', '07:44')
    // Kiosk A's clock is set back 20 minutes between its second and third scan.
    scanAt(db, ceremonyId, testNip(1), '07:30', 'A', 1)
    scanAt(db, ceremonyId, testNip(2), '07:50', 'A', 2)
    scanAt(db, ceremonyId, testNip(3), '07:32', 'A', 3)
    scanAt(db, ceremonyId, testNip(4), '07:33', 'A', 4)
    // Another kiosk's clock is its own: its early scan stays early.
    scanAt(db, ceremonyId, testNip(5), '07:33', 'B', 1)
    // A cancelled scan keeps its place in the kiosk's order.
    scanAt(db, ceremonyId, testNip(6), '07:35', 'B', 2)
    db.prepare(
      "UPDATE checkin SET cancelled_at = ?, cancel_reason = 'salah orang' WHERE nip = ?",
    ).run(wib('07:36').toISOString(), testNip(6))
    expect(classes(db, ceremonyId)).toEqual({
      'Pegawai 1': 'IKUT',
      'Pegawai 2': 'SETELAH',
      // Recorded after a 07.50 arrival: whatever the clock said, not before the reading.
      'Pegawai 3': 'SETELAH',
      'Pegawai 4': 'SETELAH',
      'Pegawai 5': 'IKUT',
      'Pegawai 6': null,
    })
    expect(ikrarGate(db, ceremonyId)).toEqual({ readings: 1, afterStart: 3, repledged: 0 })
  })

  it('the gate count agrees with the classes of every person, clocks run back and readings in any number', () => {
    const { db, ceremonyId } = setup()
    let seed = 7
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    const minute = (m: number) =>
      `${String(7 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    for (let round = 0; round < 30; round++) {
      db.prepare('DELETE FROM checkin').run()
      db.prepare('DELETE FROM ikrar_reading').run()
      const seqs = new Map<string, number>()
      for (const p of PEOPLE) {
        if (random() < 0.15) continue
        const kiosk = random() < 0.5 ? 'A' : 'B'
        const seq = (seqs.get(kiosk) ?? 0) + 1
        seqs.set(kiosk, seq)
        scanAt(db, ceremonyId, p.nip, minute(Math.floor(random() * 90)), kiosk, seq)
      }
      const readings = 1 + Math.floor(random() * 3)
      for (let r = 0; r < readings; r++) {
        const start = Math.floor(random() * 80)
        read(db, ceremonyId, minute(start), random() < 0.2 ? null : minute(start + 4))
      }
      const rows = attendanceRows(db, ceremonyId, null).filter((r) => r.ikrar !== null)
      const after = rows.filter((r) => r.ikrar !== 'IKUT').length
      const again = rows.filter((r) => r.ikrar === 'ULANG').length
      expect(ikrarGate(db, ceremonyId), `putaran ${round}`).toEqual({
        readings,
        afterStart: after,
        repledged: again,
      })
    }
  })

  it('puts the Ikrar column in every export and counts each class per OPD in the recap', async () => {
    const { db, ceremonyId, dir } = setup()
    checkIn(db, ceremonyId, testNip(1), wib('07:20').toISOString())
    checkIn(db, ceremonyId, testNip(2), wib('07:42').toISOString())
    checkIn(db, ceremonyId, testNip(3), wib('08:11').toISOString())
    checkIn(db, ceremonyId, testNip(5), wib('07:25').toISOString())
    checkIn(db, ceremonyId, testNip(6), wib('08:30').toISOString())
    read(db, ceremonyId, '07:40', '07:44')
    read(db, ceremonyId, '08:10', '08:13')
    const { folder } = await exportCeremony(db, {
      ceremonyId,
      folder: dir,
      order: 'name',
      ikrar: null,
      signing: testSigning(),
    })
    const title = 'Kehadiran Apel Netralitas 2024-09-30'

    const opd = new ExcelJS.Workbook()
    await opd.xlsx.readFile(path.join(folder, `${title} - ${SOSIAL}.xlsx`))
    const data = opd.getWorksheet('Data Kehadiran')!
    const header = data.getRow(1).values as ExcelJS.CellValue[]
    const byName = new Map<string, ExcelJS.CellValue>()
    data.eachRow((row, n) => {
      if (n > 1)
        byName.set(
          String(row.getCell(header.indexOf('Nama')).value),
          row.getCell(header.indexOf('Ikrar')).value,
        )
    })
    expect(Object.fromEntries(byName)).toEqual({
      'Pegawai 1': 'Ikut ikrar',
      'Pegawai 2': 'Ikut ikrar (pembacaan ulang)',
      'Pegawai 3': 'Datang saat ikrar',
      'Pegawai 4': '',
    })
    const print: string[] = []
    opd.getWorksheet('Cetak')!.eachRow((row) =>
      print.push(
        (row.values as ExcelJS.CellValue[])
          .slice(1)
          .map((v) => v ?? '')
          .join('|'),
      ),
    )
    expect(print).toEqual(
      expect.arrayContaining([
        '|Ikut ikrar|1',
        '|Ikut ikrar (pembacaan ulang)|1',
        '|Datang saat ikrar|1',
        '|Setelah ikrar|0',
        '2|Pegawai 2|19720101 200501 1 001|||Hadir|07.42|Ikut ikrar (pembacaan ulang)|',
      ]),
    )
    // Beside the counts, what they are measured against.
    expect(print.join('\n')).toContain(
      'Ikrar dibacakan pukul 07.40–07.44 WIB; pembacaan ulang pukul 08.10–08.13 WIB.',
    )

    const recap = new ExcelJS.Workbook()
    await recap.xlsx.readFile(path.join(folder, `Rekap ${title}.xlsx`))
    const rows: ExcelJS.CellValue[][] = []
    recap
      .getWorksheet('Rekap Ikrar')!
      .eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
    const at = rows.findIndex((r) => r[0] === 'No')
    expect(rows[at]).toEqual([
      'No',
      'OPD',
      'Jumlah Hadir',
      'Ikut ikrar',
      'Ikut ikrar (pembacaan ulang)',
      'Datang saat ikrar',
      'Setelah ikrar',
      'Setelah ikrar dimulai (akhir pembacaan tidak tercatat)',
      '% Ikut Ikrar',
    ])
    expect(rows.slice(at + 1)).toEqual([
      [1, SOSIAL, 3, 1, 1, 1, 0, 0, 2 / 3],
      [2, CAMAT, 2, 1, 0, 0, 1, 0, 1 / 2],
      [undefined, 'JUMLAH', 5, 2, 1, 1, 1, 0, 3 / 5],
    ])

    const csv = fs.readFileSync(path.join(folder, `${title} - Semua OPD.csv`), 'utf8')
    const lines = csv.slice(1).trimEnd().split('\r\n')
    const ikrarAt = lines[0]!.split(';').indexOf('Ikrar')
    expect(ikrarAt).toBeGreaterThan(0)
    expect(
      lines
        .slice(1)
        .map((l) => l.split(';')[ikrarAt])
        .sort(),
    ).toEqual(
      [
        '',
        'Datang saat ikrar',
        'Ikut ikrar',
        'Ikut ikrar',
        'Ikut ikrar (pembacaan ulang)',
        'Setelah ikrar',
      ].sort(),
    )
  })
})
