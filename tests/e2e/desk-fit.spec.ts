import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

/** How far the element reaches past the window's right edge (0 or less: it fits). */
async function overflow(page: Page, selector: string): Promise<number> {
  const box = (await page.locator(selector).first().boundingBox())!
  return box.x + box.width - page.viewportSize()!.width
}

test('Data Pegawai fits 1366 px: every column and both row buttons on screen, long text clipped with a tooltip', async ({
  kiosk: { page, db },
}) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  // The longest OPD name of the demo, at the top of the list.
  const { name: longest, n } = db
    .prepare(
      `SELECT o.name, count(*) AS n FROM opd o JOIN employee e ON e.opd_id = o.id
       GROUP BY o.id ORDER BY length(o.name) DESC LIMIT 1`,
    )
    .get() as { name: string; n: number }
  await page.getByLabel('Filter OPD').selectOption({ label: `${longest} (${n})` })
  const table = page.getByRole('table', { name: 'Daftar pegawai' })
  await expect(table.getByRole('row')).not.toHaveCount(1)
  expect(await overflow(page, '.roster-table')).toBeLessThanOrEqual(0)
  const row = table.getByRole('row').nth(1)
  for (const name of [/^Ubah /, /^Kartu /]) {
    const box = (await row.getByRole('button', { name }).boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(1366)
  }
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(1366)
  const opdCell = row.getByRole('cell', { name: longest })
  await expect(opdCell).toHaveAttribute('title', longest)
  // Clipped, not wrapped onto more lines or pushed out.
  expect(await opdCell.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(true)
})

test('keyboard only: Tab reaches the row buttons with a visible ring, Enter opens the form', async ({
  kiosk: { page },
}) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await expect(page.getByTestId('roster-total')).toHaveText('2.400 pegawai')
  await page.getByLabel('Cari nama atau NIP').focus()
  let reached = ''
  for (let i = 0; i < 25 && !reached.startsWith('Ubah '); i++) {
    await page.keyboard.press('Tab')
    reached = (await page.locator(':focus').getAttribute('aria-label')) ?? ''
  }
  expect(reached).toMatch(/^Ubah /)
  const focused = page.locator(':focus')
  await expect(focused).toHaveCSS('outline-style', 'solid')
  await expect(focused).toHaveCSS('outline-width', '3px')
  await page.keyboard.press('Enter')
  const form = page.getByRole('form', { name: 'Ubah pegawai' })
  await expect(form).toBeVisible()
  await expect(form.getByLabel('Nama', { exact: true })).toBeFocused()
})
