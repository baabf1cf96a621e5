import ExcelJS from 'exceljs'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { setSigner } from '../../src/main/export/signers'
import { findTemplate } from '../../src/main/ikrar/templates'
import { opdKey } from '../../src/main/roster/opd-key'
import { applyRoster } from '../../src/main/roster/repository'
import { fillIkrar } from '../../src/shared/ikrar'
import { formatNip } from '../../src/shared/nip'
import { checkIn, rosterRows, testNip, type Person } from '../fixtures/attendance'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'
import { expect, test } from './fixtures'
import { BUDI, seedGate, SITI } from './people'

const INSTANSI = 'Pemerintah Kabupaten Contoh'
const ELECTION = 'Pilkada Serentak Tahun 2024'
const POINTS = fillIkrar(findTemplate('lima-butir')!, {
  instansi: INSTANSI,
  acara: PILKADA_2024.name,
  pemilihan: ELECTION,
}).points
/** Forty OPD, "Dinas Urusan 01" on: with three leaders the table runs over several pages. */
const OPD = Array.from({ length: 40 }, (_v, i) => `Dinas Urusan ${String(i + 1).padStart(2, '0')}`)
const PEOPLE: Person[] = OPD.map((opd, i) => ({ nip: testNip(i + 1), name: `Pegawai ${i}`, opd }))
const PDFTOTEXT = spawnSync('which', ['pdftotext'], { encoding: 'utf8' }).stdout.trim()

async function openIkrar(page: Page) {
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  await page.getByRole('button', { name: 'Simpan ikrar' }).click()
  await expect(page.getByRole('status')).toHaveText('Teks ikrar disimpan untuk acara ini.')
}

/** The PDF's text page by page in reading order, whitespace folded (poppler's pdftotext, a reader apart from Chromium). */
function pdfPages(file: string): string[] {
  const r = spawnSync(PDFTOTEXT, [file, '-'], { encoding: 'utf8', timeout: 30_000 })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

test('the declaration sheet: leaders ordered by the officer, every OPD head, the ikrar read, A4 pages with the header repeated', async ({
  kiosk: { page, db, dir },
}) => {
  applyRoster(db, rosterRows(PEOPLE), new Date())
  addCeremony(db, { election: ELECTION }, PILKADA_2024)
  const opdId = db.prepare('SELECT id FROM opd WHERE key = ?').pluck().get(opdKey(OPD[6]!))
  setSigner(db, new Date(), opdId as number, {
    title: 'Plt. Kepala Dinas Urusan 07',
    name: 'Bambang Wijaya',
    pangkat: '',
    nip: '198001012005011002',
  })
  await page.reload()
  await openIkrar(page)

  await page.getByRole('button', { name: 'Atur pejabat daerah…' }).click()
  const leaders = page.getByRole('form', { name: 'Pejabat daerah' })
  for (const [i, [title, name, nip]] of [
    ['Pj. Bupati Contoh', 'Dr. H. Ahmad Fauzi, M.Si.', '19740502 199311 1 001'],
    ['Asisten Perekonomian dan Pembangunan', 'Siti Aminah', ''],
    ['Sekretaris Daerah', 'Ir. Joko Santoso', ''],
  ].entries()) {
    await leaders.getByRole('button', { name: 'Tambah pejabat' }).click()
    await leaders.getByLabel(`Jabatan pejabat ${i + 1}`).fill(title!)
    await leaders.getByLabel(`Nama pejabat ${i + 1}`).fill(name!)
    await leaders.getByLabel(`NIP pejabat ${i + 1}`).fill(nip!)
  }
  // The Sekda signs before the asisten: moved up one place.
  await leaders.getByTestId('leader-row').nth(2).getByRole('button', { name: 'Naik' }).click()
  await leaders.getByRole('button', { name: 'Simpan daftar pejabat' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'pejabat' })).toHaveText(
    'Daftar pejabat daerah disimpan.',
  )
  expect(db.prepare('SELECT title FROM regional_leader ORDER BY position').pluck().all()).toEqual([
    'Pj. Bupati Contoh',
    'Sekretaris Daerah',
    'Asisten Perekonomian dan Pembangunan',
  ])

  await page.getByRole('button', { name: 'Lembar penandatanganan…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Lembar penandatanganan ikrar' })
  await expect(sheet.getByTestId('declaration-summary')).toHaveText(
    '43 penanda tangan · teks yang akan dibacakan (belum dibacakan)',
  )
  const rows = sheet.getByTestId('signatory')
  await expect(rows).toHaveCount(43)
  await expect(rows.nth(0)).toContainText('Dr. H. Ahmad Fauzi, M.Si.')
  await expect(rows.nth(0)).toContainText(formatNip('197405021993111001'))
  await expect(rows.nth(1)).toContainText('Sekretaris Daerah')
  await expect(rows.nth(3)).toContainText('Kepala Dinas Urusan 01')
  await expect(rows.nth(9)).toContainText('Bambang Wijaya')
  await expect(sheet.getByTestId('declaration-point')).toHaveText(POINTS)
  await expect(sheet.getByTestId('declaration-place')).toHaveText(
    'Halaman Kantor Bupati, Senin, 30 September 2024',
  )

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeHidden()
  await expect(rows.first()).toBeVisible()
  const pdf = await page.pdf({ preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0
  // 43 rows of 13 mm under the text: more than one A4 page, and no blank pages after.
  expect(pages).toBeGreaterThanOrEqual(3)
  expect(pages).toBeLessThanOrEqual(4)

  if (!PDFTOTEXT) {
    console.log('[dilewati] pdftotext (poppler-utils) tidak terpasang: teks PDF tidak diperiksa')
    return
  }
  const file = path.join(dir, 'lembar.pdf')
  fs.writeFileSync(file, pdf)
  const text = pdfPages(file)
  expect(text).toHaveLength(pages)
  const all = text.join(' ')
  expect(all).toContain('LEMBAR PENANDATANGANAN IKRAR NETRALITAS')
  for (const point of POINTS) expect(all).toContain(point)
  for (const name of ['Dr. H. Ahmad Fauzi, M.Si.', 'Ir. Joko Santoso', 'Bambang Wijaya']) {
    expect(all).toContain(name)
  }
  expect(all).toContain('Kepala Dinas Urusan 40')
  // The table's header on every page, the rows numbered on across them.
  // ("Jabatan" and "Tanda Tangan" are written nowhere else on the sheet.)
  for (const p of text) {
    expect(p).toContain('Jabatan')
    expect(p).toContain('Tanda Tangan')
  }
  expect(text.at(-1)).toContain('43.')
})

test('who came after the ikrar began: counted at the gate and in the export Ikrar column', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  seedGate(db, { people: [BUDI, SITI] })
  const ceremonyId = db.prepare('SELECT id FROM ceremony').pluck().get() as number
  db.prepare('UPDATE ceremony SET election = ?').run(ELECTION)
  checkIn(db, ceremonyId, BUDI.nip, new Date(Date.now() - 60_000).toISOString())
  await page.reload()
  await page.getByRole('button', { name: 'Kehadiran', exact: true }).click()
  await expect(page.getByTestId('ikrar-after')).toHaveText('Ikrar: belum ada pembacaan')

  await openIkrar(page)
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByTestId('ikrar-reading')).toBeVisible()
  // Siti scans while the ikrar is being read: recorded, but she did not pledge with it.
  await page.evaluate(
    (nip) =>
      (
        globalThis as unknown as { kiosk: { invoke(c: string, i: unknown): Promise<unknown> } }
      ).kiosk.invoke('checkin.scan', { payload: nip, source: 'pemindai' }),
    SITI.nip,
  )
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('ikrar-reading')).toBeHidden()
  await page.getByRole('button', { name: 'Kehadiran', exact: true }).click()
  await expect(page.getByTestId('ikrar-after')).toHaveText('1 datang setelah ikrar dimulai')

  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  // The export runs in a worker thread; on a busy machine its start alone takes seconds.
  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toBeVisible({
    timeout: 30_000,
  })
  const date = db.prepare('SELECT date FROM ceremony').pluck().get() as string
  const folder = path.join(usb, `Kehadiran Apel Netralitas ${date}`)
  const ikrarOf = async (opd: string) => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(
      path.join(folder, `Kehadiran Apel Netralitas ${date} - ${opd}.xlsx`),
    )
    const data = workbook.getWorksheet('Data Kehadiran')!
    const header = data.getRow(1).values as ExcelJS.CellValue[]
    return data.getRow(2).getCell(header.indexOf('Ikrar')).value
  }
  expect(await ikrarOf(BUDI.opd)).toBe('Ikut ikrar')
  expect(await ikrarOf(SITI.opd)).toBe('Datang saat ikrar')
})

