import { fakeCameraLaunch } from './browser'
import { expect, test } from './fixtures'
import { QUEUE_VIDEO } from './global-setup'
import { seedGate } from './people'

// Chromium's fake camera plays the gate's queue video: QR codes of two staff, a stranger, junk.
test.use({ launchOptions: fakeCameraLaunch(QUEUE_VIDEO) })

test('the camera item goes green once a code held up is read, shows what it read, and records nothing', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.getByRole('button', { name: 'Beranda' }).click()
  await page.getByRole('button', { name: 'Uji perangkat' }).click()
  const camera = page.getByTestId('preflight-camera')
  await expect(camera).toHaveAttribute('data-status', 'ok', { timeout: 20_000 })
  await expect(page.getByTestId('preflight-camera-detail')).toHaveText(
    /^Kamera membaca (NIP \d{8} \d{6} \d \d{3}|".+" \(bukan NIP: .+\)) \(Kamera 1, 640 × 480\)\.$/,
  )
  // The gate would have recorded these codes; the check only shows them.
  await page.waitForTimeout(3000)
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)

  // Ulangi restarts the camera: checking again, then green again.
  await camera.getByRole('button', { name: 'Ulangi' }).click()
  await expect(camera).toHaveAttribute('data-status', 'ok', { timeout: 20_000 })
})
