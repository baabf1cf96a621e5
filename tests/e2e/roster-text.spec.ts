import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { writeXlsx } from '../fixtures/roster-files'
import { addCeremony } from '../fixtures/ceremony'
import { expect, test } from './fixtures'
import { setFirstPin } from './first-run'

const LINK = '=HYPERLINK("http://x","klik")'
const BOLD = '<b>Budi</b>'
const CMD = "=cmd|' /C calc'!A0"
const PEOPLE = [
  ['197405021993111001', LINK],
  ['198001152005012002', BOLD],
  ['199009132025242014', '<script>alert(1)</script>'],
]

test('names and notes with formula starters and markup stay plain text from import to export', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  await setFirstPin(page)

  const file = path.join(dir, 'Pegawai Inspektorat.xlsx')
  await writeXlsx(file, [
    ['NIP', 'Nama', 'Unit Kerja'],
    ...PEOPLE.map(([nip, name]) => [nip!, name!, 'Inspektorat']),
  ])
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  await expect(page.getByTestId('preview-add')).toHaveText('Ditambah: 3')
  await page.getByRole('button', { name: 'Terapkan impor' }).click()
  await expect(page.getByRole('status')).toContainText('Impor selesai: 3 ditambah')
  addCeremony(db)
  expect(
    db
      .prepare('SELECT name FROM employee WHERE nip IN (?, ?, ?) ORDER BY nip')
      .pluck()
      .all(...PEOPLE.map(([nip]) => nip)),
  ).toEqual([...PEOPLE].sort().map(([, name]) => name))

  // React writes text nodes: the markup is shown, never made into elements.
  await page.getByLabel('Cari nama atau NIP').fill('Budi</b>')
  await expect(page.getByRole('cell', { name: BOLD, exact: true })).toBeVisible()
  await expect(page.locator('b', { hasText: /^Budi$/ })).toHaveCount(0)
  await page.getByLabel('Cari nama atau NIP').fill('<script>')
  await expect(
    page.getByRole('cell', { name: '<script>alert(1)</script>', exact: true }),
  ).toBeVisible()
  await expect(page.locator('body script')).toHaveCount(0)

  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  await page.getByLabel('Nama petugas').fill('Rina Petugas')
  await page.getByRole('button', { name: 'Simpan nama' }).click()
  await page
    .getByRole('combobox', { name: 'OPD', exact: true })
    .selectOption({ label: 'Inspektorat' })
  await page.getByLabel(`Keterangan untuk ${BOLD}`).selectOption({ label: 'Sakit' })
  await page.getByLabel(`Catatan untuk ${BOLD}`).fill(CMD)
  await page.getByRole('button', { name: `Simpan keterangan ${BOLD}` }).click()
  await expect(page.getByLabel(`Keterangan untuk ${BOLD}`)).toHaveValue('SAKIT')

  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toBeVisible()
  const date = db.prepare('SELECT date FROM ceremony').pluck().get() as string
  const folder = path.join(usb, `Kehadiran Apel Netralitas ${date}`)

  // CSV: a leading apostrophe, so no spreadsheet program runs the text as a formula.
  const csv = fs.readFileSync(
    path.join(folder, `Kehadiran Apel Netralitas ${date} - Semua OPD.csv`),
    'utf8',
  )
  expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`)
  expect(csv).toContain(`;<b>Budi</b>;`)
  expect(csv).toContain(`"'${CMD}"`)

  // Excel: string cells holding the literal text, never formulas.
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(
    path.join(folder, `Kehadiran Apel Netralitas ${date} - Inspektorat.xlsx`),
  )
  const cells = new Map<string, ExcelJS.Row>()
  workbook
    .getWorksheet('Data Kehadiran')!
    .eachRow((row) => cells.set(String(row.getCell(2).value), row))
  for (const [nip, name] of PEOPLE) {
    const nameCell = cells.get(nip!)!.getCell(3)
    expect(nameCell.type).toBe(ExcelJS.ValueType.String)
    expect(nameCell.value).toBe(name)
  }
  const note = cells.get(PEOPLE[1]![0]!)!.getCell(11)
  expect(note.type).toBe(ExcelJS.ValueType.String)
  expect(note.value).toBe(CMD)
})
