import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { loadDemo } from '../../src/main/roster/demo-mode'
import { tempDir } from '../fixtures/temp-db'
import { expect, openKiosk, test } from './fixtures'
import { BUDI, RINA, seedGate, SITI } from './people'
import { scanWithKeyboardScanner } from './scanner'

/** Pengaturan's "Antar-kiosk" card. */
async function exchangeCard(page: Page) {
  await page.getByRole('button', { name: 'Pengaturan', exact: true }).click()
  return page.getByRole('group', { name: 'Antar-kiosk' })
}

const onlyFile = (folder: string) => path.join(folder, fs.readdirSync(folder)[0]!)

test('an OPD kiosk runs BKPSDM\'s "Paket acara", sends its arrivals back as one file, and BKPSDM takes it in once and refuses a changed copy', async ({
  kiosk: bkpsdm,
  browser,
  rendererUrl,
}) => {
  const { page } = bkpsdm
  seedGate(bkpsdm.db)
  await page.reload()
  const card = await exchangeCard(page)
  const fingerprint = (await page.getByTestId('kiosk-fingerprint').textContent())!
  // The package carries one OPD's roster: Dinas Sosial's two people, not Inspektorat's Budi.
  await card.getByLabel('OPD untuk paket acara').selectOption({ label: SITI.opd })
  const usb = tempDir('kiosk-e2e-usb-')
  bkpsdm.pickExportFolder(usb)
  await card.getByRole('button', { name: 'Ekspor paket acara' }).click()
  await expect(card.getByText(/Paket acara ditulis: .*\(2 pegawai\)/)).toBeVisible()
  const paket = onlyFile(usb)

  const office = await openKiosk(await (await browser.newContext()).newPage(), rendererUrl)
  try {
    const desk = office.kiosk.page
    // The office laptop still holds the demo data: the officer is asked before it goes.
    loadDemo(office.kiosk.db, new Date())
    await desk.reload()
    const officeCard = await exchangeCard(desk)
    office.kiosk.pickPaketFile(paket)
    await officeCard.getByRole('button', { name: 'Impor paket acara' }).click()
    await officeCard.getByRole('button', { name: 'Hapus data contoh dan impor paket' }).click()
    await expect(officeCard.getByText(/siap dijalankan \(2 pegawai\)/)).toContainText(fingerprint)

    await desk.getByRole('button', { name: 'Kehadiran', exact: true }).click()
    for (const person of [SITI, RINA]) {
      await scanWithKeyboardScanner(desk, person.nip)
      await expect(desk.getByTestId('outcome')).toContainText(person.name)
    }
    const outbox = tempDir('kiosk-e2e-kirim-')
    office.kiosk.pickExportFolder(outbox)
    await (await exchangeCard(desk)).getByRole('button', { name: 'Kirim data' }).click()
    await expect(desk.getByText(/Berkas Kirim data ditulis: .*\(2 kedatangan\)/)).toBeVisible()
    const bundle = onlyFile(outbox)

    const reports = card.getByTestId('bundle-report')
    bkpsdm.pickBundleFiles([bundle])
    await card.getByRole('button', { name: 'Terima data' }).click()
    await expect(reports).toHaveAttribute('data-ok', 'true')
    await expect(reports).toContainText('2 kedatangan baru, 0 pindaian ulang')
    // The same file again changes nothing, and says so.
    bkpsdm.pickBundleFiles([bundle])
    await card.getByRole('button', { name: 'Terima data' }).click()
    await expect(reports).toContainText('sudah diterima sebelumnya, tidak ada yang baru')
    // A copy with Siti's arrival turned into Budi's is refused by name, with nothing written.
    const changed = path.join(outbox, 'diubah.kirim.json')
    fs.writeFileSync(changed, fs.readFileSync(bundle, 'utf8').replaceAll(SITI.nip, BUDI.nip))
    bkpsdm.pickBundleFiles([changed])
    await card.getByRole('button', { name: 'Terima data' }).click()
    await expect(reports).toHaveAttribute('data-ok', 'false')
    await expect(reports).toContainText('diubah.kirim.json')
    const live = bkpsdm.db.prepare(
      'SELECT nip FROM checkin WHERE cancelled_at IS NULL ORDER BY nip',
    )
    expect(live.pluck().all()).toEqual([SITI.nip, RINA.nip].sort())
    expect(office.kiosk.errors, 'kesalahan di konsol kiosk OPD').toEqual([])
  } finally {
    await office.close()
  }
})
