import { BANNER_MS } from '../../src/renderer/src/checkin/outcome'
import { BUDI, RINA, seedGate, SITI } from './people'
import { expect, test } from './fixtures'
import { catchTimers, holdCalls, landWithFirstTimer } from './busy-page'
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

  // Attempts that record nothing are counted beside the arrivals: a repeat and a code with no NIP.
  await expect(page.getByTestId('attempts')).toHaveText(
    'Kode tidak valid 0 · Pindai ulang 0 · Ditolak 0',
  )
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText('SUDAH TERCATAT')
  await scanWithKeyboardScanner(page, 'TIKET-PARKIR-0042')
  await expect(page.getByTestId('attempts')).toHaveText(
    'Kode tidak valid 1 · Pindai ulang 1 · Ditolak 0',
  )
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
  // Two letters would match half a real roster: the search starts at three.
  await search.pressSequentially('si', { delay: 90 })
  await expect(page.getByText('Ketik minimal 3 huruf atau angka.')).toBeVisible()
  await expect(page.getByTestId('manual-result')).toHaveCount(0)
  await search.pressSequentially('ti', { delay: 90 })
  await page.getByRole('button', { name: `Catat hadir ${SITI.name}` }).click()
  await expect(page.getByTestId('outcome')).toContainText(SITI.name)
  expect(db.prepare('SELECT source FROM checkin WHERE nip = ?').pluck().get(SITI.nip)).toBe(
    'manual',
  )

  // Searching again says she is here, with the time, instead of offering to record her twice.
  await search.pressSequentially('siti', { delay: 90 })
  await expect(page.getByTestId('manual-result')).toContainText(/Sudah hadir \d\d\.\d\d/)
  await expect(page.getByRole('button', { name: `Catat hadir ${SITI.name}` })).toHaveCount(0)
  await search.fill('')

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

  // The lists on the gate: manual arrivals, and the cancelled one with its reason.
  await page.getByTestId('filter-manual').click()
  await expect(page.getByTestId('filter-manual')).toHaveText('Manual (1)')
  await expect(page.getByTestId('arrival')).toHaveCount(1)
  await expect(page.getByTestId('arrival')).toContainText(BUDI.name)
  await page.getByTestId('filter-dibatalkan').click()
  await expect(page.getByTestId('arrival')).toHaveCount(1)
  await expect(page.getByTestId('arrival')).toContainText(SITI.name)
  await expect(page.getByTestId('arrival')).toContainText('salah orang')
  await expect(page.getByRole('button', { name: `Batalkan ${SITI.name}` })).toHaveCount(0)
})

test('rows still shown from an earlier search cannot be picked until the lookup answers', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  const search = page.getByLabel('Cari nama atau NIP untuk hadir manual')
  await search.pressSequentially('rin', { delay: 90 })
  const rows = page.getByTestId('manual-result')
  await expect(rows).toHaveCount(1)
  await expect(rows).toContainText(RINA.name)

  // The next lookups are held in the page, as a busy laptop holds them: Rina's row stays in
  // view (no flicker), but it is an older text's, and its button is off.
  const lookups = await holdCalls(page, 'checkin.findPerson', 'call')
  await search.press('a')
  const results = page.getByRole('list', { name: 'Hasil pencarian' })
  const pickRina = page.getByRole('button', { name: `Catat hadir ${RINA.name}` })
  await expect(results).toHaveAttribute('aria-busy', 'true')
  await expect(pickRina).toBeDisabled()
  // Enter on an older text's single row records nothing either.
  await search.press('Enter')
  await lookups.release()
  await expect(results).toHaveAttribute('aria-busy', 'false')
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  await pickRina.click()
  await expect(page.getByTestId('outcome')).toContainText(RINA.name)
  expect(db.prepare('SELECT nip FROM checkin').pluck().all()).toEqual([RINA.nip])
})

