import type { Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { decodeForm, formSecret } from '../../src/main/pakta/payload'
import { getPaktaCopy, savePaktaCopy } from '../../src/main/pakta/repository'
import { applyRoster } from '../../src/main/roster/repository'
import { OUTCOME_LOOKS } from '../../src/renderer/src/checkin/outcome'
import { formatNip } from '../../src/shared/nip'
import { rosterRow } from '../fixtures/roster-row'
import { contrast, deltaE, parseCssColour, seenLab, VISIONS, type Vision } from './colour'
import { expect, test } from './fixtures'
import { SIGNERS, seedPakta } from './pakta-people'
import { decodeQr } from './qr-decode'
import { scanWithKeyboardScanner } from './scanner'

/** Renders PDF pages to PNG with poppler's pdftoppm; `crop` in millimetres at 150 dpi. */
function renderPages(pdf: string, crop?: { x: number; y: number; w: number; h: number }) {
  const dpi = 150
  const px = (mm: number) => String(Math.round((mm / 25.4) * dpi))
  const out = path.join(path.dirname(pdf), crop ? 'qr' : 'page')
  const args = ['-png', '-r', String(dpi)]
  if (crop) args.push('-x', px(crop.x), '-y', px(crop.y), '-W', px(crop.w), '-H', px(crop.h))
  const r = spawnSync('pdftoppm', [...args, pdf, out], { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr || r.error}`)
  return fs
    .readdirSync(path.dirname(pdf))
    .filter((f) => f.startsWith(path.basename(out)) && f.endsWith('.png'))
    .sort()
    .map((f) => fs.readFileSync(path.join(path.dirname(pdf), f)))
}

/** The text of one PDF page, as poppler's pdftotext reads it. */
function pageText(pdf: string, page: number): string {
  const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (r.status !== 0) throw new Error(`pdftotext: ${r.stderr}`)
  return r.stdout
}

async function openPakta(page: Page) {
  await page.reload()
  await page.getByRole('button', { name: 'Pakta', exact: true }).click()
}

async function startReceiving(page: Page, officer = 'Rina (BKPSDM)') {
  await page.getByLabel('Nama petugas penerima').fill(officer)
  await page.getByRole('button', { name: 'Mulai menerima pakta' }).click()
  await expect(page.getByTestId('pakta-mode')).toContainText(`Penerima: ${officer}`)
}

test('a pakta batch prints to PDF one whole A4 page per ASN, and every QR names its own person', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  seedPakta(db)
  await openPakta(page)
  await page.getByLabel('Formulir untuk').selectOption('semua')
  await page.getByRole('button', { name: 'Cetak formulir pakta…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak formulir pakta' })
  await expect(sheet.getByTestId('print-summary')).toHaveText('3 formulir · 3 halaman A4')
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeEnabled()
  const forms = sheet.getByTestId('pakta-form')
  await expect(forms).toHaveCount(3)
  // Every form fits its page: no warning above the sheet.
  await expect(sheet.getByRole('alert')).toHaveCount(0)
  // Empty roster fields print as a line to write on, filled ones as they are.
  await expect(forms.nth(0)).toContainText('Pangkat/Golongan:....')
  await expect(forms.nth(1)).toContainText('Penata, III/c')

  // Cut-free: in print, every form's content ends inside its own page, 10 mm clear of its
  // bottom edge (past any printer's unprintable margin).
  await page.emulateMedia({ media: 'print' })
  const overflow = await forms.evaluateAll((pages) =>
    pages.map((p) => {
      const box = p.getBoundingClientRect()
      const bottom = Math.max(...[...p.children].map((c) => c.getBoundingClientRect().bottom))
      return { fits: bottom <= box.bottom - (10 / 25.4) * 96, height: Math.round(box.height) }
    }),
  )
  expect(
    overflow.every((o) => o.fits),
    JSON.stringify(overflow),
  ).toBe(true)

  const pdf = path.join(dir, 'pdf', 'pakta.pdf')
  fs.mkdirSync(path.dirname(pdf))
  fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })

  const pages = renderPages(pdf)
  expect(pages).toHaveLength(SIGNERS.length)
  // The QR sits in the top right corner of each page (see styles.css, .pakta-qr).
  const codes = renderPages(pdf, { x: 150, y: 0, w: 60, h: 50 })
  expect(codes).toHaveLength(SIGNERS.length)
  const secret = formSecret(db)
  for (const [i, person] of SIGNERS.entries()) {
    const decoded = decodeForm(await decodeQr(codes[i]!), secret)
    expect(decoded.ok && decoded.form.nip, `halaman ${i + 1}`).toBe(person.nip)
    // Lines as the PDF wraps them, joined again.
    const text = pageText(pdf, i + 1).replace(/\s+/g, ' ')
    expect(text).toContain('PAKTA INTEGRITAS NETRALITAS ASN')
    expect(text.toUpperCase()).toContain('DALAM PENYELENGGARAAN PEMILIHAN SERENTAK TAHUN 2024')
    expect(text).toContain(person.name)
    expect(text).toContain(`NIP. ${formatNip(person.nip)}`)
    expect(text).toContain('Yang membuat pernyataan,')
  }
})

test('a returned form scanned with the scanner is counted once, refusals say why, and the export reads it back', async ({
  kiosk,
}) => {
  const { page, db, dir } = kiosk
  const { ceremonyId } = seedPakta(db)
  await openPakta(page)
  await page.getByLabel('Formulir untuk').selectOption('semua')
  await page.getByRole('button', { name: 'Cetak formulir pakta…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak formulir pakta' })
  await expect(sheet.getByTestId('pakta-form')).toHaveCount(3)
  // The code on Budi's form, read off the sheet by the camera's decoder: what a scanner types.
  const budi = SIGNERS[2]
  const qr = sheet.locator(`[data-testid="pakta-form"][data-nip="${budi.nip}"] .pakta-qr svg`)
  const budiCode = await decodeQr(await qr.screenshot())
  const decoded = decodeForm(budiCode, formSecret(db))
  expect(decoded.ok && decoded.form).toEqual({
    ceremonyId,
    formId: db
      .prepare('SELECT id FROM pakta_form WHERE ceremony_id = ? AND nip = ?')
      .pluck()
      .get(ceremonyId, budi.nip),
    nip: budi.nip,
  })
  await sheet.getByRole('button', { name: 'Tutup' }).click()

  await expect(page.getByTestId('pakta-total')).toContainText('0 dari 3 ASN')
  await startReceiving(page)
  const outcome = page.getByTestId('outcome')
  await expect(outcome).toHaveAttribute('data-kind', 'ready')
  await expect(outcome).toContainText('QR formulir pakta')

  await scanWithKeyboardScanner(page, budiCode)
  await expect(outcome).toHaveAttribute('data-kind', 'pakta-received')
  await expect(outcome).toContainText('PAKTA DITERIMA')
  await expect(outcome).toContainText(budi.name)
  await expect(page.getByTestId('pakta-total')).toContainText('1 dari 3 ASN')
  expect(db.prepare('SELECT nip, source, received_by FROM pakta_receipt').all()).toEqual([
    { nip: budi.nip, source: 'pemindai', received_by: 'Rina (BKPSDM)' },
  ])

  await scanWithKeyboardScanner(page, budiCode)
  await expect(outcome).toHaveAttribute('data-kind', 'pakta-duplicate')
  await expect(outcome).toContainText('PAKTA SUDAH DITERIMA')

  // A NIP card in this mode is named for what it is, and nobody is checked in by it.
  await scanWithKeyboardScanner(page, SIGNERS[0].nip)
  await expect(outcome).toHaveAttribute('data-kind', 'pakta-refused')
  await expect(outcome).toContainText('INI KARTU NIP, BUKAN FORMULIR PAKTA')
  // A changed form (another form id under Budi's code) is refused too.
  await scanWithKeyboardScanner(page, budiCode.replace(/^(PAKTA1:\d+:)\d+/, '$19'))
  await expect(outcome).toContainText('Kode formulir tidak sah')
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)
  expect(db.prepare('SELECT count(*) FROM pakta_receipt').pluck().get()).toBe(1)

  // Leaving the screen ends the mode: at the gate the scanner checks people in again, and a
  // pakta form shown there is named as one.
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await scanWithKeyboardScanner(page, SIGNERS[0].nip)
  await expect(outcome).toHaveAttribute('data-kind', 'recorded')
  await scanWithKeyboardScanner(page, budiCode)
  await expect(outcome).toContainText('Ini formulir pakta integritas, bukan kartu NIP')

  // The reminder list of Dinas Sosial names both of its people.
  await page.getByRole('button', { name: 'Pakta', exact: true }).click()
  await page.getByRole('button', { name: 'Dinas Sosial' }).click()
  await page.getByRole('button', { name: 'Cetak daftar pengingat…' }).click()
  const reminder = page.getByTestId('pakta-reminder')
  await expect(reminder).toContainText('sudah mengembalikan 0 dari 2 ASN')
  await expect(reminder.locator('tbody tr')).toHaveCount(2)
  await page
    .getByRole('dialog', { name: 'Cetak daftar pengingat pakta' })
    .getByRole('button', { name: 'Tutup' })
    .click()

  // Rina's signed form came back with its QR torn: the officer marks it from the list.
  await page.getByRole('button', { name: `Tandai pakta ${SIGNERS[0].name} diterima` }).click()
  await expect(page.getByTestId('pakta-total')).toContainText('2 dari 3 ASN')
  expect(
    db.prepare('SELECT source FROM pakta_receipt WHERE nip = ?').pluck().get(SIGNERS[0].nip),
  ).toBe('manual')

  // The export's Pakta column, read back by openpyxl (not the exceljs that wrote it).
  const usb = path.join(dir, 'usb')
  fs.mkdirSync(usb)
  kiosk.pickExportFolder(usb)
  await page.getByRole('button', { name: 'Ekspor', exact: true }).click()
  await page.getByRole('button', { name: 'Ekspor ke folder…' }).click()
  // The export runs in a worker thread; a loaded 2-core machine takes a while to start one.
  await expect(page.getByRole('status').filter({ hasText: 'Ekspor selesai' })).toBeVisible({
    timeout: 45_000,
  })
  const [folder] = fs.readdirSync(usb)
  const recap = fs.readdirSync(path.join(usb, folder!)).find((f) => f.startsWith('Rekap'))!
  const read = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def table(ws):
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r)) for r in rows[1:]]
print(json.dumps({
  "sheets": wb.sheetnames,
  "pakta": [[r["OPD"], r["Sudah Mengembalikan"], r["Belum"]] for r in table(wb["Rekap Pakta"])],
  "inspektorat": [[r["Nama"], r["Pakta"]] for r in table(wb["Inspektorat"])],
  "sosial": [[r["Nama"], r["Pakta"]] for r in table(wb["Dinas Sosial"])],
}))`,
      path.join(usb, folder!, recap),
    ],
    { encoding: 'utf8', timeout: 60_000 },
  )
  expect(read.status, read.stderr).toBe(0)
  expect(JSON.parse(read.stdout)).toEqual({
    sheets: [
      'Rekap',
      'Rekap Ikrar',
      'Rekap Pakta',
      'Dinas Sosial',
      'Inspektorat',
      'Percobaan Pindai',
      'Keaslian',
    ],
    pakta: [
      ['Dinas Sosial', 1, 1],
      ['Inspektorat', 1, 0],
      ['Jumlah', 2, 1],
    ],
    inspektorat: [[budi.name, 'Diterima']],
    sosial: [
      [SIGNERS[0].name, 'Diterima'],
      [SIGNERS[1].name, 'Belum'],
    ],
  })
})

