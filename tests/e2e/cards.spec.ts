import type { Page } from '@playwright/test'
import type { Db } from '../../src/main/db/connection'
import { extractNip } from '../../src/shared/payload'
import { opdKey } from '../../src/main/roster/opd-key'
import { addNonAsn, applyRoster, listOpd } from '../../src/main/roster/repository'
import { formatNip } from '../../src/shared/nip'
import { expect, test } from './fixtures'
import { decodeQr } from './qr-decode'
import QRCode from 'qrcode'

const A4_HEIGHT_PX = (297 / 25.4) * 96

/** A valid PNS NIP for person i: birth dates a day apart from 1970, sequence numbers beyond. */
function nipFor(i: number): string {
  const birth = new Date(Date.UTC(1970, 0, 1 + (i % 7000)))
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '')
  return `${ymd}2005011${String(1 + Math.floor(i / 7000)).padStart(3, '0')}`
}

/** So many people in each OPD, numbered "Pegawai 00001" on across all of them. */
function seedRoster(db: Db, staff: Record<string, number>): void {
  const opd = Object.entries(staff).flatMap(([name, count]) => Array<string>(count).fill(name))
  const rows = opd.map((name, i) => ({
    row: 0,
    nip: nipFor(i),
    name: `Pegawai ${String(i + 1).padStart(5, '0')}`,
    opdKey: opdKey(name),
    opdName: name,
    jabatan: '',
    pangkat: '',
    jenis: 'PNS' as const,
  }))
  applyRoster(db, rows, new Date())
}

async function openRoster(page: Page): Promise<void> {
  await page.reload()
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
}

async function decodeCard(page: Page, nip: string): Promise<string> {
  const card = page.locator(`[data-testid="qr-card"][data-nip="${nip}"]`)
  return decodeQr(await card.screenshot())
}

test('an OPD prints on A4 with nothing else on the page, its QR reads back, and the officer marks it', async ({
  kiosk: { page, db },
}) => {
  seedRoster(db, { 'Dinas Sosial': 25, Inspektorat: 3 })
  await openRoster(page)
  await page.getByLabel('Filter OPD').selectOption({ label: 'Dinas Sosial (25)' })
  await page.getByRole('button', { name: 'Cetak kartu QR (25)…' }).click()

  const sheet = page.getByRole('dialog', { name: 'Cetak kartu QR' })
  await expect(sheet.getByRole('heading')).toHaveText('Kartu QR: Dinas Sosial')
  await expect(sheet.getByTestId('cards-summary')).toHaveText('25 kartu · 3 halaman A4')
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeEnabled()
  const cards = sheet.getByTestId('qr-card')
  await expect(cards).toHaveCount(25)
  await expect(sheet.locator('.cards-page')).toHaveCount(3)
  const first = cards.first()
  await expect(first).toContainText('Kartu Kehadiran Apel')
  await expect(first).toContainText('Pegawai 00001')
  await expect(first).toContainText(formatNip(nipFor(0)))
  await expect(first).toContainText('Dinas Sosial')

  // The camera's own decoder reads the card as rendered, and check-in takes it as that NIP.
  expect(extractNip(await decodeCard(page, nipFor(24)))).toEqual({ ok: true, nip: nipFor(24) })

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(page.locator('.roster')).toBeHidden()
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeHidden()
  await expect(cards.first()).toBeVisible()
  // Every page is one A4 sheet of paper and every card lies whole inside its page.
  const layout = await page.locator('.cards-page').evaluateAll((pages) =>
    pages.map((p) => {
      const box = p.getBoundingClientRect()
      const inside = [...p.querySelectorAll('[data-testid="qr-card"]')].every((c) => {
        const r = c.getBoundingClientRect()
        return (
          r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right
        )
      })
      return { height: box.height, inside, cards: p.childElementCount }
    }),
  )
  expect(layout.map((p) => p.cards)).toEqual([10, 10, 5])
  for (const p of layout) {
    expect(p.inside).toBe(true)
    expect(p.height).toBeCloseTo(A4_HEIGHT_PX, 0)
  }
  // Chromium's own print to PDF: exactly three pages, so nothing spilled onto a fourth.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(3)
  await page.emulateMedia({ media: 'screen' })

  // Marking is the officer's: locked, it asks for the PIN first.
  await sheet.getByRole('button', { name: 'Tutup' }).click()
  await page.getByRole('button', { name: 'Beranda' }).click()
  const setPin = page.getByRole('form', { name: 'Buat PIN petugas' })
  await setPin.getByLabel('PIN baru (6–8 angka)').fill('246810')
  await setPin.getByLabel('Ulangi PIN').fill('246810')
  await setPin.getByRole('button', { name: 'Simpan PIN' }).click()
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await page.getByLabel('Filter OPD').selectOption({ label: 'Dinas Sosial (25)' })
  await page.getByRole('button', { name: 'Cetak kartu QR (25)…' }).click()
  await sheet.getByRole('button', { name: 'Cetak…' }).click()
  // The kiosk locks itself while the sheet is printing (idle minutes): locked as the officer comes back.
  await page.evaluate(() =>
    (
      globalThis as unknown as { kiosk: { invoke(c: string, i?: unknown): Promise<unknown> } }
    ).kiosk.invoke('auth.lock'),
  )
  const confirm = sheet.getByRole('group', { name: 'Konfirmasi cetak' })
  await confirm.getByRole('button', { name: 'Ya, tandai 25 kartu sudah dicetak' }).click()
  const pin = page.getByRole('form', { name: 'PIN petugas' })
  await pin.getByLabel('PIN').fill('246810')
  await pin.getByRole('button', { name: 'Buka kunci' }).click()
  await expect(sheet.getByRole('status')).toHaveText('25 kartu ditandai sudah dicetak.')
  expect(
    db.prepare('SELECT count(*) FROM employee WHERE card_printed_at IS NOT NULL').pluck().get(),
  ).toBe(25)

  await sheet.getByRole('button', { name: 'Tutup' }).click()
  await page.getByLabel('Filter OPD').selectOption({ label: 'Semua OPD' })
  await page.getByLabel('Filter kartu').selectOption({ label: 'Belum punya kartu' })
  await expect(page.getByTestId('roster-total')).toHaveText('3 pegawai')
})

