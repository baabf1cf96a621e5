import { expect, type Page } from '@playwright/test'

/** The PIN every e2e officer chooses; 6 digits, as new PINs must have. */
export const OFFICER_PIN = '246810'

/** Step 1 on Beranda, as the officer does it on a fresh kiosk. */
export async function setFirstPin(page: Page, pin = OFFICER_PIN): Promise<void> {
  await page.getByRole('button', { name: 'Beranda' }).click()
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill(pin)
  await card.getByLabel('Ulangi PIN').fill(pin)
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  await expect(page.getByTestId('lock-state')).toContainText('Petugas')
}
