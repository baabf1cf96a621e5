import { execFile, execFileSync } from 'node:child_process'
import path from 'node:path'
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { previewRoster, readRosterFile } from '../../src/main/roster/import'
import { addNonAsn, applyRoster, listOpd, searchEmployees } from '../../src/main/roster/repository'
import { MAX_UNZIPPED_BYTES } from '../../src/main/roster/xlsx-guard'
import { demoRoster } from '../../src/main/roster/demo'
import { columnLetter, MAX_SHEET_ITEMS } from '../../src/main/roster/sheet-limits'
import {
  inlineCell,
  lieAboutSheetSize,
  writeInflatingXlsx,
  writeRepeated,
  writeSheetXlsx,
} from '../fixtures/hostile-xlsx'
import { writeCsv, writeXlsx, type Value } from '../fixtures/roster-files'
import { tempDb } from '../fixtures/temp-db'
import { FIELD_MAX } from '../../src/shared/field-limits'
import { employeeFields } from '../../src/shared/contract/roster'
import { rosterRow } from '../fixtures/roster-row'

let db: Db
let dir: string
let cleanup: () => void
beforeEach(() => ({ db, dir, cleanup } = tempDb()))
afterEach(() => cleanup())

const NOW = new Date('2024-09-30T00:00:00Z')
const A = '197405021993111001'
const B = '198001152005012002'
const PPPK = '199009132025242014'

/** The kind of sheet a BKPSDM hands over: two title rows, merged, then the header. */
function simpegSheet(body: Value[][]): Value[][] {
  return [
    ['DAFTAR PEGAWAI PEMERINTAH KABUPATEN CONTOH', null, null, null, null, null],
    ['Keadaan per 1 September 2024', null, null, null, null, null],
    [null, null, null, null, null, null],
    ['No', 'N I P', 'Nama Lengkap', 'Jabatan', 'Gol. Ruang', 'Unit Kerja'],
    ...body,
  ]
}

const search = (query = '') =>
  searchEmployees(db, {
    query,
    opdId: null,
    includeInactive: true,
    card: 'any',
    limit: 500,
    offset: 0,
  })

