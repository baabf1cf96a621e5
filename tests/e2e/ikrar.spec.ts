import type { Page } from '@playwright/test'
import type { Db } from '../../src/main/db/connection'
import { findTemplate, listTemplates } from '../../src/main/ikrar/templates'
import { fillIkrar } from '../../src/shared/ikrar'
import { formatNip } from '../../src/shared/nip'
import { expect, test, type Kiosk } from './fixtures'
import { BUDI, seedGate } from './people'
import { scanWithKeyboardScanner } from './scanner'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'

const INSTANSI = 'Pemerintah Kabupaten Contoh'
/** The default text as stored, and as the crowd reads it for this 2024 Pilkada apel. */
const TEMPLATE = findTemplate('lima-butir')!
const PILKADA = fillIkrar(TEMPLATE, {
  instansi: INSTANSI,
  acara: 'Apel Netralitas ASN Pilkada 2024',
  pemilihan: 'Pilkada Serentak Tahun 2024',
})

function activeCeremony(db: Db): number {
  return addCeremony(db, { name: 'Apel Netralitas ASN Pilkada 2024' }, PILKADA_2024).id
}

async function openIkrar(page: Page) {
  await page.getByRole('button', { name: 'Ikrar', exact: true }).click()
  await expect(page.getByRole('form', { name: 'Teks ikrar' })).toBeVisible()
}

async function startReading(page: Page) {
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByTestId('ikrar-reading')).toBeVisible()
}

const progress = (page: Page) => page.getByTestId('ikrar-progress')
const current = (page: Page) => page.getByTestId('ikrar-current')

/** An active ceremony, a projector window showing nothing yet, then a reading started on the kiosk. */
async function readingOnProjector(kiosk: Kiosk): Promise<Page> {
  activeCeremony(kiosk.db)
  const projector = await kiosk.openWindow('#presenter')
  await expect(projector.getByTestId('ikrar-idle')).toBeVisible()
  await openIkrar(kiosk.page)
  await kiosk.page.getByLabel('Nama instansi').fill(INSTANSI)
  await startReading(kiosk.page)
  await expect(progress(projector)).toHaveText('Pembukaan')
  return projector
}

/** What the screen shows after a key, checked as the crowd would read it. */
async function expectPoint(page: Page, n: number, total = 5) {
  await expect(progress(page)).toHaveText(`Butir ${n} dari ${total}`)
  await expect(current(page)).toContainText(PILKADA.points[n - 1]!)
}

test('a clicker steps through every point and back; the reading is recorded', async ({
  kiosk: { page, db },
}) => {
  const ceremonyId = activeCeremony(db)
  await openIkrar(page)
  await page.getByRole('button', { name: 'Mulai pembacaan' }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Pembacaan belum bisa dimulai: teks ikrar memakai {instansi} (nama instansi) tetapi isinya masih kosong',
  )
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  await expect(page.getByTestId('ikrar-opening-preview')).toHaveText(
    `Dibacakan: Kami Aparatur Sipil Negara di lingkungan ${INSTANSI}, dengan ini berikrar:`,
  )
  await startReading(page)

  await expect(progress(page)).toHaveText('Pembukaan')
  await expect(current(page)).toHaveText(
    `Kami Aparatur Sipil Negara di lingkungan ${INSTANSI}, dengan ini berikrar:`,
  )
  await page.keyboard.press('PageDown')
  await expectPoint(page, 1)
  await page.keyboard.press('Space')
  await expectPoint(page, 2)
  await page.keyboard.press('ArrowRight')
  await expectPoint(page, 3)
  await expect(page.getByLabel('Butir yang sudah dibacakan').getByRole('listitem')).toHaveText([
    PILKADA.points[0]!,
    PILKADA.points[1]!,
  ])
  await page.keyboard.press('ArrowDown')
  await expectPoint(page, 4)
  await page.getByTestId('ikrar-fit').click()
  await expectPoint(page, 5)
  await page.keyboard.press('PageDown')
  await expectPoint(page, 5)
  await expect(page.getByRole('status')).toHaveText(
    'Ikrar selesai dibacakan. Tekan Esc untuk menutup.',
  )

  await page.keyboard.press('PageUp')
  await expectPoint(page, 4)
  await page.keyboard.press('ArrowLeft')
  await expectPoint(page, 3)
  await page.keyboard.press('ArrowUp')
  await expectPoint(page, 2)
  await page.keyboard.press('Home')
  await expect(progress(page)).toHaveText('Pembukaan')
  await page.keyboard.press('End')
  await expectPoint(page, 5)

  // Keys a reading does not use change nothing and leave nothing.
  for (const key of ['Tab', 'Enter', 'a', 'Backspace']) await page.keyboard.press(key)
  await expectPoint(page, 5)
  await expect(page.getByTestId('ikrar-reading')).toBeVisible()

  await page.getByRole('button', { name: 'Tampilkan semua butir' }).click()
  const all = page.getByTestId('ikrar-fit').getByRole('listitem')
  await expect(all).toHaveText(PILKADA.points)
  await expect(current(page)).toHaveText(PILKADA.points[4]!)
  await page.keyboard.press('PageUp')
  await expect(current(page)).toHaveText(PILKADA.points[3]!)
  await expect(progress(page)).toHaveText('Butir 4 dari 5')

  await page.keyboard.press('Escape')
  await expect(page.getByTestId('ikrar-reading')).toBeHidden()
  await expect(page.getByTestId('ikrar-readings')).toContainText('selesai')

  const row = db
    .prepare('SELECT started_at, ended_at, text FROM ikrar_reading WHERE ceremony_id = ?')
    .get(ceremonyId) as { started_at: string; ended_at: string; text: string }
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
  expect(row.started_at).toMatch(iso)
  expect(row.ended_at).toMatch(iso)
  expect(Date.parse(row.ended_at)).toBeGreaterThanOrEqual(Date.parse(row.started_at))
  expect(Date.now() - Date.parse(row.started_at)).toBeLessThan(60_000)
  const text = JSON.parse(row.text) as { opening: string; points: string[] }
  expect(text.opening).toContain(INSTANSI)
  expect(text.points).toEqual(PILKADA.points)
  expect(
    db.prepare('SELECT instansi FROM ceremony_ikrar WHERE ceremony_id = ?').pluck().get(ceremonyId),
  ).toBe(INSTANSI)
})

