import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { BUDI, seedGate, SITI } from './people'
import { scanWithKeyboardScanner } from './scanner'

async function startReading(page: Page) {
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Contoh')
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByTestId('ikrar-progress')).toHaveText('Pembukaan')
}

test('mirrored to the projector: a latecomer is recorded, but no name appears on the kiosk screen', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  await page.getByRole('button', { name: 'Pengaturan' }).click()
  const setting = page.getByLabel('Layar dicerminkan ke proyektor')
  await setting.check()
  await expect(setting).toBeChecked()
  expect(db.prepare("SELECT value FROM setting WHERE key = 'screen_mirrored'").pluck().get()).toBe(
    '1',
  )

  await startReading(page)
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect
    .poll(() => db.prepare('SELECT count(*) FROM checkin WHERE nip = ?').pluck().get(BUDI.nip))
    .toBe(1)
  await expect(page.locator('.outcome-toast')).toBeHidden()
  // The gate screen stays live under the reading; whatever names it holds, the reading covers.
  const uncovered = await page.getByText(BUDI.name).evaluateAll(
    (els) =>
      els.filter((el) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        const top = el.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
        return !top?.closest('.ikrar-overlay')
      }).length,
  )
  expect(uncovered).toBe(0)
})

test.describe('with a projector as a second screen', () => {
  test.use({ presenterShown: true })

  test("the latecomer's name shows in the officer's view only, never on the projector", async ({
    kiosk,
  }) => {
    const { page, db } = kiosk
    seedGate(db)
    await page.reload()
    const projector = await kiosk.openWindow('#presenter')
    await startReading(page)
    await expect(page.getByTestId('ikrar-officer')).toBeVisible()
    await scanWithKeyboardScanner(page, SITI.nip)
    await expect(page.locator('.outcome-toast')).toContainText(SITI.name)
    await expect(projector.getByTestId('ikrar-reading')).toBeVisible()
    await expect(projector.locator('body')).not.toContainText(SITI.name)
    await expect(projector.locator('.outcome-toast')).toHaveCount(0)
  })
})
