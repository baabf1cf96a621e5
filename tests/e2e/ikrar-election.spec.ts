import { expect, test } from './fixtures'
import { setFirstPin } from './first-run'
import { seedGate } from './people'

test('a 2024 apel reads its own election: proposed from the date, refused while empty', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Acara', exact: true }).click()
  await page.getByRole('button', { name: 'Buat acara baru' }).click()
  const form = page.getByRole('form', { name: 'Data acara' })
  const election = form.getByLabel('Pemilihan (dibacakan di ikrar')
  await form.getByLabel('Nama acara').fill('Apel Netralitas ASN 2024')
  await form.getByLabel('Tanggal').fill('2024-01-15')
  await expect(election).toHaveValue('Pemilu dan Pemilihan Tahun 2024')
  await form.getByLabel('Tanggal').fill('2024-09-30')
  await expect(election).toHaveValue('Pilkada Serentak Tahun 2024')
  // Emptied by the officer: saved so, and the reading then refuses, naming the placeholder.
  await election.fill('')
  await form.getByRole('button', { name: 'Simpan acara' }).click()
  await expect(page.getByRole('status')).toContainText('disimpan')
  const id = db.prepare("SELECT id FROM ceremony WHERE name = 'Apel Netralitas ASN 2024'").pluck()
  await page
    .getByTestId('ceremony')
    .filter({ hasText: 'Apel Netralitas ASN 2024' })
    .getByRole('button', { name: 'Jadikan aktif' })
    .click()
  expect(
    db.prepare("SELECT value FROM setting WHERE key = 'active_ceremony_id'").pluck().get(),
  ).toBe(String(id.get()))

  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Contoh')
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Pembacaan belum bisa dimulai: teks ikrar memakai {pemilihan}',
  )
  expect(db.prepare('SELECT count(*) FROM ikrar_reading').pluck().get()).toBe(0)

  await page.getByRole('button', { name: 'Acara', exact: true }).click()
  await page
    .getByTestId('ceremony')
    .filter({ hasText: 'Apel Netralitas ASN 2024' })
    .getByRole('button', { name: 'Ubah' })
    .click()
  await form.getByLabel('Pemilihan (dibacakan di ikrar').fill('Pilkada Serentak Tahun 2024')
  await form.getByRole('button', { name: 'Simpan acara' }).click()
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Contoh')
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByTestId('ikrar-progress')).toHaveText('Pembukaan')
  await page.keyboard.press('PageDown')
  await expect(page.getByTestId('ikrar-progress')).toHaveText('Butir 1 dari 5')
  await expect(page.getByTestId('ikrar-current')).toContainText(
    'sesudah pelaksanaan Pilkada Serentak Tahun 2024.',
  )
})
