import { expect, test } from './fixtures'
import { BUDI, seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'

const MENU = ['Beranda', 'Kehadiran', 'Data Pegawai', 'Acara', 'Ikrar', 'Ekspor', 'Pengaturan']

test('the role is chosen in Pengaturan, stored, and its badge is on every screen', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  const badge = page.getByTestId('role-badge')
  await expect(badge).toHaveAttribute('data-role', 'mandiri')
  await expect(badge).toHaveText('Mandiri')

  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click()
  const roles = page.getByRole('group', { name: 'Peran kiosk' })
  // Each role says in one line what it means.
  await expect(roles.getByTestId('role-induk')).toContainText(
    'Menerima pindaian dari kiosk gerbang',
  )
  await expect(roles.getByTestId('role-gerbang')).toContainText('mengirim ke kiosk induk')
  await expect(roles.getByRole('radio', { name: /Mandiri/ })).toBeChecked()

  await roles.getByRole('radio', { name: /Kiosk induk/ }).click()
  await expect(page.getByRole('status')).toHaveText('Peran kiosk: Kiosk induk.')
  await expect(badge).toHaveAttribute('data-role', 'induk')
  await expect(badge).toContainText('Kiosk induk')
  await expect(badge).toContainText('belum menyala')
  expect(db.prepare("SELECT value FROM setting WHERE key = 'kiosk.role'").pluck().get()).toBe(
    'induk',
  )

  await roles.getByRole('radio', { name: /Kiosk gerbang/ }).click()
  await expect(badge).toHaveAttribute('data-role', 'gerbang')
  await expect(badge).toContainText('belum tersambung')
  for (const name of MENU) {
    await page.getByRole('button', { name, exact: true }).click()
    await expect(badge, `lencana peran di layar ${name}`).toContainText('Kiosk gerbang')
  }

  // Restarted, the kiosk keeps its role; the badge opens the gate's own screen.
  await page.reload()
  await expect(badge).toContainText('Kiosk gerbang')
  await badge.click()
  await expect(page.getByRole('heading', { name: 'Sambungkan ke kiosk induk' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Pindai QR kiosk induk' })).toBeVisible()
})

test('a gate badge keeps the gate screen to one header row at 1280x720', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  db.prepare("INSERT INTO setting (key, value) VALUES ('kiosk.role', 'gerbang')").run()
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.reload()
  await expect(page.getByTestId('role-badge')).toContainText('Kiosk gerbang')
  await expect(page.getByTestId('outcome')).toBeVisible()
  expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(56)
  // A string: the tests compile without the DOM library.
  const scroll = await page.evaluate<{ width: number; height: number }>(
    '({ width: document.scrollingElement.scrollWidth, height: document.scrollingElement.scrollHeight })',
  )
  expect(scroll).toEqual({ width: 1280, height: 720 })
})

test("a hub's projector shows the combined count between readings, and follows arrivals", async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  db.prepare("INSERT INTO setting (key, value) VALUES ('kiosk.role', 'induk')").run()
  await page.reload()
  const projector = await kiosk.openWindow('#presenter')
  await expect(projector.getByTestId('projector-count')).toHaveText(
    'Hadir 0 dari 3 ASN, semua gerbang',
  )
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ready')
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'recorded')
  await expect(projector.getByTestId('projector-count')).toHaveText(
    'Hadir 1 dari 3 ASN, semua gerbang',
  )
})