describe('roster import from .xlsx', () => {
  it('finds the header below merged title rows and imports after a preview', async () => {
    const file = path.join(dir, 'pegawai.xlsx')
    await writeXlsx(
      file,
      simpegSheet([
        [
          1,
          `'${A}`,
          'Drs. Budi Santoso',
          'Kepala Dinas',
          'Pembina Utama Muda, IV/c',
          'DINAS PENDIDIKAN',
        ],
        [
          2,
          '19800115 200501 2 002',
          'Siti Rahayu, S.Pd.',
          'Guru',
          'Penata, III/c',
          'Dinas Pendidikan ',
        ],
        [null, null, null, null, null, null],
        [3, PPPK, 'Rina Lestari', 'Perawat', '', 'RSUD Kabupaten Contoh'],
        [null, null, 'Jumlah', null, null, null],
      ]),
      { merges: ['A1:F1', 'A2:F2'], textColumns: [1] },
    )
    const parsed = await readRosterFile(file)
    expect(parsed.headerRow).toBe(4)
    expect(parsed.rejected).toEqual([])
    const preview = previewRoster(db, parsed, 'pegawai.xlsx')
    expect(preview).toMatchObject({ toAdd: 3, toUpdate: 0, toDeactivate: 0 })
    expect(preview.opdMerged).toEqual([
      { name: 'Dinas Pendidikan', variants: ['DINAS PENDIDIKAN', 'Dinas Pendidikan'] },
    ])
    expect(search().total).toBe(0) // nothing written by a preview

    expect(applyRoster(db, parsed.rows, NOW)).toEqual({ added: 3, updated: 0, deactivated: 0 })
    const rows = search().rows
    expect(rows.map((r) => r.nip).sort()).toEqual([A, B, PPPK].sort())
    expect(rows.find((r) => r.nip === PPPK)?.jenis).toBe('PPPK')
    expect(listOpd(db).map((o) => [o.name, o.employees])).toEqual([
      ['Dinas Pendidikan', 2],
      ['RSUD Kabupaten Contoh', 1],
    ])
  })

  it('rejects a NIP Excel stored as a number, and never imports the wrong person', async () => {
    const file = path.join(dir, 'angka.xlsx')
    await writeXlsx(
      file,
      simpegSheet([
        [1, Number(A), 'Budi', '', '', 'Inspektorat'],
        [2, B, 'Siti', '', '', 'Inspektorat'],
      ]),
    )
    const parsed = await readRosterFile(file)
    expect(parsed.rows.map((r) => r.nip)).toEqual([B])
    expect(parsed.rejected).toHaveLength(1)
    expect(parsed.rejected[0]!.row).toBe(5)
    expect(parsed.rejected[0]!.reason).toMatch(/tersimpan sebagai angka.*Teks/)
  })

  it('reports both rows of a NIP that appears twice; neither silently wins', async () => {
    const file = path.join(dir, 'ganda.xlsx')
    await writeXlsx(
      file,
      simpegSheet([
        [1, A, 'Budi', '', '', 'Inspektorat'],
        [2, B, 'Siti', '', '', 'Inspektorat'],
        [3, A, 'Budi Lain', '', '', 'Dinas Sosial'],
      ]),
    )
    const parsed = await readRosterFile(file)
    expect(parsed.rows.map((r) => r.nip)).toEqual([B])
    expect(parsed.rejected).toEqual([
      { row: 5, reason: `NIP ${A} juga ada di baris 7; periksa mana yang benar` },
      { row: 7, reason: `NIP ${A} juga ada di baris 5; periksa mana yang benar` },
    ])
  })

  it('reports a NIP pasted down 20,000 rows in linear time, each reason short', async () => {
    const file = path.join(dir, 'sama.csv')
    writeCsv(file, [
      ['NIP', 'Nama', 'OPD'],
      ...Array.from({ length: 20_000 }, () => [A, 'Budi', 'Dinas']),
    ])
    const started = performance.now()
    const parsed = await readRosterFile(file)
    // Before: every reason listed the 19,999 other rows, and the process ran out of heap.
    expect(performance.now() - started).toBeLessThan(5000)
    expect(parsed.rows).toEqual([])
    expect(parsed.held).toEqual([A])
    expect(parsed.rejected).toHaveLength(20_000)
    expect(parsed.rejected[0]).toEqual({
      row: 2,
      reason: `NIP ${A} juga ada di baris 3, 4, 5, 6, 7 dan 19.994 baris lain; periksa mana yang benar`,
    })
    expect(parsed.rejected[3]).toEqual({
      row: 5,
      reason: `NIP ${A} juga ada di baris 2, 3, 4, 6, 7 dan 19.994 baris lain; periksa mana yang benar`,
    })
  })

  it('rejects invalid NIPs, dates in the NIP column and empty names with their row', async () => {
    const file = path.join(dir, 'salah.xlsx')
    await writeXlsx(
      file,
      simpegSheet([
        [1, '197402301993111001', 'Tanggal Salah', '', '', 'Inspektorat'],
        [2, new Date('1974-05-02'), 'Tanggal', '', '', 'Inspektorat'],
        [3, B, '', '', '', 'Inspektorat'],
        [4, '12345', 'Pendek', '', '', 'Inspektorat'],
      ]),
    )
    const { rejected, rows } = await readRosterFile(file)
    expect(rows).toEqual([])
    expect(rejected.map((r) => r.row)).toEqual([5, 6, 7, 8])
    expect(rejected[0]!.reason).toMatch(/tanggal lahir/)
    expect(rejected[1]!.reason).toMatch(/berisi tanggal/)
    expect(rejected[2]!.reason).toBe('Nama kosong')
    expect(rejected[3]!.reason).toMatch(/18 digit/)
  })

  it('refuses a file that is not a spreadsheet, naming it', async () => {
    const file = path.join(dir, 'virus.xlsx')
    fs.writeFileSync(file, Buffer.from('MZ\x90\x00 not a zip at all'))
    await expect(readRosterFile(file)).rejects.toThrow(
      'Berkas virus.xlsx bukan file Excel (.xlsx) yang valid',
    )
    const empty = path.join(dir, 'kosong.csv')
    fs.writeFileSync(empty, '')
    await expect(readRosterFile(empty)).rejects.toThrow('Berkas kosong.csv kosong.')
  })

  it('says which columns are missing when no header is found', async () => {
    const file = path.join(dir, 'tanpa-judul.xlsx')
    await writeXlsx(file, [
      ['x', 'y'],
      [1, 2],
    ])
    await expect(readRosterFile(file)).rejects.toThrow(
      /tanpa-judul.xlsx: baris judul kolom tidak ditemukan.*NIP dan Nama/,
    )
  })
})

describe('roster import from .csv', () => {
  it.each([
    { delimiter: ';', bom: true },
    { delimiter: ',', bom: false },
  ])('reads delimiter "$delimiter" with BOM $bom', async ({ delimiter, bom }) => {
    const file = path.join(dir, 'pegawai.csv')
    writeCsv(
      file,
      [
        ['NIP Baru', 'Nama', 'Perangkat Daerah', 'Jabatan', 'Pangkat', 'Jenis'],
        [A, 'Budi Santoso', 'Dinas Sosial', 'Analis, Ahli Muda', 'Penata, III/c', 'PNS'],
        [PPPK, 'Rina', 'Dinas Sosial', 'Perawat', '', 'PPPK'],
        [B, 'Siti', 'Dinas Sosial', '', '', 'pegawai kontrak'],
      ],
      { delimiter, bom },
    )
    const { rows, rejected } = await readRosterFile(file)
    expect(rows.map((r) => [r.nip, r.name, r.jabatan, r.jenis])).toEqual([
      [A, 'Budi Santoso', 'Analis, Ahli Muda', 'PNS'],
      [PPPK, 'Rina', 'Perawat', 'PPPK'],
    ])
    expect(rejected).toEqual([
      { row: 4, reason: 'Jenis pegawai "pegawai kontrak" tidak dikenal (PNS, PPPK, atau non-ASN)' },
    ])
  })

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads Excel\'s "Unicode Text" (%s with BOM, tab-separated .txt)',
    async (encoding) => {
      const file = path.join(dir, 'pegawai.txt')
      writeCsv(
        file,
        [
          ['NIP', 'Nama', 'Unit Kerja', 'Jabatan'],
          [A, 'I Gusti Ayu Kadek Wéndri', 'Dinas Pendidikan', 'Guru, Ahli Pertama'],
          [PPPK, 'Ñoman Suryadi', 'RSUD Kabupaten', 'Perawat “Terampil”'],
        ],
        { delimiter: '\t', encoding },
      )
      expect(fs.readFileSync(file).subarray(0, 2)).toEqual(
        Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]),
      )
      const { rows, rejected } = await readRosterFile(file)
      expect(rejected).toEqual([])
      expect(rows.map((r) => [r.nip, r.name, r.opdName, r.jabatan])).toEqual([
        [A, 'I Gusti Ayu Kadek Wéndri', 'Dinas Pendidikan', 'Guru, Ahli Pertama'],
        [PPPK, 'Ñoman Suryadi', 'RSUD Kabupaten', 'Perawat “Terampil”'],
      ])
    },
  )

  it('rejects a NIP that a spreadsheet turned into scientific notation', async () => {
    const file = path.join(dir, 'e17.csv')
    writeCsv(file, [
      ['NIP', 'Nama', 'OPD'],
      ['1.97405E+17', 'Budi', 'Inspektorat'],
    ])
    const { rejected } = await readRosterFile(file)
    expect(rejected[0]).toMatchObject({
      row: 2,
      reason: expect.stringMatching(/digit terakhirnya hilang/),
    })
  })
})