test("a result that comes in just as the one before it runs out is shown, not wiped by that one's timer", async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await catchTimers(page, BANNER_MS.ok)
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  await holdCalls(page, 'checkin.scan', 'answer')
  await page.getByLabel('Cari nama atau NIP untuk hadir manual').fill(SITI.nip)
  await page.getByRole('button', { name: `Catat hadir ${SITI.name}` }).click()
  await expect
    .poll(() => db.prepare('SELECT count(*) FROM checkin WHERE nip = ?').pluck().get(SITI.nip))
    .toBe(1)
  await landWithFirstTimer(page)
  await expect(page.getByTestId('outcome')).toContainText(SITI.name)
})

test('one tap cancels the last scan, asking a reason and the PIN', async ({ kiosk }) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Beranda' }).click()
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill('246810')
  await card.getByLabel('Ulangi PIN').fill('246810')
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  // The menu with the officer's lock beside it is still one row on a 1280 px screen.
  await page.setViewportSize({ width: 1280, height: 720 })
  await expect(page.getByTestId('lock-state')).toContainText('Petugas')
  expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(56)
  await page.getByRole('button', { name: 'Kunci' }).click()
  await page.getByRole('button', { name: 'Kehadiran' }).click()

  await scanWithKeyboardScanner(page, SITI.nip)
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('undo-last-who')).toContainText(BUDI.name)
  await page.getByRole('button', { name: 'Batalkan pindaian terakhir' }).click()
  await page.getByRole('button', { name: 'Kartu milik orang lain' }).click()
  const dialog = page.getByRole('form', { name: 'PIN petugas' })
  await dialog.getByLabel('PIN').fill('246810')
  await dialog.getByRole('button', { name: 'Buka' }).click()
  await expect(page.getByText(`Dibatalkan: ${BUDI.name}`)).toBeVisible()
  await expect(page.getByTestId('present-total')).toHaveText('1 / 3')
  expect(db.prepare('SELECT nip, cancel_reason FROM checkin ORDER BY id').all()).toEqual([
    { nip: SITI.nip, cancel_reason: null },
    { nip: BUDI.nip, cancel_reason: 'Kartu milik orang lain' },
  ])
  // The next last scan is Siti's: one more tap would cancel her, not Budi again.
  await expect(page.getByTestId('undo-last-who')).toContainText(SITI.name)
})

test("an arrival recorded in another window moves this window's counts by main's event", async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  seedGate(db)
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await expect(page.getByTestId('present-total')).toHaveText('0 / 3')
  const other = await kiosk.openWindow('')
  await other.getByRole('button', { name: 'Kehadiran' }).click()
  await expect(other.getByTestId('present-total')).toHaveText('0 / 3')
  const read = kiosk.calls('checkin.dashboard', page)

  await other.getByLabel('Cari nama atau NIP untuk hadir manual').fill('Budi')
  await other.getByRole('button', { name: `Catat hadir ${BUDI.name}` }).click()
  await expect(other.getByTestId('outcome')).toContainText(BUDI.name)
  await expect(page.getByTestId('present-total')).toHaveText('1 / 3')
  // This window scanned nothing: it re-read its counts because main announced the arrival.
  expect(kiosk.calls('checkin.scan', page)).toBe(0)
  const afterArrival = kiosk.calls('checkin.dashboard', page)
  expect(afterArrival).toBeGreaterThan(read)
  // And it never polls: two quiet seconds, no call.
  await page.waitForTimeout(2000)
  expect(kiosk.calls('checkin.dashboard', page)).toBe(afterArrival)

  // A cancellation in the other window moves the count back here too.
  await other.getByRole('button', { name: 'Batalkan pindaian terakhir' }).click()
  await other.getByRole('button', { name: 'Salah pilih nama' }).click()
  await expect(other.getByTestId('present-total')).toHaveText('0 / 3')
  await expect(page.getByTestId('present-total')).toHaveText('0 / 3')
})
