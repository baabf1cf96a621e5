import path from 'node:path'
import { writeCsv, writeXlsx } from '../fixtures/roster-files'
import { expect, test } from './fixtures'
import { setFirstPin } from './first-run'
import { META_CONTENT_SECURITY_POLICY } from '../../src/main/window/security'

test('first run: the demo roster and ceremony are one click away', async ({
  kiosk: { page, db },
}) => {
  await expect(page.getByRole('heading', { name: 'Selamat datang' })).toBeVisible()
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByRole('status')).toContainText(
    'Data contoh dimuat: 2.400 pegawai di 40 OPD',
  )
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(2400)
  expect(
    db.prepare('SELECT count(DISTINCT nip) FROM employee WHERE length(nip) = 18').pluck().get(),
  ).toBe(2400)

  await page.getByRole('button', { name: 'Acara', exact: true }).click()
  await expect(page.getByTestId('ceremony')).toHaveCount(1)
  await expect(page.getByTestId('ceremony')).toContainText('Aktif')
  await expect(page.getByTestId('ceremony')).toContainText('pukul 07.30 WIB')
})

test('roster import shows a preview with rejections before anything is written', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  const file = path.join(dir, 'Data Pegawai Kabupaten.xlsx')
  await writeXlsx(
    file,
    [
      ['DAFTAR PEGAWAI', null, null, null],
      ['NIP', 'Nama', 'SKPD', 'Jabatan'],
      ['197405021993111001', 'Budi Santoso', 'DINAS SOSIAL', 'Kepala Dinas'],
      ['198001152005012002', 'Siti Rahayu', 'Dinas Sosial ', 'Analis'],
      [Number('197405021993111001'), 'Angka Excel', 'Dinas Sosial', ''],
      ['197402301993111001', 'Tanggal Salah', 'Dinas Sosial', ''],
    ],
    { merges: ['A1:D1'] },
  )
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()

  const preview = page.getByLabel('Pratinjau impor')
  await expect(preview).toContainText('Data Pegawai Kabupaten.xlsx')
  await expect(preview).toContainText('judul kolom di baris 2')
  await expect(page.getByTestId('preview-add')).toHaveText('Ditambah: 2')
  await expect(page.getByTestId('preview-reject')).toHaveText('Ditolak: 2')
  await expect(preview.getByRole('row', { name: /^5 NIP tersimpan sebagai angka/ })).toBeVisible()
  await expect(preview.getByRole('row', { name: /^6 tanggal lahir 19740230/ })).toBeVisible()
  await expect(preview).toContainText('Penulisan OPD digabung menjadi Dinas Sosial')
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(0)

  await page.getByRole('button', { name: 'Terapkan impor' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Impor selesai: 2 ditambah, 0 diubah, 0 dinonaktifkan.',
  )
  await expect(page.getByTestId('roster-total')).toHaveText('2 pegawai')
  expect(db.prepare('SELECT nip FROM employee ORDER BY nip').pluck().all()).toEqual([
    '197405021993111001',
    '198001152005012002',
  ])

  await page.getByLabel('Cari nama atau NIP').fill('siti')
  await expect(page.getByTestId('roster-total')).toHaveText('1 pegawai')
  await expect(page.getByRole('cell', { name: '19800115 200501 2 002' })).toBeVisible()
})

test('an unreadable roster file gets a clear message and changes nothing', async ({ kiosk }) => {
  const { page, db, dir } = kiosk
  const file = path.join(dir, 'kosong.csv')
  writeCsv(file, [
    ['Kolom', 'Lain'],
    ['1', '2'],
  ])
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Berkas kosong.csv: baris judul kolom tidak ditemukan',
  )
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(0)
})

test('creating a ceremony for chosen OPD stores its times in UTC', async ({
  kiosk: { page, db },
}) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Acara', exact: true }).click()
  await page.getByRole('button', { name: 'Buat acara baru' }).click()
  const form = page.getByRole('form', { name: 'Data acara' })
  await form.getByLabel('Nama acara').fill('Apel Netralitas ASN Pilkada Serentak 2024')
  await form.getByLabel('Tanggal').fill('2024-09-30')
  await form.getByLabel('Jam mulai').fill('07:00')
  await form.getByLabel('Terlambat setelah').fill('07:15')
  await form.getByLabel('Zona waktu').selectOption('Asia/Makassar')
  await form.getByLabel('Tempat').fill('Lapangan Upacara Kantor Bupati')
  await form.getByLabel('OPD tertentu').check()
  await form.getByLabel('Dinas Pendidikan').check()
  await form.getByLabel('Inspektorat').check()
  await form.getByLabel('Tolak').check()
  await form.getByRole('button', { name: 'Simpan acara' }).click()

  await expect(page.getByRole('status')).toHaveText(
    'Acara "Apel Netralitas ASN Pilkada Serentak 2024" disimpan.',
  )
  const card = page.getByTestId('ceremony').filter({ hasText: 'Pilkada Serentak 2024' })
  await expect(card).toContainText('Senin, 30 September 2024, pukul 07.00 WITA')
  await expect(card).toContainText('2 OPD')
  const row = db
    .prepare(
      "SELECT starts_at, late_at, unknown_policy, all_opd FROM ceremony WHERE name LIKE '%Pilkada%'",
    )
    .get()
  expect(row).toEqual({
    starts_at: '2024-09-29T23:00:00.000Z',
    late_at: '2024-09-29T23:15:00.000Z',
    unknown_policy: 'refuse',
    all_opd: 0,
  })
})

test("the built page carries the window's CSP in its meta tag, ahead of every script", async ({
  kiosk: { page },
}) => {
  const meta = page.locator('head > meta[http-equiv="Content-Security-Policy"]')
  await expect(meta).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY)
  // What the head holds, in order: the policy must come before anything it governs.
  const head = await page
    .locator('head > *')
    .evaluateAll((els) => els.map((e) => e.getAttribute('http-equiv') ?? e.tagName))
  const policyAt = head.indexOf('Content-Security-Policy')
  expect(policyAt).toBeGreaterThan(-1)
  expect(head.slice(0, policyAt).filter((t) => t === 'SCRIPT' || t === 'LINK')).toEqual([])
})