test('a non-ASN staff member gets a card with the kiosk ID, and cancelling marks nobody', async ({
  kiosk: { page, db },
}) => {
  seedRoster(db, { 'Dinas Sosial': 2 })
  const opdId = listOpd(db)[0]!.id
  addNonAsn(db, new Date(), { name: 'Tono Honorer', opdId, jabatan: '', pangkat: '' })
  await openRoster(page)
  await page
    .getByRole('row', { name: /Tono Honorer/ })
    .getByRole('button', { name: 'Kartu' })
    .click()
  const sheet = page.getByRole('dialog', { name: 'Cetak kartu QR' })
  await expect(sheet.getByTestId('cards-summary')).toHaveText('1 kartu · 1 halaman A4')
  const card = sheet.getByTestId('qr-card')
  await expect(card).toContainText('ID non-ASN')
  await expect(card).toContainText('NA-000001')
  expect(extractNip(await decodeCard(page, 'NA-000001'))).toEqual({ ok: true, nip: 'NA-000001' })

  await sheet.getByRole('button', { name: 'Cetak…' }).click()
  await sheet.getByRole('button', { name: 'Belum, jangan ditandai' }).click()
  await expect(sheet.getByRole('group', { name: 'Konfirmasi cetak' })).toBeHidden()
  expect(
    db.prepare('SELECT count(*) FROM employee WHERE card_printed_at IS NOT NULL').pluck().get(),
  ).toBe(0)
})