describe('applying an import', () => {
  const csv = (name: string, rows: Value[][]) => {
    const file = path.join(dir, name)
    writeCsv(file, [['NIP', 'Nama', 'OPD', 'Jabatan'], ...rows])
    return file
  }

  it('updates changed people and marks those missing from the new file inactive, never deleting them', async () => {
    applyRoster(
      db,
      (
        await readRosterFile(
          csv('1.csv', [
            [A, 'Budi', 'Inspektorat', 'Auditor'],
            [B, 'Siti', 'Inspektorat', ''],
          ]),
        )
      ).rows,
      NOW,
    )
    const staff = addNonAsn(db, NOW, {
      name: 'Tenaga Honorer',
      opdId: listOpd(db)[0]!.id,
      jabatan: '',
      pangkat: '',
    })
    expect(staff.nip).toBe('NA-000001')

    const second = await readRosterFile(
      csv('2.csv', [[A, 'Budi Santoso', 'Inspektorat', 'Auditor']]),
    )
    expect(previewRoster(db, second, '2.csv')).toMatchObject({
      toAdd: 0,
      toUpdate: 1,
      toDeactivate: 1,
    })
    expect(applyRoster(db, second.rows, NOW)).toEqual({ added: 0, updated: 1, deactivated: 1 })
    const all = search().rows
    expect(all.map((e) => [e.nip, e.name, e.active])).toEqual([
      [A, 'Budi Santoso', true],
      [B, 'Siti', false],
      ['NA-000001', 'Tenaga Honorer', true],
    ])
  })

  it('retires only the missing staff of the OPD the file lists, not the rest of the region', async () => {
    applyRoster(
      db,
      (
        await readRosterFile(
          csv('1.csv', [
            [A, 'Budi', 'Inspektorat', ''],
            [B, 'Siti', 'Dinas Sosial', ''],
          ]),
        )
      ).rows,
      NOW,
    )
    const sosialOnly = await readRosterFile(csv('2.csv', [[PPPK, 'Rina', 'Dinas Sosial', '']]))
    expect(applyRoster(db, sosialOnly.rows, NOW)).toEqual({ added: 1, updated: 0, deactivated: 1 })
    expect(search().rows.map((e) => [e.nip, e.active])).toEqual([
      [A, true],
      [PPPK, true],
      [B, false],
    ])
  })

  it('is all or nothing: a failure half-way leaves the roster as it was', async () => {
    applyRoster(
      db,
      (await readRosterFile(csv('1.csv', [[A, 'Budi', 'Inspektorat', '']]))).rows,
      NOW,
    )
    const next = await readRosterFile(
      csv('2.csv', [
        [B, 'Siti', 'Dinas Sosial', ''],
        [PPPK, 'Rina', 'Dinas Sosial', ''],
      ]),
    )
    db.exec(
      `CREATE TRIGGER fail BEFORE INSERT ON employee WHEN NEW.nip = '${PPPK}' BEGIN SELECT RAISE(ABORT, 'disk gone'); END`,
    )
    expect(() => applyRoster(db, next.rows, NOW)).toThrow('disk gone')
    expect(search().rows.map((e) => [e.nip, e.active])).toEqual([[A, true]])
    expect(listOpd(db).map((o) => o.name)).toEqual(['Inspektorat'])
  })

  it('finds people by any part of the name or NIP, and by OPD', async () => {
    applyRoster(
      db,
      (
        await readRosterFile(
          csv('1.csv', [
            [A, 'Budi Santoso', 'Inspektorat', ''],
            [B, 'Siti Rahayu', 'Dinas Sosial', ''],
          ]),
        )
      ).rows,
      NOW,
    )
    expect(search('santo').rows.map((e) => e.nip)).toEqual([A])
    expect(search('2005 01').rows.map((e) => e.nip)).toEqual([B])
    expect(search('100%').total).toBe(0)
    const sosial = listOpd(db).find((o) => o.name === 'Dinas Sosial')!
    expect(
      searchEmployees(db, {
        query: '',
        opdId: sosial.id,
        includeInactive: false,
        card: 'any',
        limit: 10,
        offset: 0,
      }).rows.map((e) => e.name),
    ).toEqual(['Siti Rahayu'])
  })
})

