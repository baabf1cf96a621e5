import path from 'node:path'
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { previewRoster, readRosterFile } from '../../src/main/roster/import'
import { addNonAsn, applyRoster, listOpd, searchEmployees } from '../../src/main/roster/repository'
import { MAX_UNZIPPED_BYTES } from '../../src/main/roster/xlsx-guard'
import { lieAboutSheetSize, writeInflatingXlsx, writeRepeated } from '../fixtures/hostile-xlsx'
import { writeCsv, writeXlsx, type Value } from '../fixtures/roster-files'
import { tempDb } from '../fixtures/temp-db'
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
