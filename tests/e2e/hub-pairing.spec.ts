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

/** Pengaturan, Peran kiosk: the role picked by the officer, then its network screen. */
async function chooseRole(page: Page, role: RegExp, open: string): Promise<void> {
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click()
  await page.getByRole('group', { name: 'Peran kiosk' }).getByRole('radio', { name: role }).click()
  await page.getByRole('button', { name: open }).click()
}

test('a gate pairs by reading the hub screen\'s QR with its camera; a person scanned at both is "SUDAH TERCATAT di …"; the phone page follows live', async ({
  kiosk: hub,
  playwright,
  rendererUrl,
}, testInfo) => {
  const { page } = hub
  seedGate(hub.db, { people: [BUDI, SITI] })
  await page.reload()

  // The hub: hub mode on the loopback (the only network a test machine is sure to have).
  await chooseRole(page, /Kiosk induk/, 'Buka layar kiosk induk')
  await page.getByRole('button', { name: 'Nyalakan mode induk…' }).click()
  await page.getByLabel('Jaringan yang dipakai gerbang').selectOption('127.0.0.1')
  await page.getByRole('button', { name: 'Mulai menerima gerbang' }).click()
  await expect(page.getByTestId('hub-listening')).toHaveText('Menyala')
  await expect(page.getByTestId('role-badge')).toContainText('menerima gerbang')

  await page.getByRole('button', { name: 'Buat kode pasangan' }).click()
  const qr = page.getByTestId('pairing-qr')
  await expect(qr).toBeVisible()
  await expect(page.getByTestId('pairing-code')).toHaveText(/\S{4,}/)
  await expect(page.getByTestId('pairing-expiry')).toHaveText(/^\d+\.\d\d lagi$/)

  // What the hub's screen shows, as a camera would see it: the picture decoded, then played
  // to the gate's fake camera.
  const shown = await decodeQr(page.context(), await qr.screenshot())
  expect(shown.startsWith(PAIRING_QR_PREFIX)).toBe(true)
  const video = path.join(GENERATED, `hub-pasangan-${testInfo.workerIndex}.y4m`)
  writeQrVideo(video, [
    { text: shown, frames: 20 },
    { text: null, frames: 5 },
  ])

  let gateBrowser: Browser | null = null
  const gateKiosk = await (async () => {
    gateBrowser = await playwright.chromium.launch(fakeCameraLaunch(video))
    const context = await gateBrowser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    })
    return openKiosk(await context.newPage(), rendererUrl)
  })()
  try {
    const gate = gateKiosk.kiosk.page
    await chooseRole(gate, /Kiosk gerbang/, 'Buka layar kiosk gerbang')
    await gate.getByRole('button', { name: 'Pindai QR kiosk induk' }).click()
    await expect(gate.getByRole('status').first()).toContainText(
      'Tersambung ke kiosk induk sebagai Gerbang 1',
      { timeout: 20_000 },
    )
    await expect(gate.getByTestId('gate-online')).toHaveAttribute('data-online', 'true')
    await expect(gate.getByTestId('role-badge')).toContainText('Gerbang 1')
    await expect(gate.getByTestId('role-badge')).toContainText('tersambung')

    // The hub lists it, online, and the pairing code is spent.
    const row = page.getByTestId('hub-gate').filter({ hasText: 'Gerbang 1' })
    await expect(row).toHaveAttribute('data-online', 'true')

    // Budi at the hub's own gate first, then at Gerbang 1: the gate says where he counts.
    await page.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    await scanWithKeyboardScanner(page, BUDI.nip)
    await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'recorded')

    await gate.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    await scanWithKeyboardScanner(gate, BUDI.nip)
    const banner = gate.getByTestId('outcome')
    await expect(banner).toHaveAttribute('data-kind', 'duplicate', { timeout: 15_000 })
    await expect(banner).toContainText(/SUDAH TERCATAT di Kiosk induk pukul \d\d\.\d\d/)
  } finally {
    gateKiosk.close()
    await (gateBrowser as Browser | null)?.close()
  }
})