describe('roster files that are not what they claim', () => {
  const MB = 1024 * 1024
  /** Every column of every employee, to show an import that failed changed nothing. */
  const snapshot = () =>
    db.prepare('SELECT * FROM employee ORDER BY nip').all() as Record<string, unknown>[]
  const seed = () =>
    applyRoster(
      db,
      [
        { nip: A, name: 'Budi', opd: 'Inspektorat' },
        { nip: B, name: 'Siti', opd: 'Inspektorat' },
      ].map((p, i) => rosterRow(p.nip, p.name, p.opd, i + 2)),
      NOW,
    )
  /** Refused by name, with the roster exactly as it was. */
  async function expectRefused(file: string, message: string | RegExp) {
    seed()
    const before = snapshot()
    await expect(readRosterFile(file)).rejects.toThrow(message)
    expect(snapshot()).toEqual(before)
  }

  it('names what a path is when it is no regular file, and never opens a FIFO', async () => {
    const fifo = path.join(dir, 'pipa.csv')
    execFileSync('mkfifo', [fifo])
    const folder = path.join(dir, 'x.xlsx')
    fs.mkdirSync(folder)
    const device = path.join(dir, 'nol.xlsx')
    fs.symlinkSync('/dev/zero', device)
    const started = performance.now()
    await expectRefused(
      fifo,
      'Berkas pipa.csv bukan berkas biasa (pipa); pilih berkas .xlsx atau .csv.',
    )
    await expectRefused(
      folder,
      'Berkas x.xlsx bukan berkas biasa (folder); pilih berkas .xlsx atau .csv.',
    )
    await expectRefused(
      device,
      'Berkas nol.xlsx bukan berkas biasa (perangkat); pilih berkas .xlsx atau .csv.',
    )
    // Opening the FIFO would wait for a writer that never comes.
    expect(performance.now() - started).toBeLessThan(2000)
    fs.symlinkSync(path.join(dir, 'hilang.xlsx'), path.join(dir, 'putus.xlsx'))
    await expectRefused(path.join(dir, 'putus.xlsx'), 'Berkas putus.xlsx tidak ditemukan.')
  })

  it('refuses a zip bomb shaped like .xlsx from its declared sizes, inflating nothing', async () => {
    const file = path.join(dir, 'bom.xlsx')
    await writeInflatingXlsx(file, 256 * MB, ' ')
    expect(fs.statSync(file).size).toBeLessThan(2 * MB)
    const rssBefore = process.memoryUsage().rss
    await expectRefused(
      file,
      'Berkas bom.xlsx ditolak: isinya mengembang menjadi 256 MB saat dibuka (batas 32 MB).',
    )
    // Peak memory: exceljs would have held the 256 MB part at least twice over.
    expect(process.resourceUsage().maxRSS * 1024 - rssBefore).toBeLessThan(64 * MB)
  })

  it('stops inflating a part that holds more than its header declares', async () => {
    const file = path.join(dir, 'bohong.xlsx')
    await writeInflatingXlsx(file, 256 * MB, ' ')
    lieAboutSheetSize(file, 4096)
    const rssBefore = process.memoryUsage().rss
    await expectRefused(
      file,
      'Berkas bohong.xlsx ditolak: bagian xl/worksheets/sheet1.xml berisi lebih dari ukuran yang dinyatakan',
    )
    expect(process.resourceUsage().maxRSS * 1024 - rssBefore).toBeLessThan(64 * MB)
  })

  it('refuses a part compressed beyond any real data, and a file of too many parts', async () => {
    const dense = path.join(dir, 'padat.xlsx')
    await writeInflatingXlsx(dense, 24 * MB, ' ')
    await expectRefused(
      dense,
      /Berkas padat.xlsx ditolak: bagian xl\/worksheets\/sheet1.xml dipadatkan \d+:1, tidak wajar untuk data./,
    )
    const many = path.join(dir, 'banyak.xlsx')
    await writeInflatingXlsx(many, 4096, ' ', 1000)
    await expect(readRosterFile(many)).rejects.toThrow(
      /Berkas banyak.xlsx ditolak: berisi 10\d\d bagian \(batas 1000\)/,
    )
  })

  it('refuses a sheet that unpacks beyond the limit, and a 50 MB file before reading it', async () => {
    const row = `<row><c t="inlineStr"><is><t>${A}</t></is></c><c t="inlineStr"><is><t>Budi</t></is></c></row>`
    const sheet = path.join(dir, 'besar.xlsx')
    await writeInflatingXlsx(sheet, MAX_UNZIPPED_BYTES + 18 * MB, row)
    await expectRefused(sheet, /Berkas besar.xlsx ditolak: isinya mengembang menjadi 50 MB/)

    const csv = path.join(dir, 'besar.csv')
    await writeRepeated(csv, 'NIP;Nama;OPD\r\n', `${A};Budi Santoso;Inspektorat\r\n`, 50 * MB)
    await expect(readRosterFile(csv)).rejects.toThrow(
      'Berkas besar.csv terlalu besar (50 MB; batas 30 MB).',
    )
  })

  it('rejects rows whose cells are formulas, naming row and column, and leaves those people as they were', async () => {
    seed()
    const before = snapshot()
    const file = path.join(dir, 'rumus.xlsx')
    await writeXlsx(
      file,
      simpegSheet([
        [1, A, { formula: 'HYPERLINK("http://x","klik")', result: 'klik' }, '', '', 'Inspektorat'],
        [2, B, 'Siti', '', '', { formula: '1+1', result: 2 }],
        [
          3,
          PPPK,
          'Rina',
          { formula: 'UPPER("guru")', shareType: 'shared', ref: 'D7:D8', result: 'GURU' },
          '',
          'Inspektorat',
        ],
        [
          4,
          '198502102010011003',
          'Andi',
          { sharedFormula: 'D7', result: 'GURU' },
          '',
          'Inspektorat',
        ],
        [
          5,
          { formula: 'TEXT(19650101,"0")', result: '196501011990031001' },
          'Eko',
          '',
          '',
          'Inspektorat',
        ],
      ]),
    )
    const parsed = await readRosterFile(file)
    expect(parsed.rows).toEqual([])
    const formula = (label: string, col: string) =>
      `kolom ${label} (${col}) berisi rumus Excel, bukan nilai; salin lalu tempel sebagai nilai (Paste Values)`
    expect(parsed.rejected).toEqual([
      { row: 5, reason: formula('Nama Lengkap', 'C') },
      { row: 6, reason: formula('Unit Kerja', 'F') },
      { row: 7, reason: formula('Jabatan', 'D') },
      { row: 8, reason: formula('Jabatan', 'D') },
      { row: 9, reason: formula('N I P', 'B') },
    ])
    // Budi and Siti were in the file, refused: neither changed nor retired as missing.
    expect(previewRoster(db, parsed, 'rumus.xlsx')).toMatchObject({ toAdd: 0, toDeactivate: 0 })
    applyRoster(db, parsed.rows, NOW, parsed.held)
    expect(snapshot()).toEqual(before)
  })

  it('keeps the person behind a NIP that appears twice, instead of retiring them', async () => {
    seed()
    const parsed = await readRosterFile(
      (() => {
        const file = path.join(dir, 'ganda.csv')
        writeCsv(file, [
          ['NIP', 'Nama', 'OPD'],
          [A, 'Budi', 'Inspektorat'],
          [A, 'Budi Lain', 'Inspektorat'],
          [B, 'Siti', 'Inspektorat'],
        ])
        return file
      })(),
    )
    expect(applyRoster(db, parsed.rows, NOW, parsed.held)).toEqual({
      added: 0,
      updated: 0,
      deactivated: 0,
    })
    expect(search().rows.map((e) => [e.nip, e.name, e.active])).toEqual([
      [A, 'Budi', true],
      [B, 'Siti', true],
    ])
  })
})