test('edits go to the ceremony copy: reorder, remove, add, reword, and a template switch', async ({
  kiosk: { page, db },
}) => {
  const ceremonyId = activeCeremony(db)
  await openIkrar(page)
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  await page.getByRole('button', { name: 'Turunkan butir 1' }).click()
  await page.getByRole('button', { name: 'Hapus butir 5' }).click()
  await page.getByRole('button', { name: 'Tambah butir' }).click()
  await page
    .getByLabel('Butir 5', { exact: true })
    .fill('Menjaga persatuan dan kesatuan di {instansi}.')
  await page.getByLabel('Butir 4', { exact: true }).fill('Menolak politik uang.')
  await page.getByLabel('Kalimat penutup').fill('Demikian ikrar ini kami baca pada {acara}.')
  await page.getByRole('button', { name: 'Simpan ikrar' }).click()
  await expect(page.getByRole('status')).toHaveText('Teks ikrar disimpan untuk acara ini.')

  const stored = () =>
    JSON.parse(
      db
        .prepare('SELECT points FROM ceremony_ikrar WHERE ceremony_id = ?')
        .pluck()
        .get(ceremonyId) as string,
    ) as string[]
  expect(stored()).toEqual([
    TEMPLATE.points[1],
    TEMPLATE.points[0],
    TEMPLATE.points[2],
    'Menolak politik uang.',
    'Menjaga persatuan dan kesatuan di {instansi}.',
  ])
  expect(findTemplate('lima-butir')).toEqual(TEMPLATE)

  await startReading(page)
  await page.keyboard.press('End')
  await expect(progress(page)).toHaveText('Penutup')
  await expect(current(page)).toHaveText(
    'Demikian ikrar ini kami baca pada Apel Netralitas ASN Pilkada 2024.',
  )
  await page.keyboard.press('PageUp')
  await expect(progress(page)).toHaveText('Butir 5 dari 5')
  await expect(current(page)).toHaveText(`5. Menjaga persatuan dan kesatuan di ${INSTANSI}.`)
  await page.keyboard.press('Escape')

  await page.getByLabel('Template').selectOption({ label: 'Pemilu dan Pemilihan 2024 (4 butir)' })
  await page.getByRole('button', { name: 'Ganti dengan template ini' }).click()
  await expect(page.getByRole('status')).toContainText('Pemilu dan Pemilihan 2024')
  await expect(page.getByTestId('ikrar-point-row')).toHaveCount(4)
  await expect(page.getByLabel('Nama instansi')).toHaveValue(INSTANSI)
  expect(stored()).toEqual(findTemplate('pemilu-2024')!.points)

  await page.getByLabel('Butir 2', { exact: true }).fill('Salah ketik {instnasi}.')
  await page.getByRole('button', { name: 'Simpan ikrar' }).click()
  await expect(page.getByRole('alert')).toContainText('Penanda {instnasi} tidak dikenal')
})

