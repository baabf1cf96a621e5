import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setOfficer, setReason, setReasonForOpd } from '../../src/main/attendance/repository'
import type { Db } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { readRosterFile } from '../../src/main/roster/import'
import { readTableFile } from '../../src/main/roster/table-file'
import { checkIn, seedApel, testNip, type Person } from '../fixtures/attendance'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const PENDIDIKAN = 'Dinas Pendidikan'
// Characters Windows forbids in a file name, in a name a region could really give an OPD.
const ODD_OPD = 'Dinas Kebudayaan/Pariwisata: "Bidang*Seni"?'
const PEOPLE: Person[] = [
  {
    nip: testNip(1),
    name: 'Budi Santoso',
    opd: PENDIDIKAN,
    jabatan: 'Kepala Dinas',
    pangkat: 'Pembina Utama Muda, IV/c',
  },
  {
    nip: testNip(2),
    name: 'Siti Rahayu',
    opd: PENDIDIKAN,
    jabatan: 'Analis',
    pangkat: 'Penata, III/c',
  },
  { nip: testNip(3), name: '=HYPERLINK("http://contoh.invalid","Klik")', opd: PENDIDIKAN },
  { nip: testNip(4), name: '-Dewi Lestari', opd: PENDIDIKAN },
  { nip: testNip(5), name: '@Agus', opd: PENDIDIKAN },
  { nip: testNip(6), name: '+62 Eko', opd: PENDIDIKAN },
  { nip: testNip(7), name: 'Rina Wati', opd: 'Inspektorat' },
  { nip: testNip(8), name: 'Joko Susilo', opd: 'Inspektorat' },
  { nip: testNip(9), name: 'Made Wirawan', opd: ODD_OPD },
]
const NOW = new Date('2024-09-30T03:00:00Z')
const TITLE = 'Kehadiran Apel Netralitas 2024-09-30'

interface Setup {
  db: Db
  dir: string
  ceremonyId: number
}

function setup(): Setup {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const { db } = t
  const ceremony = seedApel(db, PEOPLE)
  const id = (nip: string) =>
    db.prepare('SELECT id FROM employee WHERE nip = ?').pluck().get(nip) as number
  db.prepare('UPDATE employee SET jabatan = ? WHERE nip = ?').run('\tStaf\rBaru', testNip(8))
  checkIn(db, ceremony.id, testNip(1), '2024-09-30T00:20:05.000Z', { source: 'pemindai' })
  checkIn(db, ceremony.id, testNip(2), '2024-09-30T00:50:00.000Z', { late: true })
  checkIn(db, ceremony.id, '199001012015011001', '2024-09-30T00:23:00.000Z', { source: 'manual' })
  setOfficer(db, 'Petugas BKPSDM')
  const base = { ceremonyId: ceremony.id, previous: null }
  setReason(db, NOW, { ...base, employeeId: id(testNip(3)), reason: 'SAKIT', note: '=1+1' })
  setReason(db, NOW, { ...base, employeeId: id(testNip(4)), reason: 'CUTI', note: 'Cuti tahunan' })
  const inspektorat = db.prepare("SELECT id FROM opd WHERE name = 'Inspektorat'").pluck().get()
  setReasonForOpd(db, NOW, {
    ceremonyId: ceremony.id,
    opdId: inspektorat as number,
    reason: 'DINAS_LUAR',
    note: 'Audit',
  })
  return { db, dir: t.dir, ceremonyId: ceremony.id }
}

