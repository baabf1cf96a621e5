import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { checkIn } from '../fixtures/attendance'
import { expect, test } from './fixtures'

interface Person {
  id: number
  nip: string
  name: string
}

test('mark absence reasons, export to a folder, and read the files back', async ({ kiosk }) => {
  // 43 files from a 2,400-person demo, then the automatic backup, each in a worker thread that
  // compiles its TypeScript as it starts: 19-32 s on a loaded 2-core machine (measured).
  test.slow()
  const { page, db, dir } = kiosk
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  const ceremony = db.prepare('SELECT id, date FROM ceremony').get() as { id: number; date: string }
  // Inspektorat staff whose names are unique there, so each row is found by name.
  const staff = db
    .prepare(
      `SELECT e.id, e.nip, e.name FROM employee e JOIN opd o ON o.id = e.opd_id
       WHERE o.name = 'Inspektorat' AND e.name IN (
         SELECT name FROM employee WHERE opd_id = o.id GROUP BY name HAVING count(*) = 1)
       ORDER BY e.name`,
    )
    .all() as Person[]
  const total = db
    .prepare(
      "SELECT count(*) FROM employee e JOIN opd o ON o.id = e.opd_id WHERE o.name = 'Inspektorat'",
    )
    .pluck()
    .get() as number
  const [onTime, late, sick] = staff as [Person, Person, Person]
  checkIn(db, ceremony.id, onTime.nip, new Date().toISOString(), { source: 'pemindai' })
  checkIn(db, ceremony.id, late.nip, new Date().toISOString(), { late: true })

  // The Inspektorat's head, set once in the roster screen, signs its daftar hadir.
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('button', { name: 'Data Pegawai' })
    .click()
  await page.getByText('Penanda tangan daftar hadir per OPD').click()
  await page.getByLabel('OPD penanda tangan').selectOption({ label: 'Inspektorat' })
  const form = page.getByRole('form', { name: 'Penanda tangan Inspektorat' })
  await expect(form.getByLabel(/Jabatan penanda tangan/)).toHaveAttribute(
    'placeholder',
    'Inspektur',
  )
  await form.getByLabel(/Jabatan penanda tangan/).fill('Plt. Inspektur')
  await form.getByLabel(/^Nama/).fill('Drs. Bambang Wijaya')
  await form.getByLabel('NIP').fill('1974050')
  await form.getByRole('button', { name: 'Simpan penanda tangan' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'NIP penanda tangan: NIP harus 18 digit, yang tertulis 7 digit.',
  )
  await form.getByLabel('NIP').fill('19740502 199311 1 001')
  await form.getByRole('button', { name: 'Simpan penanda tangan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Penanda tangan disimpan' })).toHaveText(
    'Penanda tangan disimpan: Plt. Inspektur.',
  )

  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  await page.getByLabel('Nama petugas').fill('Rina Petugas')
  await page.getByRole('button', { name: 'Simpan nama' }).click()
  await expect(page.getByText('Petugas saat ini: Rina Petugas')).toBeVisible()

  await page
    .getByRole('combobox', { name: 'OPD', exact: true })
    .selectOption({ label: 'Inspektorat' })
  await expect(page.getByTestId('absence-row')).toHaveCount(total)
  await page.getByLabel(`Keterangan untuk ${sick.name}`).selectOption({ label: 'Sakit' })
  await page.getByLabel(`Catatan untuk ${sick.name}`).fill('Demam, surat dokter menyusul')
  await page.getByRole('button', { name: `Simpan keterangan ${sick.name}` }).click()
  const sickRow = page.getByTestId('absence-row').filter({ hasText: sick.name })
  await expect(sickRow).toContainText('Rina Petugas')
  await expect(page.getByLabel(`Keterangan untuk ${sick.name}`)).toHaveValue('SAKIT')
  // The person's history, read from the log: the reason with who set it and what it replaced.
  await page.getByRole('button', { name: `Riwayat ${sick.name}` }).click()
  const history = page.getByTestId('person-history')
  await expect(history).toContainText(
    'Keterangan diubah dari Tidak Hadir menjadi Sakit (Demam, surat dokter menyusul) oleh Rina Petugas',
  )
  await page.getByRole('button', { name: `Riwayat ${sick.name}` }).click()
  await expect(history).toHaveCount(0)

  // No reason is preselected, and the officer confirms with the number of people it changes.
  const apply = page.getByRole('button', { name: 'Terapkan ke OPD ini…' })
  await expect(page.getByLabel('Keterangan untuk semua')).toHaveValue('')
  await expect(apply).toBeDisabled()
  await page.getByLabel('Keterangan untuk semua').selectOption({ label: 'Dinas Luar' })
  await page.getByLabel('Catatan untuk semua').fill('Rapat koordinasi')
  await apply.click()
  const bulk = total - 3
  const confirm = page.getByRole('group', { name: 'Konfirmasi keterangan untuk semua' })
  await expect(confirm).toContainText(`Tandai ${bulk} orang sebagai Dinas Luar?`)
  await confirm.getByRole('button', { name: 'Batal' }).click()
  expect(db.prepare("SELECT count(*) FROM absence WHERE reason = 'DINAS_LUAR'").pluck().get()).toBe(
    0,
  )
  await apply.click()
  await confirm.getByRole('button', { name: `Ya, tandai ${bulk} orang` }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Dinas Luar diisi untuk' })).toHaveText(
    `Dinas Luar diisi untuk ${bulk} pegawai; 1 sudah punya keterangan dan tidak diubah.`,
  )
  await expect(page.getByTestId('absence-summary')).toContainText(`Dinas Luar: ${bulk}`)

  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByLabel('Kehadiran terendah dahulu').check()
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  const folder = path.join(usb, `Kehadiran Apel Netralitas ${ceremony.date}`)
  // Waits for the set to be done, as long as the machine takes within the test's own time.
  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toHaveText(
    `Ekspor selesai: 44 berkas di ${folder}`,
    { timeout: 90_000 },
  )
  // 40 OPD, the recap, the CSV and its seal, and the manifest written last.
  await expect(page.getByLabel('Berkas hasil ekspor').getByRole('listitem')).toHaveCount(44)

  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(
    path.join(folder, `Kehadiran Apel Netralitas ${ceremony.date} - Inspektorat.xlsx`),
  )
  expect(workbook.worksheets[0]!.name).toBe('Cetak')
  const signature = workbook.getWorksheet('Cetak')!.getColumn(6).values.map(String)
  const from = signature.indexOf('Mengetahui,')
  expect(signature.slice(from, from + 7)).toEqual([
    'Mengetahui,',
    'Plt. Inspektur',
    '',
    '',
    '',
    'Drs. Bambang Wijaya',
    'NIP. 19740502 199311 1 001',
  ])
  const sheet = workbook.getWorksheet('Data Kehadiran')!
  const byNip = new Map<string, ExcelJS.Row>()
  sheet.eachRow((row, n) => n > 1 && byNip.set(String(row.getCell(2).value), row))
  expect(byNip.size).toBe(total)
  expect(byNip.get(onTime.nip)!.getCell(7).value).toBe('Hadir')
  expect(byNip.get(onTime.nip)!.getCell(8).type).toBe(ExcelJS.ValueType.Date)
  expect(byNip.get(onTime.nip)!.getCell(9).value).toBe('pemindai')
  expect(byNip.get(late.nip)!.getCell(7).value).toBe('Terlambat')
  expect(byNip.get(sick.nip)!.getCell(7).value).toBe('Sakit')
  expect(byNip.get(sick.nip)!.getCell(11).value).toBe('Demam, surat dokter menyusul')
  // Nobody read the ikrar at this apel: the column says so instead of guessing.
  expect(byNip.get(onTime.nip)!.getCell(10).value).toBe('Belum ada pembacaan ikrar')
  expect(byNip.get(sick.nip)!.getCell(10).value).toBe('')
  const statuses = [...byNip.values()].map((r) => r.getCell(7).value)
  expect(statuses.filter((s) => s === 'Dinas Luar')).toHaveLength(bulk)

  const recap = new ExcelJS.Workbook()
  await recap.xlsx.readFile(
    path.join(folder, `Rekap Kehadiran Apel Netralitas ${ceremony.date}.xlsx`),
  )
  const rows: ExcelJS.CellValue[][] = []
  recap
    .getWorksheet('Rekap')!
    .eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  const inspektorat = rows.find((r) => r[1] === 'Inspektorat')!
  // Jumlah, Hadir, Terlambat, Jumlah Hadir, Izin, Sakit, Dinas Luar, Cuti, TB, Tidak Hadir.
  expect(inspektorat.slice(2, 12)).toEqual([total, 1, 1, 2, 0, 1, bulk, 0, 0, 0])
  // Lowest attendance first: every other OPD has nobody present, so Inspektorat comes last.
  const totalRow = rows.findIndex((r) => r[1] === 'JUMLAH')
  expect(rows[totalRow - 1]![1]).toBe('Inspektorat')

  expect(
    db
      .prepare("SELECT count(*) FROM absence_history WHERE changed_by = 'Rina Petugas'")
      .pluck()
      .get(),
  ).toBe(bulk + 1)
})