/** The longest point any shipped template reads: the hardest case for the fit. */
const LONGEST = listTemplates()
  .flatMap((t) => t.points.map((p, i) => ({ template: t.id, step: i + 1, text: p })))
  .reduce((a, b) => (b.text.length > a.text.length ? b : a))

interface Fit {
  fontSize: number
  overflow: string[]
}

/** Sizes in CSS pixels, compared with the viewport: nothing hidden, nothing off screen. */
async function measureFit(page: Page): Promise<Fit> {
  const overflow: string[] = []
  const viewport = page.viewportSize()!
  const box = page.getByTestId('ikrar-fit')
  const m = await box.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
    fontSize: parseFloat(el.style.fontSize),
  }))
  if (m.scrollHeight > m.clientHeight) overflow.push(`tinggi ${m.scrollHeight}>${m.clientHeight}`)
  if (m.scrollWidth > m.clientWidth) overflow.push(`lebar ${m.scrollWidth}>${m.clientWidth}`)
  const contentHeight = await page.getByTestId('ikrar-reading').evaluate((el) => el.scrollHeight)
  if (contentHeight > viewport.height) overflow.push(`layar ${contentHeight}>${viewport.height}`)
  const outer = (await box.boundingBox())!
  for (const part of await box.locator('h2, p, li').all()) {
    const r = (await part.boundingBox())!
    const text = (await part.textContent())?.slice(0, 30)
    if (r.y < outer.y - 0.5 || r.y + r.height > outer.y + outer.height + 0.5)
      overflow.push(`keluar kotak: ${text}`)
    if (r.x < 0 || r.x + r.width > viewport.width || r.y + r.height > viewport.height)
      overflow.push(`keluar layar: ${text}`)
  }
  return { fontSize: m.fontSize, overflow }
}

async function expectFitted(page: Page, width: number, height: number, minFont: number) {
  await page.setViewportSize({ width, height })
  // The refit runs on the ResizeObserver's next frame: wait until the size settles and holds.
  await expect
    .poll(async () => {
      const m = await measureFit(page)
      return m.overflow.length === 0 && m.fontSize >= minFont
    })
    .toBe(true)
  const fit = await measureFit(page)
  expect(fit.overflow).toEqual([])
  test
    .info()
    .annotations.push({ type: 'huruf', description: `${width}x${height}: ${fit.fontSize}px` })
  return fit.fontSize
}

test('the longest shipped point fills 1366x768 and 3840x2160 without overflowing', async ({
  kiosk: { page, db },
}) => {
  activeCeremony(db)
  await openIkrar(page)
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  const title = listTemplates().find((t) => t.id === LONGEST.template)!.title
  await page.getByLabel('Template').selectOption({ label: title })
  if (LONGEST.template !== TEMPLATE.id) {
    await page.getByRole('button', { name: 'Ganti dengan template ini' }).click()
    // Started before main's answer re-keys the editor, the reading would save the old draft
    // (the previous template's text) over the switch: under load that click came first.
    await expect(page.getByText(`Sekarang: ${title}`)).toBeVisible()
  }
  await startReading(page)
  for (let i = 0; i < LONGEST.step; i++) await page.keyboard.press('PageDown')
  await expect(current(page)).toContainText(LONGEST.text)

  const laptop = await expectFitted(page, 1366, 768, 40)
  const tv = await expectFitted(page, 3840, 2160, 110)
  expect(tv).toBeGreaterThan(laptop * 2.5)

  await page.keyboard.press('End')
  await page.getByRole('button', { name: 'Tampilkan semua butir' }).click()
  await expect(page.getByTestId('ikrar-fit').getByRole('listitem')).toHaveCount(
    findTemplate(LONGEST.template)!.points.length,
  )
  await expectFitted(page, 3840, 2160, 40)
  await expectFitted(page, 1366, 768, 16)
})

test('a point three times longer than any shipped one still fits the laptop screen', async ({
  kiosk: { page, db },
}) => {
  activeCeremony(db)
  await openIkrar(page)
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  const long = PILKADA.points.join(' ')
  expect(long.length).toBeGreaterThan(LONGEST.text.length * 3)
  await page.getByLabel('Butir 1', { exact: true }).fill(long)
  await startReading(page)
  await page.keyboard.press('PageDown')
  await expect(current(page)).toContainText(long)
  await expectFitted(page, 1366, 768, 16)
})

test('the projector window follows the reading led from the kiosk', async ({ kiosk }) => {
  const { page } = kiosk
  const projector = await readingOnProjector(kiosk)
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  await expectPoint(projector, 2)
  await page.getByRole('button', { name: 'Tampilkan semua butir' }).click()
  await expect(projector.getByTestId('ikrar-fit').getByRole('listitem')).toHaveCount(5)

  // A key pressed on the projector window does nothing: it only follows.
  await projector.keyboard.press('PageDown')
  await expect(progress(page)).toHaveText('Butir 2 dari 5')

  await page.keyboard.press('Escape')
  await expect(projector.getByTestId('ikrar-idle')).toBeVisible()
})