async function exported(s: Setup, options: { order?: 'name' | 'rate'; ikrar?: boolean } = {}) {
  const target = path.join(s.dir, 'usb')
  fs.mkdirSync(target)
  const result = await exportCeremony(s.db, {
    ceremonyId: s.ceremonyId,
    folder: target,
    order: options.order ?? 'name',
    ikrar: options.ikrar
      ? {
          heading: 'IKRAR NETRALITAS PEGAWAI APARATUR SIPIL NEGARA',
          opening:
            'Dalam rangka menyukseskan pelaksanaan Pemilu dan Pemilihan Tahun 2024 kami berikrar:',
          points: ['Menjaga dan menegakkan prinsip netralitas.', 'Menolak politik uang.'],
          closing: 'Demikian ikrar ini kami buat dan laksanakan dengan penuh integritas.',
        }
      : null,
  })
  return result
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  return workbook
}

function columnValues(sheet: ExcelJS.Worksheet, header: string): ExcelJS.CellValue[] {
  const col = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf(header)
  expect(col, `kolom ${header}`).toBeGreaterThan(0)
  return sheet.getColumn(col).values.slice(2)
}

/** Every table's rows, in a stable order: exporting must leave all of them as they were. */
function snapshot(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[]
  return JSON.stringify(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  )
}

