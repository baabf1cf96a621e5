import type { Page } from '@playwright/test'
import { BUDI, NOT_A_NIP, seedGate, SITI, STRANGER } from './people'
import { expect, test } from './fixtures'
import { fakeCameraLaunch } from './browser'
import { QUEUE_VIDEO } from './global-setup'

// The camera is Chromium's fake device playing a generated video of QR codes, in a loop.
test.use({ launchOptions: fakeCameraLaunch(QUEUE_VIDEO) })

test('camera arrivals are decoded, recorded on disk and shown; repeats, strangers and junk are handled', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  // The gate is open. Not "ready": the camera plays codes from its first frame, and in a CI run
  // every code had been read before a check saw the empty banner (twice).
  await expect(page.getByTestId('outcome')).toBeVisible()

  // Each code in the video becomes one record; the screen lists them and counts them.
  await expect(page.getByTestId('arrival').filter({ hasText: BUDI.name })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByTestId('arrival').filter({ hasText: SITI.name })).toBeVisible({
    timeout: 20_000,
  })
  await expect(page.getByTestId('unregistered-total')).toHaveText('1', { timeout: 20_000 })
  await expect(page.getByTestId('present-total')).toHaveText('2 / 3')
  const rows = db
    .prepare('SELECT nip, source, employee_id IS NULL AS unknown FROM checkin ORDER BY nip')
    .all()
  expect(rows).toEqual([
    { nip: STRANGER, source: 'kamera', unknown: 1 },
    { nip: BUDI.nip, source: 'kamera', unknown: 0 },
    { nip: SITI.nip, source: 'kamera', unknown: 0 },
  ])

  // The junk code is refused with its reason on screen, and never written.
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'invalid', {
    timeout: 20_000,
  })
  await expect(page.getByTestId('outcome')).toContainText('KODE TIDAK VALID')
  expect(
    db.prepare('SELECT count(*) FROM checkin WHERE nip LIKE ?').pluck().get(`%${NOT_A_NIP}%`),
  ).toBe(0)

  // When the video loops, Budi shows his card again: already recorded, nothing new written.
  const duplicate = page.getByTestId('outcome').filter({ hasText: 'SUDAH TERCATAT' })
  await expect(duplicate).toContainText(BUDI.name, { timeout: 20_000 })
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(3)
  // The banner after a camera scan is whole in the viewport, and the page does not scroll.
  expect(await bannerAndTarget(page)).toMatchObject({ bannerInView: true, pageScrolls: false })
})

test('the target frame is drawn over the camera picture, never on the black bands', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await expect(page.getByTestId('camera-target')).toBeVisible()
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport)
    await expect
      .poll(async () => (await bannerAndTarget(page)).targetOnPicture, {
        message: `${viewport.width}`,
      })
      .toBe(true)
  }
})

/** Where the banner, the picture (object-fit: contain) and the target frame are drawn. */
function bannerAndTarget(page: Page) {
  return page.evaluate(() => {
    const w = globalThis as unknown as {
      innerWidth: number
      innerHeight: number
      document: {
        querySelector(s: string): {
          getBoundingClientRect(): { left: number; top: number; right: number; bottom: number }
          videoWidth: number
          videoHeight: number
        } | null
        scrollingElement: { scrollHeight: number }
      }
    }
    const rect = (s: string) => w.document.querySelector(s)?.getBoundingClientRect() ?? null
    const banner = rect('[data-testid="outcome"]')!
    const video = w.document.querySelector('.camera-preview video')
    const target = rect('[data-testid="camera-target"]')
    let targetOnPicture = false
    if (video && target && video.videoWidth > 0) {
      const box = video.getBoundingClientRect()
      const bw = box.right - box.left
      const bh = box.bottom - box.top
      const scale = Math.min(bw / video.videoWidth, bh / video.videoHeight)
      const pw = video.videoWidth * scale
      const ph = video.videoHeight * scale
      const left = box.left + (bw - pw) / 2
      const top = box.top + (bh - ph) / 2
      targetOnPicture =
        target.left >= left - 0.5 &&
        target.top >= top - 0.5 &&
        target.right <= left + pw + 0.5 &&
        target.bottom <= top + ph + 0.5
    }
    return {
      bannerInView:
        banner.top >= 0 &&
        banner.left >= 0 &&
        banner.bottom <= w.innerHeight &&
        banner.right <= w.innerWidth,
      pageScrolls: w.document.scrollingElement.scrollHeight > w.innerHeight,
      targetOnPicture,
    }
  })
}

test('when the zxing wasm cannot load, html5-qrcode still decodes and the officer sees a notice', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.route('**/*.wasm', (route) => route.abort())
  await page.reload()
  await page.getByRole('button', { name: 'Kehadiran' }).click()

  await expect(page.getByTestId('decoder-fallback')).toContainText('Pembaca QR cadangan dipakai')
  await expect(page.getByTestId('arrival').filter({ hasText: BUDI.name })).toBeVisible({
    timeout: 20_000,
  })
  // The failed wasm load is logged by the browser and by zxing-wasm; nothing else went wrong.
  expect(kiosk.errors.filter((e) => !/wasm|ERR_FAILED|ArrayBuffer instantiation/i.test(e))).toEqual(
    [],
  )
  kiosk.errors.length = 0
})