test('20,000 employees: a whole OPD prints in one job, the region in parts, built a few pages at a time', async ({
  kiosk: { page, db },
}) => {
  test.setTimeout(180_000)
  seedRoster(
    db,
    Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`Dinas Uji ${String(i + 1).padStart(2, '0')}`, 2000]),
    ),
  )
  await openRoster(page)
  // Each time the page gets the main thread back it may add cards; count how often it did.
  await page.locator('body').evaluate((body) => {
    const w = globalThis as unknown as { growth: Set<number> }
    const view = body.ownerDocument.defaultView!
    w.growth = new Set()
    new view.MutationObserver(() => {
      w.growth.add(body.querySelectorAll('[data-testid="qr-card"]').length)
    }).observe(body, { childList: true, subtree: true })
  })

  await page.getByRole('button', { name: 'Cetak kartu QR (20.000)…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak kartu QR' })
  await expect(sheet.getByTestId('cards-part')).toHaveText('Bagian 1 dari 7: kartu 1–3.000')
  await expect(sheet.getByTestId('cards-summary')).toHaveText('3.000 kartu · 300 halaman A4', {
    timeout: 60_000,
  })
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeEnabled()
  await expect(sheet.getByTestId('qr-card')).toHaveCount(3000)
  const growth = await page.evaluate(() => [
    ...(globalThis as unknown as { growth: Set<number> }).growth,
  ])
  // 3,000 codes in one go would hold the window for seconds; here it was free between steps.
  expect(growth.filter((n) => n > 0 && n < 3000).length).toBeGreaterThanOrEqual(20)

  // The next part starts afresh, and the officer can leave while it is still being prepared.
  await sheet.getByRole('button', { name: 'Bagian berikutnya' }).click()
  await expect(sheet.getByTestId('cards-part')).toHaveText('Bagian 2 dari 7: kartu 3.001–6.000')
  await expect(sheet.getByTestId('cards-summary')).toContainText('menyiapkan halaman')
  await sheet.getByRole('button', { name: 'Tutup' }).click()
  await expect(sheet).toBeHidden()

  await page.getByLabel('Filter OPD').selectOption({ label: 'Dinas Uji 07 (2.000)' })
  await page.getByRole('button', { name: 'Cetak kartu QR (2.000)…' }).click()
  await expect(sheet.getByTestId('cards-summary')).toHaveText('2.000 kartu · 200 halaman A4', {
    timeout: 60_000,
  })
  await expect(sheet.getByTestId('cards-part')).toHaveCount(0)
  await expect(sheet.getByTestId('qr-card')).toHaveCount(2000)
  await expect(sheet.getByTestId('qr-card').last()).toHaveAttribute('data-nip', nipFor(13_999))
})

test('cards carry the agency name and logo set behind the PIN, and leave them off when empty', async ({
  kiosk: { page, db },
}) => {
  seedRoster(db, { Inspektorat: 2 })
  await page.reload()
  await page.getByRole('button', { name: 'Pengaturan' }).click()
  const form = page.getByRole('form', { name: 'Identitas kartu QR' })
  await form.getByLabel('Nama instansi di kartu').fill('Pemerintah Kabupaten Banyuwangi')
  const logo = await QRCode.toBuffer('logo', { width: 96 })
  await form
    .getByLabel(/^Logo/)
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo })
  await expect(form.getByRole('img', { name: 'Logo di kartu' })).toBeVisible()
  await form.getByRole('button', { name: 'Simpan identitas kartu' }).click()
  await expect(form.getByRole('status')).toHaveText('Identitas kartu QR disimpan.')
  expect(db.prepare("SELECT value FROM setting WHERE key = 'card_logo'").pluck().get()).toBe(
    `data:image/png;base64,${logo.toString('base64')}`,
  )

  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await page.getByRole('button', { name: 'Cetak kartu QR (2)…' }).click()
  const card = page.getByTestId('qr-card').first()
  await expect(card.locator('.cards-instansi')).toHaveText('Pemerintah Kabupaten Banyuwangi')
  await expect(card.locator('img.cards-logo')).toHaveJSProperty('complete', true)
  // The taller head leaves the QR and the text whole inside the card, and the QR still reads.
  const outer = (await card.boundingBox())!
  for (const part of [card.locator('svg.cards-qr'), card.locator('.cards-opd')]) {
    const box = (await part.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5)
  }
  expect(extractNip(await decodeCard(page, nipFor(0)))).toEqual({ ok: true, nip: nipFor(0) })
  await page
    .getByRole('dialog', { name: 'Cetak kartu QR' })
    .getByRole('button', { name: 'Tutup' })
    .click()

  await page.getByRole('button', { name: 'Pengaturan' }).click()
  await form.getByLabel('Nama instansi di kartu').fill('')
  await form.getByRole('button', { name: 'Hapus logo' }).click()
  await form.getByRole('button', { name: 'Simpan identitas kartu' }).click()
  await expect(form.getByRole('status')).toHaveText('Identitas kartu QR disimpan.')
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await page.getByRole('button', { name: 'Cetak kartu QR (2)…' }).click()
  await expect(page.getByTestId('qr-card').first()).toContainText('Kartu Kehadiran Apel')
  await expect(page.locator('.cards-instansi, img.cards-logo')).toHaveCount(0)
})
