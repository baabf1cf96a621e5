import { FRAME_SIZES } from '../fixtures/crowd'
import { fakeCameraLaunch } from './browser'
import { expect, test } from './fixtures'
import { hardVideo } from './global-setup'

// A 1280x720 camera: the queue of hard codes plays on it.
test.use({ launchOptions: fakeCameraLaunch(hardVideo(FRAME_SIZES[1])) })

test('the camera settings show the camera, its real resolution, the decoder, the live rate and the last code read', async ({
  kiosk,
}) => {
  const { page } = kiosk
  await page.getByRole('button', { name: 'Kamera', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Pengaturan kamera' })).toBeVisible()

  // Chromium names the fake camera after its file: the officer reads "Kamera 1", the file and
  // the library only under the technical details.
  await expect(page.getByTestId('camera-name')).toHaveText('Kamera 1')
  await expect(page.getByTestId('camera-sharpness')).toHaveText('tajam (1280 × 720)')
  await expect(page.getByTestId('camera-reader')).toContainText('Pembaca utama')
  await expect(page.locator('.camera-settings')).not.toContainText(/zxing|y4m|fake_device/, {
    useInnerText: true,
  })
  await page.getByText('Rincian teknis').click()
  await expect(page.getByTestId('camera-device')).toContainText('sulit-1280x720.y4m')
  await expect(page.getByTestId('camera-resolution')).toHaveText('1280 × 720')
  await expect(page.getByTestId('camera-decoder')).toHaveText('zxing-wasm')
  await expect(page.getByTestId('camera-last-code')).toHaveText(/^\d{18}$/)
  // The fake camera plays 10 frames a second; each new frame is decoded once.
  const rate = page.getByTestId('camera-rate')
  await expect
    .poll(async () => parseInt((await rate.textContent()) ?? ''))
    .toBeGreaterThanOrEqual(7)

  // A weak laptop asks for fewer pixels; the camera restarts with them and the choice is kept.
  await page.getByLabel('Resolusi kamera').selectOption('640x480')
  await expect(page.getByTestId('camera-resolution')).toHaveText(/^(640|853|854) × 480$/)
  await page.reload()
  await page.getByRole('button', { name: 'Kamera', exact: true }).click()
  await expect(page.getByLabel('Resolusi kamera')).toHaveValue('640x480')
})
