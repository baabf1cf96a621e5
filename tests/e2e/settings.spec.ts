import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

test('backups are listed, made on demand, and a restore is staged for the next start', async ({
  kiosk: { page, db, dir },
}) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Pengaturan' }).click()
  // The demo ceremony became active: its backup is there already.
  await expect(page.getByTestId('backup')).toHaveCount(1)
  await expect(page.getByTestId('backup')).toContainText('awal acara')

  await page.getByRole('button', { name: 'Buat cadangan sekarang' }).click()
  await expect(page.getByTestId('backup')).toHaveCount(2)
  await expect(page.getByTestId('backup').first()).toContainText('dibuat petugas')

  db.prepare('DELETE FROM ceremony_opd').run()
  await page.getByTestId('backup').last().getByRole('button', { name: 'Pulihkan' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Cadangan disiapkan; mulai ulang kiosk untuk memakainya.',
  )
  expect(fs.existsSync(path.join(dir, 'kiosk.sqlite.pulih'))).toBe(true)
  await expect(page.getByTestId('backup').first()).toContainText('sebelum pemulihan')
})