describe('names with formula starters and markup', () => {
  const HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    "=cmd|' /C calc'!A0",
    '<b>Budi</b>',
    '<script>alert(1)</script>',
    '+62 812',
    '@Siti',
  ]

  it.each(['csv', 'xlsx'])('are stored from .%s as the literal text', async (ext) => {
    const file = path.join(dir, `nama.${ext}`)
    const nips = [A, B, PPPK, '198502102010011003', '196501011990031001', '197712312000122001']
    const rows: Value[][] = [
      ['NIP', 'Nama', 'OPD'],
      ...HOSTILE.map((name, i) => [nips[i]!, name, 'Inspektorat']),
    ]
    if (ext === 'csv') writeCsv(file, rows)
    else await writeXlsx(file, rows)
    const parsed = await readRosterFile(file)
    expect(parsed.rejected).toEqual([])
    applyRoster(db, parsed.rows, NOW)
    expect(db.prepare('SELECT name FROM employee ORDER BY nip').pluck().all()).toEqual(
      nips
        .map((nip, i) => [nip, HOSTILE[i]])
        .sort()
        .map(([, name]) => name),
    )
  })
})

describe('sheets that reach far: the cost follows the cells present', () => {
  const CHILD = path.resolve(__dirname, '../fixtures/read-roster-child.ts')
  interface Read {
    error?: string
    rows?: number
    rowNumbers?: number[]
    lastRow?: number | null
    rejected?: number
    ms: number
    grewMb: number
  }
  /**
   * Reads `file` in a child whose heap is capped at `heapMb`, so a reader that builds every
   * empty cell dies there (and fails the test) instead of taking the runner with it.
   */
  function readInChild(file: string, heapMb = 256): Promise<Read> {
    const args = [`--max-old-space-size=${heapMb}`, '--import', 'tsx', CHILD, file]
    return new Promise((resolve, reject) =>
      execFile(process.execPath, args, { timeout: 90_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`child failed: ${error.message}\n${stderr.slice(-2000)}`))
        else resolve(JSON.parse(stdout) as Read)
      }),
    )
  }
  const header = (row: number, col: number) =>
    `<row r="${row}">${['NIP', 'Nama', 'Unit Kerja']
      .map((t, i) => inlineCell(`${columnLetter(col + i)}${row}`, t))
      .join('')}</row>`

  it("refuses the issue's 100 KB file, one cell at XFD on every row, in bounded time and memory", async () => {
    const file = path.join(dir, 'jauh.xlsx')
    await writeSheetXlsx(
      file,
      (function* () {
        yield header(1, 0)
        for (let r = 2; r <= 40_000; r++) yield `<row r="${r}">${inlineCell(`XFD${r}`, 'x')}</row>`
      })(),
    )
    expect(fs.statSync(file).size).toBeGreaterThan(90 * 1024)
    const read = await readInChild(file)
    expect(read.error).toBe(
      'Berkas jauh.xlsx ditolak: lembar berisi sel XFD2, jauh di luar tabel pegawai (batas 200.000 baris dan 1.000 kolom, sampai kolom ALL). Hapus isi atau format di luar tabel, simpan, lalu impor lagi.',
    )
    // Before: 3.96 GB and 27 s for a 22 KB file of this shape; this one is five times that.
    expect(read.grewMb).toBeLessThan(100)
    expect(read.ms).toBeLessThan(5000)
  })

  it("refuses a cell at row 1,048,576, and positions beyond Excel's own grid", async () => {
    const far = path.join(dir, 'bawah.xlsx')
    await writeSheetXlsx(far, [
      header(1, 0),
      `<row r="1048576">${inlineCell('A1048576', 'x')}</row>`,
    ])
    await expect(readRosterFile(far)).rejects.toThrow(
      'Berkas bawah.xlsx ditolak: lembar berisi sel A1048576, jauh di luar tabel pegawai',
    )
    // exceljs walks its row array up to the highest row number and makes one column object per
    // position up to a <col max>: numbers past Excel's limits are refused before it sees them.
    const cases: [string, string[], string][] = [
      ['baris.xlsx', [header(1, 0), '<row r="2000000000"/>'], ''],
      ['kolom.xlsx', [header(1, 0)], '<cols><col min="1" max="2000000000" width="9"/></cols>'],
      ['alamat.xlsx', [header(1, 0), `<row r="2">${inlineCell('XFE2', 'x')}</row>`], ''],
    ]
    for (const [name, rows, after] of cases) {
      const file = path.join(dir, name)
      await writeSheetXlsx(file, rows, after)
      await expect(readRosterFile(file)).rejects.toThrow(
        new RegExp(
          `^Berkas ${name} ditolak: bagian xl/worksheets/sheet1.xml memuat alamat yang tidak sah`,
        ),
      )
    }
  })

  it('reads a roster 1,000 columns wide, and refuses the 1,001st column', async () => {
    const people = demoRoster(50)
    const wide = (cols: number) =>
      (function* () {
        const cell = (r: number, c: number, t: string) => inlineCell(`${columnLetter(c)}${r}`, t)
        const filler = (r: number) =>
          Array.from({ length: cols - 3 }, (_, c) => cell(r, c + 3, `isi ${c}`)).join('')
        yield `<row r="1">${cell(1, 0, 'NIP')}${cell(1, 1, 'Nama')}${cell(1, 2, 'Unit Kerja')}${filler(1)}</row>`
        for (const [i, p] of people.entries()) {
          const r = i + 2
          yield `<row r="${r}">${cell(r, 0, p.nip)}${cell(r, 1, p.name)}${cell(r, 2, p.opdName)}${filler(r)}</row>`
        }
      })()
    const fits = path.join(dir, 'lebar.xlsx')
    await writeSheetXlsx(fits, wide(1000))
    const parsed = await readRosterFile(fits)
    expect(parsed.rejected).toEqual([])
    expect(parsed.rows.map((r) => r.nip)).toEqual(people.map((p) => p.nip))

    const over = path.join(dir, 'terlalu-lebar.xlsx')
    await writeSheetXlsx(over, wide(1001))
    await expect(readRosterFile(over)).rejects.toThrow(
      'Berkas terlalu-lebar.xlsx ditolak: lembar berisi sel ALM1, jauh di luar tabel pegawai',
    )
  })

  it('reads 2,000 people scattered down to row 199,911 in the last columns a roster may use', async () => {
    // Before, every cell up to column ALL was built: 2 million cells for these 6,000.
    const people = demoRoster(2_000)
    const file = path.join(dir, 'jarang.xlsx')
    await writeSheetXlsx(
      file,
      (function* () {
        yield header(3, 997)
        for (const [i, p] of people.entries()) {
          const r = 11 + i * 100
          yield `<row r="${r}">${[p.nip, p.name, p.opdName].map((t, c) => inlineCell(`${columnLetter(997 + c)}${r}`, t)).join('')}</row>`
        }
      })(),
    )
    const read = await readInChild(file)
    expect(read).toMatchObject({
      rows: 2_000,
      rejected: 0,
      rowNumbers: [11, 111, 211],
      lastRow: 199_911,
    })
    expect(read.grewMb).toBeLessThan(150)
    expect(read.ms).toBeLessThan(10_000)
  })

  it('refuses merges that would fill in millions of cells, and thousands of merges', async () => {
    const bomb = path.join(dir, 'gabung.xlsx')
    await writeSheetXlsx(
      bomb,
      [header(1, 0)],
      '<mergeCells count="1"><mergeCell ref="A2:ALL200000"/></mergeCells>',
    )
    expect(fs.statSync(bomb).size).toBeLessThan(16 * 1024)
    const read = await readInChild(bomb)
    expect(read.error).toBe(
      `Berkas gabung.xlsx ditolak: isinya terlalu banyak untuk daftar pegawai (lebih dari ${MAX_SHEET_ITEMS.toLocaleString('id-ID')} sel dan unsur lain). Salin hanya tabel pegawai ke berkas baru, simpan, lalu impor lagi.`,
    )
    expect(read.grewMb).toBeLessThan(100)
    expect(read.ms).toBeLessThan(2000)

    const many = path.join(dir, 'banyak-gabung.xlsx')
    const merges = Array.from(
      { length: 5001 },
      (_, i) => `<mergeCell ref="A${i * 2 + 2}:B${i * 2 + 2}"/>`,
    )
    await writeSheetXlsx(many, [header(1, 0)], `<mergeCells>${merges.join('')}</mergeCells>`)
    await expect(readRosterFile(many)).rejects.toThrow(
      'Berkas banyak-gabung.xlsx ditolak: sel digabung di lebih dari 5.000 tempat; ini bukan daftar pegawai.',
    )
  })

  it('reads a roster with a drop-down on a whole column, and refuses one on the whole sheet', async () => {
    const people = demoRoster(100)
    const validation = (sqref: string) =>
      `<dataValidations count="1"><dataValidation type="list" sqref="${sqref}"><formula1>"PNS,PPPK"</formula1></dataValidation></dataValidations>`
    const rows = function* () {
      yield header(1, 0)
      for (const [i, p] of people.entries()) {
        const r = i + 2
        yield `<row r="${r}">${[p.nip, p.name, p.opdName].map((t, c) => inlineCell(`${columnLetter(c)}${r}`, t)).join('')}</row>`
      }
    }
    const column = path.join(dir, 'pilihan.xlsx')
    await writeSheetXlsx(column, rows(), validation('D2:D1048576'))
    const read = await readInChild(column)
    expect(read).toMatchObject({ rows: 100, rejected: 0 })
    expect(read.grewMb).toBeLessThan(400)
    expect(read.ms).toBeLessThan(10_000)

    const sheet = path.join(dir, 'pilihan-semua.xlsx')
    await writeSheetXlsx(sheet, rows(), validation('A1:XFD1048576'))
    const refused = await readInChild(sheet)
    expect(refused.error).toMatch(
      /^Berkas pilihan-semua.xlsx ditolak: isinya terlalu banyak untuk daftar pegawai/,
    )
    expect(refused.grewMb).toBeLessThan(100)
    expect(refused.ms).toBeLessThan(2000)
  })

  it('refuses a sheet of more elements than the budget before exceljs builds any of them', async () => {
    const file = path.join(dir, 'unsur.xlsx')
    await writeSheetXlsx(
      file,
      (function* () {
        yield header(1, 0)
        // Tiny cells without addresses: exceljs would make an object of each.
        for (let r = 2; r < 2 + 2700; r++)
          yield `<row r="${r}">${Array.from({ length: 500 }, (_, c) => `<c><v>${r * 500 + c}</v></c>`).join('')}</row>`
      })(),
    )
    const read = await readInChild(file)
    expect(read.error).toMatch(
      /^Berkas unsur.xlsx ditolak: isinya terlalu banyak untuk daftar pegawai/,
    )
    expect(read.grewMb).toBeLessThan(100)
    expect(read.ms).toBeLessThan(5000)
  })

  it('reads a file at the edge of the budget within the stated bound', async () => {
    // 2.4 million items: 70,000 rows of eleven number cells, about the most an accepted file holds.
    const file = path.join(dir, 'penuh.xlsx')
    await writeSheetXlsx(
      file,
      (function* () {
        yield header(1, 0)
        for (let r = 2; r <= 70_001; r++) {
          let cells = ''
          for (let c = 0; c < 11; c++) cells += `<c r="${columnLetter(c)}${r}"><v>${c}</v></c>`
          yield `<row r="${r}">${cells}</row>`
        }
      })(),
    )
    const read = await readInChild(file, 1024)
    // Every NIP is a number cell: each row is rejected, none is lost, the kiosk lives.
    expect(read).toMatchObject({ rows: 0, rejected: 70_000 })
    expect(read.grewMb).toBeLessThan(700)
    expect(read.ms).toBeLessThan(30_000)
  })

  it('bounds a CSV by its separators before parsing it', async () => {
    const far = path.join(dir, 'jauh.csv')
    fs.writeFileSync(far, `NIP;Nama;OPD\r\n${A};Budi;Inspektorat${';'.repeat(998)}x\r\n`)
    await expect(readRosterFile(far)).rejects.toThrow(
      'Berkas jauh.csv ditolak: lembar berisi sel ALM2, jauh di luar tabel pegawai',
    )
    const commas = path.join(dir, 'koma.csv')
    await writeRepeated(commas, 'NIP,Nama,OPD\n', ',', 29 * 1024 * 1024)
    const read = await readInChild(commas)
    expect(read.error).toMatch(
      /^Berkas koma.csv ditolak: isinya terlalu banyak untuk daftar pegawai/,
    )
    expect(read.grewMb).toBeLessThan(200)
  })
})