test('the received-pakta look is a colour of its own beside every other outcome, for colour-blind eyes too', async ({
  kiosk: { page },
}) => {
  // Every look's banner as the stylesheet paints it, read from real elements.
  const painted = await page.evaluate(
    (looks) => {
      const g = globalThis as unknown as {
        document: { createElement(t: string): { className: string; remove(): void } } & {
          body: { append(e: unknown): void }
        }
        getComputedStyle(e: unknown): { backgroundColor: string; color: string }
      }
      return looks.map((look) => {
        const el = g.document.createElement('div')
        el.className = `outcome outcome-${look}`
        g.document.body.append(el)
        const { backgroundColor, color } = g.getComputedStyle(el)
        el.remove()
        return { look, background: backgroundColor, text: color }
      })
    },
    [...OUTCOME_LOOKS, 'ready'],
  )
  const pakta = painted.find((p) => p.look === 'pakta')!
  expect(contrast(parseCssColour(pakta.background), parseCssColour(pakta.text))).toBeGreaterThan(
    4.5,
  )
  for (const vision of Object.keys(VISIONS) as Vision[]) {
    for (const other of painted.filter((p) => p.look !== 'pakta')) {
      const d = deltaE(
        seenLab(parseCssColour(pakta.background), vision),
        seenLab(parseCssColour(other.background), vision),
      )
      expect(d, `pakta / ${other.look} (${vision})`).toBeGreaterThan(15)
    }
  }
})

