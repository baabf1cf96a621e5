import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Pengaturan, Peran kiosk: the role picked by the officer, then its network screen. */
export async function chooseRole(page: Page, role: RegExp, open: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click()
  await page.getByRole('group', { name: 'Peran kiosk' }).getByRole('radio', { name: role }).click()
  await page.getByRole('button', { name: open }).click()
}

/**
 * The officer makes this kiosk the hub and turns hub mode on, on the loopback (the one network
 * a test machine is sure to have), then opens a pairing code.
 */
export async function hubModeOn(page: Page): Promise<void> {
  await chooseRole(page, /Kiosk induk/, 'Buka layar kiosk induk')
  await page.getByRole('button', { name: 'Nyalakan mode induk…' }).click()
  await page.getByLabel('Jaringan yang dipakai gerbang').selectOption('127.0.0.1')
  await page.getByRole('button', { name: 'Mulai menerima gerbang' }).click()
  await expect(page.getByTestId('hub-listening')).toHaveText('Menyala')
  await page.getByRole('button', { name: 'Buat kode pasangan' }).click()
  await expect(page.getByTestId('pairing-qr')).toBeVisible()
}
