import type { Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'
import { expect, test } from './fixtures'
import { BUDI, seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'

/** From Beranda, as the officer does the morning of the apel. */
async function openPreflight(page: Page) {
  await page.getByRole('button', { name: 'Beranda' }).click()
  await page.getByRole('button', { name: 'Uji perangkat' }).click()
  await expect(page.getByRole('heading', { name: 'Uji perangkat' })).toBeVisible()
  // Every item main checks has answered (the database's in its worker thread).
  await expect(page.getByTestId('preflight-summary')).not.toContainText('sedang diperiksa')
}

const item = (page: Page, id: string) => page.getByTestId(`preflight-${id}`)

test('the morning check: disk, backup folder and database green, second display amber in the browser, a picked USB folder checked', async ({
  kiosk: { page, db, dir, pickExportFolder },
}) => {
  seedGate(db)
  await openPreflight(page)
  for (const id of ['disk', 'backup', 'database']) {
    await expect(item(page, id), id).toHaveAttribute('data-status', 'ok')
  }
  await expect(item(page, 'disk-detail')).toContainText(`Folder data ${dir} dapat ditulis`)
  await expect(item(page, 'backup-detail')).toContainText(
    `Folder cadangan ${path.join(dir, 'cadangan')} dapat ditulis`,
  )
  await expect(item(page, 'database-detail')).toContainText('Basis data utuh')
  // No desktop shell here: said, amber, never a crash.
  await expect(item(page, 'display')).toHaveAttribute('data-status', 'warn')
  await expect(item(page, 'display-detail')).toContainText('tidak dapat diperiksa di sini')
  // Nothing left behind by the probes.
  expect(fs.readdirSync(dir).filter((f) => f.includes('uji-tulis'))).toEqual([])

  const usb = path.join(dir, 'flashdisk')
  fs.mkdirSync(usb)
  pickExportFolder(usb)
  await page.getByRole('button', { name: 'Uji flashdisk atau folder lain…' }).click()
  await expect(item(page, 'usb')).toHaveAttribute('data-status', 'ok')
  await expect(item(page, 'usb-detail')).toContainText(`Folder ${usb} dapat ditulis`)
  expect(fs.readdirSync(usb)).toEqual([])

  // Ulangi runs the check again: the state passes through "Memeriksa…" back to green.
  await item(page, 'database').getByRole('button', { name: 'Ulangi' }).click()
  await expect(item(page, 'database')).toHaveAttribute('data-status', 'ok')
})

test('the clock item is red when the active ceremony is on another date, and the summary says so', async ({
  kiosk: { page, db },
}) => {
  seedGate(db, { people: [BUDI] })
  setActiveCeremony(db, addCeremony(db, {}, PILKADA_2024).id)
  await openPreflight(page)
  await expect(item(page, 'clock')).toHaveAttribute('data-status', 'fail')
  await expect(item(page, 'clock-detail')).toContainText(
    'padahal acara dijadwalkan Senin, 30 September 2024',
  )
  await expect(item(page, 'clock-advice')).toContainText('Betulkan tanggal dan jam laptop')
  await expect(page.getByTestId('preflight-summary')).toContainText('bermasalah')
})

test('the scanner test reads a typed burst with its speed and suffix and records nothing; a burst without suffix is amber', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await openPreflight(page)
  await expect(item(page, 'scanner')).toHaveAttribute('data-status', 'warn')
  await page.getByRole('button', { name: 'Mulai uji pemindai' }).click()
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 5 })
  await expect(item(page, 'scanner')).toHaveAttribute('data-status', 'ok')
  await expect(item(page, 'scanner-detail')).toHaveText(
    'Pemindai terbaca: NIP 19740502 199311 1 001 (rata-rata 5 ms per tombol, akhiran Enter).',
  )
  await page.waitForTimeout(1200)
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 5, suffix: null })
  await expect(item(page, 'scanner')).toHaveAttribute('data-status', 'warn')
  await expect(item(page, 'scanner-detail')).toContainText('tanpa akhiran')
  await expect(item(page, 'scanner-advice')).toContainText('mengirim Enter')
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
})

test('the sounds play and the officer says whether they were heard', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await openPreflight(page)
  const sound = item(page, 'sound')
  await expect(sound).toHaveAttribute('data-status', 'warn')
  await sound.getByRole('button', { name: 'Putar semua bunyi' }).click()
  await sound.getByRole('button', { name: 'Tidak terdengar' }).click()
  await expect(sound).toHaveAttribute('data-status', 'fail')
  await expect(item(page, 'sound-advice')).toContainText('Naikkan volume')
  await sound.getByRole('button', { name: 'KODE TIDAK VALID' }).click()
  await sound.getByRole('button', { name: 'Terdengar', exact: true }).click()
  await expect(sound).toHaveAttribute('data-status', 'ok')
})

test('activating a ceremony offers the check, without forcing it; Pengaturan links to it', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  addCeremony(db, { name: 'Apel Kedua' })
  await page.getByRole('button', { name: 'Acara' }).click()
  await page
    .getByTestId('ceremony')
    .filter({ hasText: 'Apel Kedua' })
    .getByRole('button', { name: 'Jadikan aktif' })
    .click()
  const offer = page.getByTestId('preflight-offer')
  await expect(offer).toContainText('Sebelum apel "Apel Kedua" dimulai')
  await offer.getByRole('button', { name: 'Uji perangkat' }).click()
  await expect(page.getByRole('heading', { name: 'Uji perangkat' })).toBeVisible()
  await expect(page.getByTestId('preflight-summary')).not.toContainText('sedang diperiksa')

  // Pengaturan links to it too.
  await page.getByRole('button', { name: 'Pengaturan' }).click()
  await page.getByRole('button', { name: 'Buka Uji perangkat' }).click()
  await expect(page.getByRole('heading', { name: 'Uji perangkat' })).toBeVisible()
  await expect(page.getByTestId('preflight-summary')).not.toContainText('sedang diperiksa')
})
