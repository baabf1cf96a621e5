import { expect, test } from './fixtures'
import { OFFICER_PIN, setFirstPin } from './first-run'
import { BUDI, seedGate, SITI } from './people'

test('locked, Data Pegawai shows no name or NIP until the PIN is given', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Kunci' }).click()
  await expect(page.getByTestId('lock-state')).toHaveText('Terkunci')

  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  const dialog = page.getByRole('form', { name: 'PIN petugas' })
  await expect(dialog.getByLabel('PIN')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('roster-locked')).toContainText('Data pegawai terkunci')
  const screen = page.locator('main')
  for (const p of [BUDI, SITI]) {
    await expect(screen).not.toContainText(p.name)
    await expect(screen).not.toContainText(p.nip.slice(0, 8))
  }
  await expect(page.getByTestId('roster-total')).toHaveText('0 pegawai')

  // The officer unlocks from the screen itself and the list appears.
  await page.getByTestId('roster-locked').getByRole('button', { name: 'Buka kunci' }).click()
  await dialog.getByLabel('PIN').fill(OFFICER_PIN)
  await dialog.getByRole('button', { name: 'Buka kunci' }).click()
  await expect(page.getByTestId('roster-total')).toHaveText('3 pegawai')
  await expect(page.getByRole('cell', { name: '19740502 199311 1 001' })).toBeVisible()
})

test('when the unlock runs out, the list leaves the screen by itself', async ({ kiosk }) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.reload()
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await expect(page.getByTestId('roster-total')).toHaveText('3 pegawai')
  const screen = page.locator('main')
  await expect(screen).toContainText(BUDI.name)
  const reads = kiosk.calls('roster.search', page)

  // Five idle minutes on main's monotonic clock: its timer fires, nobody clicks anything.
  kiosk.advanceMonotonic(5 * 60_000)
  await expect(page.getByTestId('lock-state')).toHaveText('Terkunci')
  for (const p of [BUDI, SITI]) {
    await expect(screen).not.toContainText(p.name)
    await expect(screen).not.toContainText(p.nip.slice(0, 8))
  }
  // The list was read again and refused, and the screen says so; nobody asked for a PIN, so
  // no PIN dialog opens over whatever the officer left on screen.
  await expect(page.getByTestId('roster-locked')).toContainText('Data pegawai terkunci')
  await expect(page.getByTestId('roster-total')).toHaveText('0 pegawai')
  expect(kiosk.calls('roster.search', page)).toBeGreaterThan(reads)
  await expect(page.getByRole('form', { name: 'PIN petugas' })).toHaveCount(0)
  // The officer, back, unlocks from the screen and the list returns.
  await page.getByTestId('roster-locked').getByRole('button', { name: 'Buka kunci' }).click()
  const dialog = page.getByRole('form', { name: 'PIN petugas' })
  await dialog.getByLabel('PIN').fill(OFFICER_PIN)
  await dialog.getByRole('button', { name: 'Buka kunci' }).click()
  await expect(page.getByTestId('roster-total')).toHaveText('3 pegawai')
})
