import { expect, test } from './fixtures'

test('the officer switches kiosk mode in Pengaturan, and the choice is kept in the database', async ({
  kiosk: { page, db },
}) => {
  await page.getByRole('button', { name: 'Pengaturan' }).click()
  const card = page.getByRole('group', { name: 'Penguncian laptop' })
  const kioskMode = card.getByRole('checkbox', { name: /Mode kiosk/ })
  // In the browser harness the app runs "from source": kiosk mode is off until switched on.
  await expect(kioskMode).not.toBeChecked()
  // Start at login exists only in the installed app on Windows and macOS.
  await expect(card.getByRole('checkbox', { name: /saat pengguna Windows ini masuk/ })).toHaveCount(
    0,
  )

  await kioskMode.click()
  await expect(card.getByRole('status')).toHaveText('Mode kiosk dinyalakan.')
  await expect(kioskMode).toBeChecked()
  expect(db.prepare("SELECT value FROM setting WHERE key = 'kiosk_mode'").pluck().get()).toBe('1')

  await kioskMode.click()
  await expect(card.getByRole('status')).toHaveText('Mode kiosk dimatikan.')
  await expect(kioskMode).not.toBeChecked()
  expect(db.prepare("SELECT value FROM setting WHERE key = 'kiosk_mode'").pluck().get()).toBe('0')

  // Closing belongs to the desktop app; the browser says so instead of pretending.
  await card.getByRole('button', { name: 'Tutup kiosk' }).click()
  await expect(card.getByRole('alert')).toHaveText('Hanya berlaku di aplikasi desktop.')
})
