import fs from 'node:fs'
import path from 'node:path'
import { MANIFEST, checkExport } from '../../src/main/export/manifest'
import { TEMP_FILE } from '../../src/main/durable-file'
import { exportFolder } from '../../src/main/export/export'
import { demoRoster } from '../../src/main/roster/demo'
import { expect, test, type Kiosk } from './fixtures'
import { writeXlsx } from '../fixtures/roster-files'
import { setFirstPin } from './first-run'
import { seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'

// 20,000 people in 60 OPD: an export long enough to scan during it.
const PEOPLE = demoRoster(20_000, 60).map((r) => ({ nip: r.nip, name: r.name, opd: r.opdName }))

/** The export screen in the kiosk's window, its export started into a fresh folder. */
async function startExport(kiosk: Kiosk): Promise<string> {
  const { page, dir } = kiosk
  seedGate(kiosk.db, { people: PEOPLE })
  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  await expect(page.getByRole('group', { name: 'Kemajuan ekspor' })).toBeVisible()
  const ceremony = kiosk.db.prepare('SELECT date FROM ceremony').get() as { date: string }
  return exportFolder(usb, ceremony)
}

test('scans at the gate are recorded and shown while an export runs and its bar moves', async ({
  kiosk,
}) => {
  test.setTimeout(180_000)
  const { page, db } = kiosk
  const gate = await kiosk.openWindow('')
  await gate.getByRole('button', { name: 'Kehadiran' }).click()
  const folder = await startExport(kiosk)
  const bar = page.getByRole('progressbar', { name: 'Kemajuan ekspor' })
  await gate.bringToFront()

  // Scans keep arriving until the bar has moved twice (for at most 90 s: the machine's speed
  // decides how many files one scan's time covers); every one must be recorded and shown.
  const seen: number[] = []
  const arrivals: typeof PEOPLE = []
  const until = Date.now() + 90_000
  for (const person of PEOPLE.slice(0, 300)) {
    if (new Set(seen).size >= 3 || Date.now() > until) break
    arrivals.push(person)
    await scanWithKeyboardScanner(gate, person.nip)
    await expect(gate.getByTestId('outcome')).toContainText(person.name)
    await expect(gate.getByTestId('outcome')).toContainText('TERCATAT')
    // Files written so far; no value yet while the attendance is being read.
    const value = (await bar.isVisible()) ? await bar.getAttribute('value') : null
    if (value !== null) seen.push(Number(value))
  }
  expect(new Set(seen).size, `bar values ${seen.join(', ')}`).toBeGreaterThanOrEqual(3)
  expect(seen).toEqual([...seen].sort((a, b) => a - b))
  const recorded = db
    .prepare("SELECT nip FROM checkin WHERE source = 'pemindai' ORDER BY id")
    .pluck()
    .all()
  expect(recorded).toEqual(arrivals.map((p) => p.nip))
  await expect(gate.getByTestId('present-total')).toHaveText(`${arrivals.length} / 20.000`)

  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toContainText(
    `Ekspor selesai: ${60 + 4} berkas`,
    { timeout: 60_000 },
  )
  await expect(page.getByRole('group', { name: 'Kemajuan ekspor' })).toHaveCount(0)
  expect((await checkExport(folder)).complete).toBe(true)
})

test('Batalkan stops the export: told so, and the folder holds no half-written file', async ({
  kiosk,
}) => {
  const { page } = kiosk
  const folder = await startExport(kiosk)
  const progress = page.getByRole('group', { name: 'Kemajuan ekspor' })
  await expect(progress.getByRole('status')).toContainText('Menulis')
  await progress.getByRole('button', { name: 'Batalkan' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'Ekspor dibatalkan. Tidak ada berkas setengah jadi yang tertinggal.',
  )
  await expect(progress).toHaveCount(0)
  // The export had made its folder and begun writing before it was stopped.
  const left = fs.readdirSync(folder)
  expect(left.filter((f) => TEMP_FILE.test(f))).toEqual([])
  expect(left).not.toContain(MANIFEST)
  await expect(page.getByRole('button', { name: 'Ekspor ke folder…' })).toBeEnabled()
})

test('reading a 20,000-row roster file shows its progress; Batalkan stops it and nothing is imported', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  const file = path.join(dir, 'Data Pegawai.xlsx')
  const header = ['NIP', 'Nama', 'Unit Kerja']
  await writeXlsx(file, [header, ...PEOPLE.map((p) => [p.nip, p.name, p.opd])], {
    textColumns: [0],
  })
  await setFirstPin(page)
  await page.getByRole('button', { name: 'Data Pegawai' }).first().click()
  const progress = page.getByRole('group', { name: 'Kemajuan pembacaan berkas' })

  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  // The bar says what is being read: the file, the rows its check has found so far (every
  // 2,000), then the workbook being opened.
  await expect(progress.getByRole('status')).toHaveText(
    /^(Membaca berkas|Memeriksa berkas|Membuka lembar kerja berkas) Data Pegawai\.xlsx/,
  )
  await progress.getByRole('button', { name: 'Batalkan' }).click()
  await expect(page.getByRole('alert')).toContainText('Pembacaan berkas data pegawai dibatalkan.')
  await expect(progress).toHaveCount(0)
  await expect(page.getByLabel('Pratinjau impor')).toHaveCount(0)

  // Read to the end the second time: the preview counts every row.
  kiosk.pickRosterFile(file)
  await page.getByRole('button', { name: 'Impor dari Excel/CSV…' }).click()
  await expect(page.getByTestId('preview-add')).toHaveText('Ditambah: 20.000', { timeout: 30_000 })
  expect(db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(0)
})
