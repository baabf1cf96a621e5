import path from 'node:path'
import fs from 'node:fs'
import { fileKeyStore, loadOrCreateKey } from '../../src/main/keys/kiosk-key'
import { fingerprintOf } from '../../src/main/keys/signature'
import { formatNip } from '../../src/shared/nip'
import { openpyxlEdit } from '../fixtures/other-programs'
import { expect, test } from './fixtures'

test('Pengaturan shows the kiosk key and checks an export folder and a changed workbook', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  const date = db.prepare('SELECT date FROM ceremony').pluck().get() as string

  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  // 40 workbooks in a worker: allow for a machine shared with other work.
  const slow = { timeout: 60_000 }
  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toBeVisible(slow)
  const folder = path.join(usb, `Kehadiran Apel Netralitas ${date}`)

  await page.getByRole('button', { name: 'Pengaturan' }).click()
  const panel = page.getByRole('group', { name: 'Keaslian berkas' })
  // The harness keeps the kiosk's key in the test's folder: the same key, read back.
  const fingerprint = fingerprintOf(loadOrCreateKey(fileKeyStore(dir)).key.publicKey)
  await expect(panel.getByTestId('kiosk-fingerprint')).toHaveText(fingerprint)

  kiosk.pickVerifyTarget(folder)
  await panel.getByRole('button', { name: 'Periksa folder ekspor…' }).click()
  const result = panel.getByRole('group', { name: 'Hasil pemeriksaan keaslian' })
  await expect(result.getByRole('status')).toHaveText(
    new RegExp(
      `^Asli\\. 44 berkas diperiksa, semua asli\\. Ditandatangani kiosk ini ${fingerprint}`,
    ),
    slow,
  )

  // An Inspektorat head's copy, edited in another program: one absentee made present.
  const nip = db
    .prepare(
      "SELECT e.nip FROM employee e JOIN opd o ON o.id = e.opd_id WHERE o.name = 'Inspektorat' ORDER BY e.nip LIMIT 1",
    )
    .pluck()
    .get() as string
  const file = path.join(folder, `Kehadiran Apel Netralitas ${date} - Inspektorat.xlsx`)
  const changed = path.join(dir, 'Inspektorat diubah.xlsx')
  openpyxlEdit(file, changed, [
    { op: 'set', sheet: 'Data Kehadiran', nip, column: 'Status', value: 'Hadir' },
  ])
  kiosk.pickVerifyTarget(changed)
  await panel.getByRole('button', { name: 'Periksa keaslian berkas…' }).click()
  await expect(result.getByRole('alert')).toHaveText(/^Diubah\./, slow)
  await expect(result.getByTestId('authenticity-file')).toContainText(
    `NIP ${formatNip(nip)}: status "Tidak Hadir" menjadi "Hadir".`,
  )

  // The kiosk's own log: signed at the export, then on request, and checked whole in a worker.
  await panel.getByRole('button', { name: 'Tandatangani log sekarang' }).click()
  await expect(panel.getByRole('status').last()).toHaveText(
    /^(Kepala rantai log \(entri nomor [\d.]+\) ditandatangani oleh KIOSK-|Tidak ada entri baru)/,
  )
  await panel.getByRole('button', { name: 'Periksa log kiosk ini' }).click()
  await expect(result.getByRole('status')).toHaveText(
    new RegExp(`^Asli\\. Ditandatangani kiosk ini ${fingerprint}`),
    slow,
  )
  await expect(result.getByTestId('authenticity-file')).toContainText('Log basis data utuh')
})
