import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../../src/main/errors'
import { writeAtomic } from '../../src/main/export/atomic'
import { csvField } from '../../src/main/export/csv'
import { safeFileName, uniqueNames } from '../../src/main/export/file-name'
import { tempDir } from '../fixtures/temp-db'

const FILE_NAME_MODULE = path.resolve(__dirname, '../../src/main/export/file-name.ts')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
function folder(): string {
  const d = tempDir('kiosk-export-')
  dirs.push(d)
  return d
}

describe('file names', () => {
  it('replaces what Windows forbids and stays readable', () => {
    expect(safeFileName('Dinas Kebudayaan/Pariwisata', '.xlsx')).toBe(
      'Dinas Kebudayaan-Pariwisata.xlsx',
    )
    const name = safeFileName('Bagian <Umum>: "Tata*Usaha" | Keuangan? \\ \u0007Arsip', '.xlsx')
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/)
    expect(name).toBe('Bagian Umum - Tata Usaha - Keuangan - Arsip.xlsx')
  })

  it('drops trailing dots and spaces, which Windows would drop silently', () => {
    expect(safeFileName('Kecamatan Kota. . ', '.csv')).toBe('Kecamatan Kota.csv')
  })

  it('avoids the reserved device names', () => {
    expect(safeFileName('CON', '.xlsx')).toBe('_CON.xlsx')
    expect(safeFileName('com1', '.xlsx')).toBe('_com1.xlsx')
    expect(safeFileName('Lpt9', '')).toBe('_Lpt9')
    expect(safeFileName('Console', '.xlsx')).toBe('Console.xlsx')
  })

  it('bounds the length and never returns an empty name', () => {
    const long = safeFileName('Badan '.repeat(60), '.xlsx')
    expect(long.length).toBeLessThanOrEqual(125)
    expect(long.endsWith('Badan.xlsx')).toBe(true)
    expect(safeFileName(' ?* ', '.xlsx')).toBe('Tanpa Nama.xlsx')
  })

  it('numbers names that would land on the same file, ignoring case as Windows does', () => {
    expect(uniqueNames(['Dinas A/B', 'Dinas A-B', 'dinas a-b'], '.xlsx')).toEqual([
      'Dinas A-B.xlsx',
      'Dinas A-B (2).xlsx',
      'dinas a-b (3).xlsx',
    ])
  })

  it('ends, with unique names, when many long names agree past the length limit', () => {
    // 200 OPD whose names differ only after character 120: each must still get its own file.
    const long = 'Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Kecamatan '.repeat(3)
    const names = Array.from({ length: 200 }, (_, i) => `${long}${i}`)
    // In a child process with a time limit: a naming loop that never ends (the bug) fails
    // the test instead of hanging the test run.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { uniqueNames } = require(${JSON.stringify(FILE_NAME_MODULE)})
         process.stdout.write(JSON.stringify(uniqueNames(JSON.parse(process.argv[1]), '.xlsx')))`,
        JSON.stringify(names),
      ],
      { encoding: 'utf8', timeout: 20_000 },
    )
    expect(child.signal, 'uniqueNames did not finish within 20 s').toBeNull()
    expect(child.status, child.stderr).toBe(0)
    const unique = JSON.parse(child.stdout) as string[]
    expect(unique).toEqual(uniqueNames(names, '.xlsx'))
    expect(new Set(unique.map((n) => n.toLowerCase())).size).toBe(200)
    for (const n of unique) expect(Array.from(n).length).toBeLessThanOrEqual(125)
    expect(unique[0]).toBe(`${safeFileName(long, '')}.xlsx`)
    expect(unique[1]!.endsWith(' (2).xlsx')).toBe(true)
    expect(unique[199]!.endsWith(' (200).xlsx')).toBe(true)
  })

  it('numbers a name that already ends in a number in brackets without looping', () => {
    expect(uniqueNames(['Dinas (2)', 'Dinas', 'Dinas', 'dinas (2)'], '.xlsx')).toEqual([
      'Dinas (2).xlsx',
      'Dinas.xlsx',
      'Dinas (3).xlsx',
      'dinas (2) (2).xlsx',
    ])
  })

  it('strips bidi overrides, zero-width and other invisible characters', () => {
    // U+202E makes "Dinas A\u202Excod.exe.xlsx" display as "Dinas Axslx.exe.docx".
    expect(safeFileName('Dinas A\u202Excod.exe', '.xlsx')).toBe('Dinas Axcod.exe.xlsx')
    const hidden = 'Ba\u200bdan\u200d \u200eKeu\u200fangan\u2066\u2069\ufeff\u00ad\u2028X\u0085'
    const name = safeFileName(hidden, '.xlsx')
    expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u)
    expect(name).toBe('Badan Keuangan X.xlsx')
  })
})

describe('CSV fields', () => {
  it('guards text a spreadsheet would run as a formula, and quotes what needs it', () => {
    expect(csvField('=SUM(A1:A9)')).toBe(`"'=SUM(A1:A9)"`)
    expect(csvField('+62 812')).toBe(`"'+62 812"`)
    expect(csvField('-')).toBe(`"'-"`)
    expect(csvField('@user')).toBe(`"'@user"`)
    expect(csvField('\tx')).toBe(`"'\tx"`)
    expect(csvField('\rx')).toBe(`"'\rx"`)
    expect(csvField('Penata; III/c')).toBe('"Penata; III/c"')
    expect(csvField('Kepala "Bidang"')).toBe('"Kepala ""Bidang"""')
    expect(csvField('Budi Santoso')).toBe('Budi Santoso')
    expect(csvField(7)).toBe('7')
    expect(csvField(null)).toBe('')
    expect(csvField(new Date('2024-09-30T07:20:05Z'))).toBe('2024-09-30 07:20:05')
  })
})

describe('atomic writes', () => {
  const tempsIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))

  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = folder()
    const target = path.join(dir, 'Rekap.xlsx')
    fs.writeFileSync(target, 'lama')
    await writeAtomic(target, (tmp) => fs.promises.writeFile(tmp, 'baru'))
    expect(fs.readFileSync(target, 'utf8')).toBe('baru')
    expect(fs.readdirSync(dir)).toEqual(['Rekap.xlsx'])
  })

  it('keeps the old file whole when writing fails halfway, and names the file', async () => {
    const dir = folder()
    const target = path.join(dir, 'Kehadiran - Inspektorat.xlsx')
    fs.writeFileSync(target, 'lama')
    const failing = async (tmp: string) => {
      await fs.promises.writeFile(tmp, 'setengah')
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    }
    const error = await writeAtomic(target, failing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).message).toBe(
      'Gagal menyimpan berkas "Kehadiran - Inspektorat.xlsx": penyimpanan penuh; kosongkan ruang atau pakai flashdisk lain. Berkas lama dengan nama itu (bila ada) tidak berubah.',
    )
    expect(fs.readFileSync(target, 'utf8')).toBe('lama')
    expect(tempsIn(dir)).toEqual([])
  })

  it('removes the temporary file when the final rename fails', async () => {
    const dir = folder()
    // A folder of that name with something in it: the operating system refuses the rename.
    const target = path.join(dir, 'Rekap.xlsx')
    fs.mkdirSync(target)
    fs.writeFileSync(path.join(target, 'isi'), 'x')
    await expect(writeAtomic(target, (tmp) => fs.promises.writeFile(tmp, 'baru'))).rejects.toThrow(
      'Gagal menyimpan berkas "Rekap.xlsx"',
    )
    expect(tempsIn(dir)).toEqual([])
    expect(fs.readdirSync(target)).toEqual(['isi'])
  })

  it('says the folder is gone when the USB stick was pulled', async () => {
    const dir = folder()
    const target = path.join(dir, 'dicabut', 'Rekap.xlsx')
    await expect(writeAtomic(target, (tmp) => fs.promises.writeFile(tmp, 'baru'))).rejects.toThrow(
      'folder tujuan tidak ditemukan; apakah flashdisk dicabut?',
    )
  })
})