test('more forms than one print job holds are printed in parts, each whole', async ({ kiosk }) => {
  const { page, db } = kiosk
  const { ceremonyId } = seedPakta(db)
  // 517 more ASN in one OPD: 520 forms, parts of 500 and 20.
  const nipFor = (i: number) =>
    `19${String(700101 + (i % 28)).slice(0, 6)}2005011${String(100 + Math.floor(i / 28)).padStart(3, '0')}`
  applyRoster(
    db,
    [
      ...SIGNERS.map((p) => rosterRow(p.nip, p.name, p.opd)),
      ...Array.from({ length: 517 }, (_, i) =>
        rosterRow(nipFor(i), `Pegawai ${String(i).padStart(3, '0')}`, 'Dinas Pendidikan'),
      ),
    ],
    new Date(),
  )
  await openPakta(page)
  await expect(page.getByTestId('pakta-total')).toContainText('dari 520 ASN')
  await page.getByRole('button', { name: 'Cetak formulir pakta…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak formulir pakta' })
  await expect(sheet.getByTestId('pakta-part')).toHaveText('Bagian 1 dari 2: formulir 1–500')
  await expect(sheet.getByRole('button', { name: 'Cetak…' })).toBeEnabled({ timeout: 60_000 })
  await expect(sheet.getByTestId('pakta-form')).toHaveCount(500)
  await sheet.getByRole('button', { name: 'Bagian berikutnya' }).click()
  await expect(sheet.getByTestId('pakta-part')).toHaveText('Bagian 2 dari 2: formulir 501–520')
  await expect(sheet.getByTestId('pakta-form')).toHaveCount(20)
  // Every person once across the parts, each with their own form.
  expect(
    db
      .prepare('SELECT count(DISTINCT employee_id) FROM pakta_form WHERE ceremony_id = ?')
      .pluck()
      .get(ceremonyId),
  ).toBe(520)
})

test('a text too long for one A4 page is said before printing, not found cut on paper', async ({
  kiosk,
}) => {
  const { page, db } = kiosk
  const { ceremonyId } = seedPakta(db)
  const { ceremonyId: _c, templateId: _t, updatedAt: _u, ...fields } = getPaktaCopy(db, ceremonyId)
  savePaktaCopy(db, new Date(), ceremonyId, {
    ...fields,
    points: Array.from({ length: 20 }, (_, i) => `${fields.points[i % fields.points.length]}`),
  })
  await openPakta(page)
  await page.getByLabel('Formulir untuk').selectOption('semua')
  await page.getByRole('button', { name: 'Cetak formulir pakta…' }).click()
  const sheet = page.getByRole('dialog', { name: 'Cetak formulir pakta' })
  await expect(sheet.getByRole('alert')).toHaveText(
    /^3 formulir tidak muat di satu halaman A4 .*persingkat teks pakta/,
  )
})
