import { BUDI, RINA, seedGate, SITI } from './people'
import { expect, test } from './fixtures'
import { scanWithKeyboardScanner } from './scanner'

test('a barcode scanner typing into the page is recorded whichever element has focus', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db, { late: true })
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  // No camera in this browser: said plainly, and the other inputs keep working.
  await expect(page.getByRole('alert')).toContainText(
    'Pemindai USB dan pencarian manual tetap bisa dipakai',
  )

  const search = page.getByLabel('Cari nama atau NIP untuk hadir manual')
  await search.focus()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText('TERCATAT (TERLAMBAT)')
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  expect(db.prepare('SELECT source, late FROM checkin WHERE nip = ?').get(BUDI.nip)).toEqual({
    source: 'pemindai',
    late: 1,
  })
  await expect(search).toHaveValue('')
  await expect(page.getByTestId('late-total')).toHaveText('1')
  await expect(page.getByTestId('present-total')).toHaveText('1 / 3')
})

test('manual search for a forgotten card, counts per OPD, the missing list, and undo', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()

  // A person typing is not a scanner: nothing is recorded until the officer picks someone.
  const search = page.getByLabel('Cari nama atau NIP untuk hadir manual')
  await search.pressSequentially('siti', { delay: 90 })
  await page.getByRole('button', { name: `Catat hadir ${SITI.name}` }).click()
  await expect(page.getByTestId('outcome')).toContainText(SITI.name)
  expect(db.prepare('SELECT source FROM checkin WHERE nip = ?').pluck().get(SITI.nip)).toBe(
    'manual',
  )

  // By NIP the gate finds only the whole NIP, and shows it masked.
  await search.pressSequentially(BUDI.nip, { delay: 60 })
  await expect(page.getByRole('listitem').filter({ hasText: BUDI.name })).toContainText(
    '19740502 •••••• • 001',
  )
  await expect(page.getByText(BUDI.nip.slice(8, 14))).toHaveCount(0)
  await page.getByRole('button', { name: `Catat hadir ${BUDI.name}` }).click()
  await expect(page.getByTestId('present-total')).toHaveText('2 / 3')

  // Per OPD, and who is still missing there.
  const sosial = page.getByTestId('opd-count').filter({ hasText: 'Dinas Sosial' })
  await expect(sosial).toContainText('1/2')
  await sosial.click()
  await expect(page.getByLabel('Belum hadir')).toContainText(RINA.name)
  await expect(page.getByLabel('Belum hadir')).not.toContainText(SITI.name)

  // Undo Siti with a reason: the row stays, cancelled, and the counts drop.
  await page.getByRole('button', { name: `Batalkan ${SITI.name}` }).click()
  await page.getByLabel('Alasan pembatalan').fill('salah orang')
  await page.getByRole('button', { name: 'Batalkan catatan' }).click()
  await expect(page.getByTestId('present-total')).toHaveText('1 / 3')
  await expect(sosial).toContainText('0/2')
  await expect(page.getByLabel('Belum hadir')).toContainText(SITI.name)
  expect(db.prepare('SELECT cancel_reason FROM checkin WHERE nip = ?').pluck().get(SITI.nip)).toBe(
    'salah orang',
  )
})