test('locked, the ikrar screen opens without the PIN; the sheet asks for it', async ({
  kiosk: { page, db },
}) => {
  seedGate(db, { people: [BUDI, SITI] })
  db.prepare('UPDATE ceremony SET election = ?').run(ELECTION)
  await page.reload()
  const invoke = (channel: string, input?: unknown) =>
    page.evaluate(
      ([c, i]) =>
        (
          globalThis as unknown as { kiosk: { invoke(c: string, i: unknown): Promise<unknown> } }
        ).kiosk.invoke(c as string, i),
      [channel, input] as const,
    )
  await openIkrar(page)
  await invoke('auth.setPin', { pin: '246810' })
  await invoke('auth.lock')
  // Back to the ikrar screen, as the officer comes to start the reading with the kiosk locked.
  await page.getByRole('button', { name: 'Beranda', exact: true }).click()
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await expect(page.getByRole('form', { name: 'Teks ikrar' })).toBeVisible()
  const pin = page.getByRole('form', { name: 'PIN petugas' })
  await expect(page.getByRole('button', { name: 'Lembar penandatanganan…' })).toBeVisible()
  await expect(pin).toBeHidden()
  await page.getByRole('button', { name: 'Lembar penandatanganan…' }).click()
  await pin.getByLabel('PIN').fill('246810')
  await pin.getByRole('button', { name: 'Buka kunci' }).click()
  const sheet = page.getByRole('dialog', { name: 'Lembar penandatanganan ikrar' })
  // No leaders yet: the heads of the two OPD of the apel.
  await expect(sheet.getByTestId('signatory')).toHaveText([/Kepala Dinas Sosial/, /Inspektur/])
})
