import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'
import { expect, test } from './fixtures'
import { BUDI, seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'

test('the gate says so when the laptop is far from the ceremony date, and scanning goes on', async ({
  kiosk: { page, db },
}) => {
  seedGate(db, { people: [BUDI] })
  // A ceremony set up for 2024 on a laptop whose clock says today: one of the two is wrong.
  setActiveCeremony(db, addCeremony(db, {}, PILKADA_2024).id)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  const warning = page.getByTestId('clock-warning')
  await expect(warning).toContainText('padahal acara dijadwalkan Senin, 30 September 2024')
  await expect(warning).toContainText('betulkan lebih dulu')
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  await expect(warning).toBeVisible()
})

test('the gate shows no clock warning on the ceremony day', async ({ kiosk: { page, db } }) => {
  seedGate(db, { people: [BUDI] })
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  await expect(page.getByTestId('clock-warning')).toHaveCount(0)
})
