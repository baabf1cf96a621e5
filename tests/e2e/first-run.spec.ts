import { expect, test } from './fixtures'
import { OFFICER_PIN, setFirstPin } from './first-run'

test('first run asks for the PIN first, then the roster, then the ceremony', async ({
  kiosk: { page, db },
}) => {
  const steps = page.getByRole('list', { name: 'Langkah persiapan' })
  await expect(steps.getByRole('listitem')).toHaveText([
    /Langkah 1: Buat PIN petugas/,
    /Langkah 2: Data pegawai/,
    /Langkah 3: Atur acara/,
  ])
  // The real import waits for the PIN; a short PIN is refused with the rule.
  await expect(page.getByRole('button', { name: 'Impor data pegawai (Excel/CSV)' })).toBeDisabled()
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill('2468')
  await card.getByLabel('Ulangi PIN').fill('2468')
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  await expect(card.getByRole('alert')).toContainText('PIN baru berupa 6 sampai 8 angka')
  expect(db.prepare("SELECT count(*) FROM setting WHERE key = 'officer_pin'").pluck().get()).toBe(0)

  await setFirstPin(page, OFFICER_PIN)
  await expect(steps.getByRole('listitem').first()).toContainText('(selesai)')
  await expect(page.getByRole('button', { name: 'Impor data pegawai (Excel/CSV)' })).toBeEnabled()
  await page.getByRole('button', { name: 'Impor data pegawai (Excel/CSV)' }).click()
  await expect(page.getByRole('button', { name: 'Impor dari Excel/CSV…' })).toBeVisible()
})
