import path from 'node:path'
import { writeXlsx } from '../fixtures/roster-files'
import { expect, test } from './fixtures'
import { walkEveryOutcome } from './outcomes'
import { seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'

const out = (name: string) => path.resolve(__dirname, '../../docs/screenshots', `${name}.png`)

test('screens for the README', async ({ kiosk }) => {
  const { page, dir } = kiosk
  await expect(page.getByRole('heading', { name: 'Selamat datang' })).toBeVisible()
  await page.screenshot({ path: out('beranda') })

  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Acara', exact: true }).click()
  await expect(page.getByTestId('ceremony')).toHaveCount(1)
  await page.screenshot({ path: out('acara') })

  const file = path.join(dir, 'Data Pegawai.xlsx')
  await writeXlsx(file, [
    ['NIP', 'Nama', 'Unit Kerja'],
    ['197405021993111001', 'Budi Santoso', 'Dinas Sosial'],
    [Number('198001152005012002'), 'Siti Rahayu', 'Dinas Sosial'],
  ])
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  await expect(page.getByLabel('Pratinjau impor')).toBeVisible()
  await page.screenshot({ path: out('data-pegawai') })
})

test('the ikrar reading view for the README', async ({ kiosk: { page } }) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await page.getByLabel('Nama instansi').fill('Pemerintah Kabupaten Contoh')
  await page.screenshot({ path: out('ikrar-editor'), fullPage: true })
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByTestId('ikrar-progress')).toHaveText('Pembukaan')
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown')
  await expect(page.getByTestId('ikrar-progress')).toHaveText('Butir 3 dari 5')
  await page.screenshot({ path: out('ikrar') })
})

test('the QR card sheet for the README', async ({ kiosk: { page } }) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  await page.getByLabel('Filter OPD').selectOption({ label: 'Inspektorat (47)' })
  await page.getByRole('button', { name: 'Cetak kartu QR (47)…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak kartu QR' })
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeEnabled()
  await page.screenshot({ path: out('kartu-qr') })
})

test('the gate and the export for the README', async ({ kiosk: { page, db } }) => {
  await page.getByRole('button', { name: 'Coba dengan data contoh' }).click()
  await expect(page.getByTestId('employee-count')).toHaveText('2.400')
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  const nips = db.prepare('SELECT nip FROM employee ORDER BY id LIMIT 6').pluck().all() as string[]
  await page.getByTestId('opd-count').first().click()
  for (const nip of nips) {
    await scanWithKeyboardScanner(page, nip)
    await expect(page.getByTestId('outcome')).toContainText('TERCATAT')
  }
  // A forgotten card looked up right after the queue scanned: the search, its results, the
  // missing list and the banner all on one 1366x768 screen.
  await page.getByLabel('Cari nama atau NIP untuk hadir manual').fill('sri')
  await expect(page.getByTestId('manual-result').first()).toBeVisible()
  await page.screenshot({ path: out('kehadiran') })

  await page.getByRole('button', { name: 'Ekspor' }).click()
  await expect(page.getByRole('button', { name: /Ekspor/ }).last()).toBeVisible()
  await page.screenshot({ path: out('ekspor') })
})

test('every outcome on the gate for the README, in one picture', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  const shots: Buffer[] = []
  await walkEveryOutcome(page, db, async () => {
    shots.push(await page.getByTestId('outcome').screenshot())
  })
  // Three banners a row, as they were painted at 1366x768.
  const sheet = await page.context().newPage()
  await sheet.setViewportSize({ width: 1366, height: 400 })
  const cells = shots
    .map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`)
    .join('')
  await sheet.setContent(
    `<body style="margin:0;padding:8px;background:#eef2f6;display:grid;grid-template-columns:repeat(3,1fr);gap:8px">
      <style>img { width: 100%; display: block; border-radius: 10px }</style>${cells}</body>`,
  )
  await sheet.screenshot({ path: out('kehadiran-hasil'), fullPage: true })
  await sheet.close()
})