test('both windows follow the reading by events: no call at all while it stands still', async ({
  kiosk,
}) => {
  const { page } = kiosk
  const projector = await readingOnProjector(kiosk)

  // Three seconds of a reading standing still: the 150 ms poll made about 40 calls here.
  const idle = kiosk.calls('ikrar.reading')
  await page.waitForTimeout(3000)
  expect(kiosk.calls('ikrar.reading') - idle, 'ikrar.reading selama diam').toBe(0)

  // Each move reaches the projector as main's event: still no window asks for the reading.
  const moved = Date.now()
  await page.keyboard.press('PageDown')
  await expectPoint(projector, 1)
  const followMs = Date.now() - moved
  await page.keyboard.press('PageDown')
  await expectPoint(projector, 2)
  expect(kiosk.calls('ikrar.reading') - idle, 'ikrar.reading saat berpindah').toBe(0)
  test.info().annotations.push({
    type: 'proyektor mengikuti',
    description: `${followMs} ms dari tombol sampai butir tampil di proyektor`,
  })

  // Ended in the kiosk window: the projector goes quiet by the same event.
  await page.keyboard.press('Escape')
  await expect(projector.getByTestId('ikrar-idle')).toBeVisible()
  await expect(page.getByTestId('ikrar-reading')).toHaveCount(0)
  expect(kiosk.calls('ikrar.reading') - idle).toBe(0)
})

test.describe('with a projector connected', () => {
  test.use({ presenterShown: true })

  test('the kiosk shows the officer the current point, the next one and the time', async ({
    kiosk,
  }) => {
    const { page, db } = kiosk
    const ceremonyId = activeCeremony(db)
    const projector = await kiosk.openWindow('#presenter')
    await openIkrar(page)
    await page.getByLabel('Nama instansi').fill(INSTANSI)
    await page.getByRole('button', { name: 'Mulai pembacaan' }).click()

    const officer = page.getByTestId('ikrar-officer')
    await expect(officer).toContainText('Proyektor menampilkan ikrar')
    await expect(page.getByTestId('ikrar-reading')).toHaveCount(0)
    await expect(officer.locator('.ikrar-officer-now')).toContainText(INSTANSI)
    await expect(officer.locator('.ikrar-officer-next')).toHaveText(`1. ${PILKADA.points[0]}`)
    await expect(page.getByLabel('Lama pembacaan')).toHaveText(/^00:0\d$/)

    await page.keyboard.press('PageDown')
    await expect(progress(page)).toHaveText('Butir 1 dari 5')
    await expect(officer.locator('.ikrar-officer-now')).toHaveText(`1. ${PILKADA.points[0]}`)
    await expect(officer.locator('.ikrar-officer-next')).toHaveText(`2. ${PILKADA.points[1]}`)
    await expectPoint(projector, 1)

    await page.keyboard.press('End')
    await expect(officer.locator('.ikrar-officer-next')).toHaveText('(akhir ikrar)')
    await expectPoint(projector, 5)
    await page.keyboard.press('Escape')
    await expect(officer).toBeHidden()
    await expect(projector.getByTestId('ikrar-idle')).toBeVisible()
    expect(
      db
        .prepare(
          'SELECT count(*) FROM ikrar_reading WHERE ceremony_id = ? AND ended_at IS NOT NULL',
        )
        .pluck()
        .get(ceremonyId),
    ).toBe(1)
  })
})

test('check-in stays live during the reading: a late arrival is recorded and the page does not turn', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await openIkrar(page)
  await page.getByLabel('Nama instansi').fill(INSTANSI)
  await startReading(page)
  await page.keyboard.press('PageDown')
  await expect(progress(page)).toHaveText('Butir 1 dari 5')

  // A 2D scanner reading a printed "NIP. 19740502 199311 1 001": its spaces must not turn pages.
  await scanWithKeyboardScanner(page, `NIP. ${formatNip(BUDI.nip)}`)
  await expect(page.locator('.outcome-toast')).toContainText(BUDI.name)
  await expect(progress(page)).toHaveText('Butir 1 dari 5')
  expect(db.prepare('SELECT source FROM checkin WHERE nip = ?').pluck().get(BUDI.nip)).toBe(
    'pemindai',
  )

  await page.keyboard.press('Escape')
  await expect(page.getByTestId('ikrar-reading')).toBeHidden()
  await page.getByRole('button', { name: 'Kehadiran' }).click()
  await expect(page.getByTestId('arrival').filter({ hasText: BUDI.name })).toBeVisible()
})
