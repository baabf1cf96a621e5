import path from 'node:path'
import { writeXlsx } from '../fixtures/roster-files'
import { expect, test } from './fixtures'
import { setFirstPin } from './first-run'

test('the demo says MODE DEMO everywhere and is removed, after asking, by the first real import', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  const banner = page.getByTestId('demo-banner')
  await expect(banner).toContainText('MODE DEMO')
  await expect(banner).toContainText('2.400 pegawai contoh di 40 OPD')
  for (const screen of ['Kehadiran', 'Data Pegawai', 'Acara', 'Ikrar', 'Ekspor']) {
    await page.getByRole('button', { name: screen, exact: true }).click()
    await expect(banner, screen).toBeVisible()
  }

  await setFirstPin(page)
  // The demo is not the real roster: step 2 is still to do.
  await expect(page.getByRole('listitem', { name: 'Langkah 2: Data pegawai' })).toContainText(
    'Data contoh dihapus saat data sungguhan diimpor.',
  )
  const file = path.join(dir, 'Pegawai Sungguhan.xlsx')
  await writeXlsx(file, [
    ['NIP', 'Nama', 'Unit Kerja'],
    ['197405021993111001', 'Budi Santoso', 'Dinas Sosial'],
    ['198001152005012002', 'Siti Rahayu', 'Dinas Sosial'],
  ])
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  await expect(page.getByTestId('preview-add')).toHaveText('Ditambah: 2')
  await page.getByRole('button', { name: 'Terapkan impor' }).click()
  const confirm = page.getByRole('group', { name: 'Hapus data contoh' })
  await expect(confirm).toContainText('Data contoh akan dihapus')
  await expect(confirm).toContainText('2.400 pegawai contoh di 40 OPD')
  // Nothing happens until the officer agrees.
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(2400)
  await confirm.getByRole('button', { name: 'Hapus data contoh dan impor' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Data contoh dihapus. Impor selesai: 2 ditambah, 0 diubah, 0 dinonaktifkan.',
  )
  await expect(banner).toBeHidden()
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(2)
  expect(db.prepare('SELECT count(*) FROM ceremony').pluck().get()).toBe(0)
  expect(db.prepare('SELECT count(*) FROM opd').pluck().get()).toBe(1)

  // Beranda counts only the real people, and the next step is the real ceremony.
  await page.getByRole('button', { name: 'Beranda' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2')
  await expect(page.getByRole('button', { name: 'Buat acara' })).toBeVisible()
})
