import { BUDI, seedGate } from './people'
import { expect, test } from './fixtures'
import { scanWithKeyboardScanner } from './scanner'

test('officer actions ask for the PIN once locked; scanning never does', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  // With a roster and an active ceremony the kiosk opens on the gate; the PIN is set at home.
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ready')
  await page.getByRole('button', { name: 'Beranda' }).click()
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill('246810')
  await card.getByLabel('Ulangi PIN').fill('246810')
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  await expect(page.getByTestId('lock-state')).toContainText('Petugas')
  const stored = db
    .prepare("SELECT value FROM setting WHERE key = 'officer_pin'")
    .pluck()
    .get() as string
  expect(stored).not.toContain('246810')

  await page.getByRole('button', { name: 'Kunci' }).click()
  await expect(page.getByTestId('lock-state')).toHaveText('Terkunci')

  // Scanning needs no PIN.
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)

  // Undo does: the PIN dialog appears; a wrong PIN is refused, the right one lets the undo through.
  await page.getByRole('button', { name: `Batalkan ${BUDI.name}` }).click()
  await page.getByLabel('Alasan pembatalan').fill('uji pembatalan')
  await page.getByRole('button', { name: 'Batalkan catatan' }).click()
  const dialog = page.getByRole('form', { name: 'PIN petugas' })
  await dialog.getByLabel('PIN').fill('1111')
  await dialog.getByRole('button', { name: 'Buka kunci' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('PIN salah.')
  expect(db.prepare('SELECT cancelled_at FROM checkin').pluck().get()).toBeNull()
  await dialog.getByLabel('PIN').fill('246810')
  await dialog.getByRole('button', { name: 'Buka kunci' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('present-total')).toHaveText('0 / 3')
  expect(db.prepare('SELECT cancel_reason FROM checkin').pluck().get()).toBe('uji pembatalan')
})

test('the lock state follows main in every window: a PIN set and a lock in one show in the other', async ({
  kiosk,
}) => {
  const { page } = kiosk
  const other = await kiosk.openWindow('')
  // No PIN yet: neither window shows a lock state.
  await expect(other.getByTestId('lock-state')).toHaveCount(0)
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill('246810')
  await card.getByLabel('Ulangi PIN').fill('246810')
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  // The other window did nothing: main's auth.changed told it.
  await expect(other.getByTestId('lock-state')).toContainText('Petugas')

  await page.getByRole('button', { name: 'Kunci' }).click()
  await expect(page.getByTestId('lock-state')).toHaveText('Terkunci')
  await expect(other.getByTestId('lock-state')).toHaveText('Terkunci')
  expect(kiosk.calls('auth.lock', other)).toBe(0)
})