describe('export files', () => {
  it('writes the recap, the CSV and one workbook per OPD with Windows-safe names', async () => {
    const s = setup()
    const result = await exported(s)
    expect(result.folder).toBe(path.join(s.dir, 'usb', TITLE))
    expect(result.files).toEqual([
      `Rekap ${TITLE}.xlsx`,
      `${TITLE} - Semua OPD.csv`,
      `${TITLE} - Dinas Kebudayaan-Pariwisata- Bidang Seni.xlsx`,
      `${TITLE} - Dinas Pendidikan.xlsx`,
      `${TITLE} - Inspektorat.xlsx`,
    ])
    expect(fs.readdirSync(result.folder).sort()).toEqual([...result.files].sort())
  })

  it('never changes the database', async () => {
    const s = setup()
    const before = snapshot(s.db)
    const version = s.db.pragma('user_version', { simple: true })
    await exported(s)
    expect(snapshot(s.db)).toBe(before)
    expect(s.db.pragma('user_version', { simple: true })).toBe(version)
  })

  it('puts a machine-readable table first: header at A1, no merges, NIP as text, real local times', async () => {
    const s = setup()
    const { folder } = await exported(s)
    const workbook = await open(path.join(folder, `${TITLE} - Dinas Pendidikan.xlsx`))
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('Data Kehadiran')
    expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'No',
      'NIP',
      'Nama',
      'Jabatan',
      'Pangkat/Golongan',
      'Unit Kerja',
      'Status',
      'Waktu Scan (WIB)',
      'Sumber',
      'Keterangan',
    ])
    expect(sheet.model.merges).toEqual([])
    expect(sheet.rowCount).toBe(7)

    // exceljs reads a table back as { table: its model }.
    const { table } = sheet.getTable('Kehadiran') as unknown as {
      table: {
        tableRef: string
        headerRow: boolean
        autoFilterRef: string
        columns: { name: string }[]
      }
    }
    expect(table).toMatchObject({ tableRef: 'A1:J7', headerRow: true, autoFilterRef: 'A1:J7' })
    expect(table.columns.map((c) => c.name)).toEqual(
      (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1),
    )

    // Sorted by name as the database collates: "+62 Eko" before "Budi Santoso".
    expect(columnValues(sheet, 'Nama')).toEqual([
      '+62 Eko',
      '-Dewi Lestari',
      '=HYPERLINK("http://contoh.invalid","Klik")',
      '@Agus',
      'Budi Santoso',
      'Siti Rahayu',
    ])
    const budi = sheet.getRow(6)
    expect(budi.getCell(2).type).toBe(ExcelJS.ValueType.String)
    expect(budi.getCell(2).value).toBe(testNip(1))
    expect(budi.getCell(2).numFmt).toBe('@')
    expect(budi.getCell(3).value).toBe('Budi Santoso')
    expect(budi.getCell(5).value).toBe('Pembina Utama Muda, IV/c')
    expect(budi.getCell(7).value).toBe('Hadir')
    // 00:20:05 UTC is 07:20:05 WIB; a spreadsheet date has no zone, so it holds the wall clock.
    expect(budi.getCell(8).type).toBe(ExcelJS.ValueType.Date)
    expect((budi.getCell(8).value as Date).toISOString()).toBe('2024-09-30T07:20:05.000Z')
    expect(budi.getCell(8).numFmt).toBe('dd/mm/yyyy hh:mm:ss')
    expect(budi.getCell(9).value).toBe('pemindai')

    expect(columnValues(sheet, 'Status')).toEqual([
      'Tidak Hadir',
      'Cuti',
      'Sakit',
      'Tidak Hadir',
      'Hadir',
      'Terlambat',
    ])
    expect(columnValues(sheet, 'No')).toEqual([1, 2, 3, 4, 5, 6])
    for (const nip of columnValues(sheet, 'NIP')) expect(nip).toMatch(/^\d{18}$/)
  })

  it('keeps text that looks like a formula as plain text in xlsx and guarded in CSV', async () => {
    const s = setup()
    const { folder } = await exported(s)
    const workbook = await open(path.join(folder, `${TITLE} - Dinas Pendidikan.xlsx`))
    const sheet = workbook.getWorksheet('Data Kehadiran')!
    const texts = new Map<string, ExcelJS.Cell>()
    sheet.eachRow((row) => row.eachCell((cell) => texts.set(String(cell.value), cell)))
    for (const text of [
      '=HYPERLINK("http://contoh.invalid","Klik")',
      '-Dewi Lestari',
      '@Agus',
      '+62 Eko',
      '=1+1',
    ]) {
      const cell = texts.get(text)
      expect(cell, text).toBeDefined()
      expect(cell!.type, text).toBe(ExcelJS.ValueType.String)
      expect(cell!.formula, text).toBeUndefined()
    }

    const csv = fs.readFileSync(path.join(folder, `${TITLE} - Semua OPD.csv`), 'utf8')
    expect(csv).toContain(`"'=HYPERLINK(""http://contoh.invalid"",""Klik"")"`)
    expect(csv).toContain(`;"'-Dewi Lestari";`)
    expect(csv).toContain(`;"'@Agus";`)
    expect(csv).toContain(`;"'+62 Eko";`)
    expect(csv).toContain(`;"'=1+1"`)
    expect(csv).toContain(`;"'\tStaf\rBaru";`)
    // No field starts with a formula character outside the guard.
    for (const line of csv.split('\r\n')) {
      for (const field of line.split(';')) expect(field).not.toMatch(/^[=+\-@]/)
    }
  })

  it('writes the CSV as UTF-8 with BOM and ";" with the same columns and local times', async () => {
    const s = setup()
    const { folder } = await exported(s)
    const bytes = fs.readFileSync(path.join(folder, `${TITLE} - Semua OPD.csv`))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'No;NIP;Nama;Jabatan;Pangkat/Golongan;Unit Kerja;Status;Waktu Scan (WIB);Sumber;Keterangan',
    )
    // 9 people on the roster plus one arrival whose NIP is on no roster.
    expect(lines).toHaveLength(11)
    expect(lines).toContain(
      `7;${testNip(1)};Budi Santoso;Kepala Dinas;Pembina Utama Muda, IV/c;Dinas Pendidikan;Hadir;2024-09-30 07:20:05;pemindai;`,
    )
    expect(lines).toContain(
      '1;199001012015011001;;;;;Hadir;2024-09-30 07:23:00;manual;Tidak terdaftar: NIP tidak ada di data pegawai',
    )
  })

  it('lays the print sheet out for A4 with a title, the list, the counts and a signature block', async () => {
    const s = setup()
    const { folder } = await exported(s)
    const workbook = await open(path.join(folder, `${TITLE} - Dinas Pendidikan.xlsx`))
    const sheet = workbook.getWorksheet('Cetak')!
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    })
    const lines: string[] = []
    // One line per row, cells joined by "|"; a merged range counts once, at its first cell.
    sheet.eachRow((row, n) => {
      const cells: string[] = []
      for (let col = 1; col <= 8; col++) {
        const cell = row.getCell(col)
        cells.push(cell.master === cell && cell.value !== null ? String(cell.value) : '')
      }
      lines[n - 1] = cells.join('|').replace(/\|+$/, '')
    })
    const headerRow = lines.findIndex((l) => l?.startsWith('No|Nama|NIP')) + 1
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`)
    expect(lines.slice(0, 9)).toEqual([
      'DAFTAR HADIR APEL NETRALITAS ASN',
      'Apel Netralitas ASN Pilkada Serentak 2024',
      'DINAS PENDIDIKAN',
      undefined,
      'Hari/Tanggal : Senin, 30 September 2024',
      'Pukul : 07.30 WIB (terlambat setelah 07.45 WIB)',
      'Tempat : Halaman Kantor Bupati',
      undefined,
      'No|Nama|NIP|Jabatan|Pangkat/Gol.|Status|Pukul|Keterangan',
    ])
    expect(lines).toContain(
      `5|Budi Santoso|${testNip(1).replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4')}|Kepala Dinas|Pembina Utama Muda, IV/c|Hadir|07.20`,
    )
    expect(lines).toEqual(
      expect.arrayContaining([
        '|Jumlah pegawai|6',
        '|Hadir tepat waktu|1',
        '|Terlambat|1',
        '|Jumlah hadir|2',
        '|Izin|0',
        '|Sakit|1',
        '|Cuti|1',
        '|Tidak Hadir (tanpa keterangan)|2',
        `|Persentase kehadiran|${2 / 6}`,
        '|||||..................., 30 September 2024',
        '|||||Mengetahui,',
        '|||||Kepala Dinas Pendidikan',
        '|||||NIP. .........................................',
      ]),
    )
    expect(lines.join('\n')).not.toContain('IKRAR')
  })

  it('prints the ikrar read at the apel when it is given', async () => {
    const s = setup()
    const { folder } = await exported(s, { ikrar: true })
    const workbook = await open(path.join(folder, `${TITLE} - Inspektorat.xlsx`))
    const column = workbook.getWorksheet('Cetak')!.getColumn(1).values.map(String)
    const heading = column.indexOf('IKRAR NETRALITAS PEGAWAI APARATUR SIPIL NEGARA')
    expect(heading).toBeGreaterThan(0)
    expect(column.slice(heading + 1, heading + 5)).toEqual([
      'Dalam rangka menyukseskan pelaksanaan Pemilu dan Pemilihan Tahun 2024 kami berikrar:',
      '1. Menjaga dan menegakkan prinsip netralitas.',
      '2. Menolak politik uang.',
      'Demikian ikrar ini kami buat dan laksanakan dengan penuh integritas.',
    ])
  })

  it('recaps every OPD with counts, a total row, the chosen order and low attendance coloured', async () => {
    const s = setup()
    const { folder } = await exported(s, { order: 'rate' })
    const workbook = await open(path.join(folder, `Rekap ${TITLE}.xlsx`))
    // Sheet names: Excel's forbidden characters replaced, cut to 31 characters.
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Rekap',
      'Dinas Kebudayaan-Pariwisata- "B',
      'Inspektorat',
      'Dinas Pendidikan',
      'NIP Tak Dikenal',
    ])
    const recap = workbook.getWorksheet('Rekap')!
    const rows: ExcelJS.CellValue[][] = []
    recap.eachRow((row, n) => (rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1)))
    const header = rows.findIndex((r) => r?.[0] === 'No')
    expect(rows[header]).toEqual([
      'No',
      'OPD',
      'Jumlah Pegawai',
      'Hadir',
      'Terlambat',
      'Jumlah Hadir',
      'Izin',
      'Sakit',
      'Dinas Luar',
      'Cuti',
      'Tugas Belajar',
      'Tidak Hadir',
      'Hadir Tidak Terdaftar',
      '% Kehadiran',
    ])
    expect(rows.slice(header + 1)).toEqual([
      [1, ODD_OPD, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
      [2, 'Inspektorat', 2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0],
      [3, 'Dinas Pendidikan', 6, 1, 1, 2, 0, 1, 0, 1, 0, 2, 0, 2 / 6],
      [undefined, 'JUMLAH', 9, 1, 1, 2, 0, 1, 2, 1, 0, 3, 0, 2 / 9],
    ])
    expect(recap.getRow(header + 2).getCell(14).numFmt).toBe('0.0%')
    // Read back by exceljs, though its typings only declare the writer's side.
    const [rule] = (recap as unknown as { conditionalFormattings: unknown[] })
      .conditionalFormattings
    expect(rule).toMatchObject({
      ref: `N${header + 2}:N${header + 5}`,
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0.8'] }],
    })

    const unknown = workbook.getWorksheet('NIP Tak Dikenal')!
    expect(unknown.getRow(2).getCell(2).value).toBe('199001012015011001')
    const pendidikan = workbook.getWorksheet('Dinas Pendidikan')!
    expect(pendidikan.getRow(1).getCell(8).value).toBe('Waktu Scan (WIB)')
    expect(pendidikan.getRow(6).getCell(2)).toMatchObject({ value: testNip(1), numFmt: '@' })
  })

  it('sorts the recap by OPD name when asked', async () => {
    const s = setup()
    const { folder } = await exported(s, { order: 'name' })
    const workbook = await open(path.join(folder, `Rekap ${TITLE}.xlsx`))
    const opd = workbook.getWorksheet('Rekap')!.getColumn(2).values.slice(7)
    expect(opd).toEqual([ODD_OPD, 'Dinas Pendidikan', 'Inspektorat', 'JUMLAH'])
  })

  it('round trip: the roster import reads NIPs, names and statuses back unchanged', async () => {
    const s = setup()
    const { folder } = await exported(s)
    const file = path.join(folder, `${TITLE} - Dinas Pendidikan.xlsx`)
    const parsed = await readRosterFile(file)
    expect(parsed.rejected).toEqual([])
    expect(parsed.sheetName).toBe('Data Kehadiran')
    const people = PEOPLE.filter((p) => p.opd === PENDIDIKAN)
    expect(parsed.rows.map((r) => [r.nip, r.name, r.opdName]).sort()).toEqual(
      people.map((p) => [p.nip, p.name, PENDIDIKAN]).sort(),
    )
    const [header, ...body] = (await readTableFile(file))[0]!.rows
    const statusCol = [...header!.cells].find(([, c]) => c.text === 'Status')![0]
    const statuses = Object.fromEntries(
      body.map((r) => [r.cells.get(1)!.text, r.cells.get(statusCol)!.text]),
    )
    expect(statuses).toEqual({
      [testNip(1)]: 'Hadir',
      [testNip(2)]: 'Terlambat',
      [testNip(3)]: 'Sakit',
      [testNip(4)]: 'Cuti',
      [testNip(5)]: 'Tidak Hadir',
      [testNip(6)]: 'Tidak Hadir',
    })
  })
  it('names the file that failed and leaves no half-written file in the folder', async () => {
    const s = setup()
    const folder = path.join(s.dir, 'usb', TITLE)
    const blocked = `${TITLE} - Inspektorat.xlsx`
    fs.mkdirSync(path.join(folder, blocked), { recursive: true })
    fs.writeFileSync(path.join(folder, blocked, 'isi'), 'x')
    await expect(
      exportCeremony(s.db, {
        ceremonyId: s.ceremonyId,
        folder: path.join(s.dir, 'usb'),
        order: 'name',
        ikrar: null,
      }),
    ).rejects.toThrow(`Gagal menyimpan berkas "${blocked}"`)
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
