import type { Browser, Page } from '@playwright/test'
import path from 'node:path'
import { PAIRING_QR_PREFIX } from '../../src/shared/contract/hub'
import { writeQrVideo } from '../fixtures/qr-video'
import { fakeCameraLaunch } from './browser'
import { expect, openKiosk, test } from './fixtures'
import { GENERATED } from './global-setup'
import { BUDI, seedGate, SITI } from './people'
import { decodeQr } from './qr-decode'
import { scanWithKeyboardScanner } from './scanner'
import { chooseRole, hubModeOn } from './hub-steps'

// The hub's screen at twice the pixels, as a laptop's HiDPI panel: its screenshots give the
// decoder below modules of several pixels even for the dense pairing code.
test.use({ deviceScaleFactor: 2 })

/**
 * The text of a QR on the page, read from its pixels as a camera would. Tried again while the
 * screen settles (a card appearing beside it moves it mid-shot).
 */
async function decodeShown(page: Page, testId: string): Promise<string> {
  let text = ''
  await expect(async () => {
    text = await decodeQr(await page.getByTestId(testId).screenshot())
  }).toPass({ timeout: 20_000 })
  return text
}

test('a gate pairs by reading the hub screen\'s QR with its camera; a person scanned at both is "SUDAH TERCATAT di …"; the phone page follows live', async ({
  kiosk: hub,
  playwright,
  rendererUrl,
}, testInfo) => {
  const { page } = hub
  seedGate(hub.db, { people: [BUDI, SITI] })
  await page.reload()

  await hubModeOn(page)
  await expect(page.getByTestId('role-badge')).toContainText('menerima gerbang')
  await expect(page.getByTestId('pairing-code')).toHaveText(/\S{4,}/)
  await expect(page.getByTestId('pairing-expiry')).toHaveText(/^\d+\.\d\d lagi$/)

  // What the hub's screen shows, as a camera would see it: the picture decoded, then played
  // to the gate's fake camera.
  const shown = await decodeShown(page, 'pairing-qr')
  expect(shown.startsWith(PAIRING_QR_PREFIX)).toBe(true)
  const video = path.join(GENERATED, `hub-pasangan-${testInfo.workerIndex}.y4m`)
  // One frame a second: the code for 3 s, then two minutes of empty scene. Chromium plays the
  // file from its start whenever a camera opens: the pairing camera reads the code, and the
  // gate's check-in camera, opened later, sees it once and then an empty field.
  writeQrVideo(
    video,
    [
      { text: shown, frames: 3 },
      { text: null, frames: 120 },
    ],
    { fps: 1 },
  )
  const gateBrowser: Browser = await playwright.chromium.launch(fakeCameraLaunch(video))
  // The smallest laptop screen the gate must fit: the longer banner still fits it.
  const gateContext = await gateBrowser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  })
  const gateKiosk = await openKiosk(await gateContext.newPage(), rendererUrl)
  try {
    const gate = gateKiosk.kiosk.page
    await chooseRole(gate, /Kiosk gerbang/, 'Buka layar kiosk gerbang')
    await gate.getByRole('button', { name: 'Pindai QR kiosk induk' }).click()
    await expect(gate.getByRole('status').first()).toContainText(
      'Tersambung ke kiosk induk sebagai Gerbang 1',
      { timeout: 20_000 },
    )
    await expect(gate.getByTestId('gate-online')).toHaveAttribute('data-online', 'true')
    await expect(gate.getByTestId('gate-backlog')).toHaveText('0')
    await expect(gate.getByTestId('role-badge')).toContainText('Gerbang 1')
    await expect(gate.getByTestId('role-badge')).toContainText('tersambung')

    // The hub lists it, online; the code it used is spent.
    const row = page.getByTestId('hub-gate').filter({ hasText: 'Gerbang 1' })
    await expect(row).toHaveAttribute('data-online', 'true')
    await expect(page.getByTestId('pairing-none')).toBeVisible()

    // The phone page, opened from the hub screen's second QR.
    const phoneUrl = await decodeShown(page, 'phone-qr')
    expect(phoneUrl).toBe(await page.getByTestId('phone-url').textContent())
    const phone = await (await playwright.chromium.launch(fakeCameraLaunch(video))).newPage()
    await phone.goto(phoneUrl)
    await expect(phone.locator('#hadir')).toHaveText('0')
    await expect(phone.locator('#acara')).toHaveText('Apel Netralitas ASN Uji')

    // Budi at the hub's own gate first, then at Gerbang 1: the gate says where he counts.
    await page.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    await scanWithKeyboardScanner(page, BUDI.nip)
    await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'recorded')
    await expect(phone.locator('#hadir')).toHaveText('1')

    // The hub's pairing QR still in front of the gate's check-in camera is no arrival.
    await gate.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    const banner = gate.getByTestId('outcome')
    await expect(banner).toHaveAttribute('data-kind', 'invalid', { timeout: 15_000 })
    await expect(banner).toHaveAttribute('data-kind', 'ready', { timeout: 15_000 })
    await scanWithKeyboardScanner(gate, BUDI.nip)
    await expect(banner).toHaveAttribute('data-kind', 'duplicate', { timeout: 15_000 })
    await expect(banner.locator('.outcome-title')).toHaveText(
      /^SUDAH TERCATAT di Kiosk induk pukul \d\d\.\d\d WIB$/,
    )
    await expect(banner).toContainText(BUDI.name)
    // The title with its gate fits the banner's fixed height (the tests have no DOM types).
    const fits = (el: { scrollHeight: number; clientHeight: number }) =>
      el.scrollHeight <= el.clientHeight
    expect(await banner.evaluate(fits)).toBe(true)
    expect(
      await gate.evaluate('document.scrollingElement.scrollHeight <= window.innerHeight'),
    ).toBe(true)

    // Siti at Gerbang 1 only: the hub's combined count and the phone follow, no reload.
    await expect(banner).toHaveAttribute('data-kind', 'ready', { timeout: 10_000 })
    await scanWithKeyboardScanner(gate, SITI.nip)
    await expect(banner).toHaveAttribute('data-kind', 'recorded')
    await expect(phone.locator('#hadir')).toHaveText('2', { timeout: 15_000 })
    await expect(phone.locator('#gerbang')).toContainText('Gerbang 1')
    await page.getByTestId('role-badge').click()
    await expect(page.getByTestId('hub-total')).toHaveText('2 / 2')
    await expect(row.getByTestId('hub-gate-present')).toHaveText('1')
    await expect(page.getByTestId('hub-duplicates')).toContainText('Gerbang 1')
    await phone.context().browser()?.close()

    // Cabut asks first; then the gate is listed as revoked and its arrivals stay counted.
    await row.getByRole('button', { name: 'Cabut…' }).click()
    await row.getByRole('button', { name: 'Ya, cabut' }).click()
    await expect(row).toHaveAttribute('data-revoked', 'true')
    await expect(row).toContainText('Dicabut')
    await expect(page.getByTestId('hub-total')).toHaveText('2 / 2')
    expect(gateKiosk.kiosk.errors, 'kesalahan di konsol gerbang').toEqual([])
  } finally {
    await gateKiosk.close()
    await gateBrowser.close()
  }
})