describe("field lengths: the contract's limits, applied to every imported row", () => {
  const long = (n: number) => 'a'.repeat(n)

  it('rejects a row whose field is over the limit with its row and column, and keeps the person', async () => {
    applyRoster(db, [rosterRow(B, 'Siti', 'Inspektorat', 2)], NOW)
    const file = path.join(dir, 'panjang.xlsx')
    await writeXlsx(
      file,
      [
        ['NIP', 'Nama', 'Jabatan', 'Pangkat', 'Unit Kerja'],
        [
          A,
          long(FIELD_MAX.name),
          long(FIELD_MAX.jabatan),
          long(FIELD_MAX.pangkat),
          long(FIELD_MAX.opd),
        ],
        [B, long(FIELD_MAX.name + 1), '', '', 'Inspektorat'],
        [PPPK, 'Rina', long(FIELD_MAX.jabatan + 1), '', 'Inspektorat'],
        ['198502102010011003', 'Andi', '', long(FIELD_MAX.pangkat + 1), 'Inspektorat'],
        ['196501011990031001', 'Eko', '', '', long(FIELD_MAX.opd + 1)],
      ],
      { textColumns: [0] },
    )
    const parsed = await readRosterFile(file)
    expect(parsed.rows.map((r) => r.nip)).toEqual([A])
    expect(parsed.rejected).toEqual([
      { row: 3, reason: 'kolom Nama (B): lebih dari 200 karakter (tertulis 201 karakter)' },
      { row: 4, reason: 'kolom Jabatan (C): lebih dari 200 karakter (tertulis 201 karakter)' },
      { row: 5, reason: 'kolom Pangkat (D): lebih dari 100 karakter (tertulis 101 karakter)' },
      { row: 6, reason: 'kolom Unit Kerja (E): lebih dari 200 karakter (tertulis 201 karakter)' },
    ])
    // Siti's row was refused, not missing: she stays as she was.
    expect(previewRoster(db, parsed, 'panjang.xlsx')).toMatchObject({ toAdd: 1, toDeactivate: 0 })
  })

  it('refuses a 20 MB name without storing or echoing it', async () => {
    const file = path.join(dir, 'besar-nama.csv')
    const head = `NIP;Nama;OPD\r\n${A};`
    const bytes = 20 * 1024 * 1024
    await writeRepeated(file, head, 'Budi ', bytes)
    fs.appendFileSync(file, ';Inspektorat\r\n')
    const name = 'Budi '
      .repeat(bytes / 5)
      .slice(0, bytes - head.length)
      .trim()
    const parsed = await readRosterFile(file)
    expect(parsed.rows).toEqual([])
    expect(parsed.rejected).toEqual([
      {
        row: 2,
        reason: `kolom Nama (B): lebih dari 200 karakter (tertulis ${name.length.toLocaleString('id-ID')} karakter)`,
      },
    ])
    applyRoster(db, parsed.rows, NOW, parsed.held)
    expect(search().total).toBe(0)
  })

  it('quotes at most 40 characters of a bad cell back to the officer', async () => {
    const file = path.join(dir, 'nip-panjang.csv')
    writeCsv(file, [
      ['NIP', 'Nama', 'OPD', 'Jenis'],
      [`x${'9'.repeat(100_000)}`, 'Budi', 'Inspektorat', ''],
      [A, 'Budi', 'Inspektorat', long(100_000)],
    ])
    const { rejected } = await readRosterFile(file)
    expect(rejected).toEqual([
      { row: 2, reason: `NIP hanya boleh berisi angka (tertulis "x${'9'.repeat(39)}…")` },
      {
        row: 3,
        reason: `Jenis pegawai "${long(40)}…" tidak dikenal (PNS, PPPK, atau non-ASN)`,
      },
    ])
  })

  it("is the same limit the officer's own edits are held to", () => {
    const fields = (over: Partial<Record<keyof typeof FIELD_MAX, number>>) => ({
      name: long(over.name ?? 1),
      opdId: 1,
      jabatan: long(over.jabatan ?? 0),
      pangkat: long(over.pangkat ?? 0),
    })
    for (const field of ['name', 'jabatan', 'pangkat'] as const) {
      expect(employeeFields.safeParse(fields({ [field]: FIELD_MAX[field] })).success).toBe(true)
      expect(employeeFields.safeParse(fields({ [field]: FIELD_MAX[field] + 1 })).success).toBe(
        false,
      )
    }
  })
})

describe('total rows under the table', () => {
  it('skips "Jumlah" and "TOTAL" in the NIP column instead of rejecting them', async () => {
    const file = path.join(dir, 'jumlah.xlsx')
    await writeXlsx(
      file,
      [
        ['DAFTAR PEGAWAI', null, null],
        ['NIP', 'Nama', 'Unit Kerja'],
        [A, 'Budi', 'Inspektorat'],
        [B, 'Siti', 'Inspektorat'],
        ['Jumlah', null, null],
        ['TOTAL', { formula: 'COUNTA(B3:B4)', result: 2 }, null],
        ['Jumlah: 2.400', null, null],
        ['Grand Total', '2', '1 OPD'],
        ['Jumlahnya salah', 'Andi', 'Inspektorat'],
      ],
      { textColumns: [0] },
    )
    const parsed = await readRosterFile(file)
    expect(parsed.rows.map((r) => r.nip)).toEqual([A, B])
    // A word that only starts like a total is still a row the officer must see.
    expect(parsed.rejected).toEqual([
      { row: 9, reason: 'NIP hanya boleh berisi angka (tertulis "Jumlahnya salah")' },
    ])
  })
})
