import type { Page } from '@playwright/test'
import type { KioskBridge } from '../../src/shared/contract'
import { formatNip } from '../../src/shared/nip'
import { OVERLAY_MS } from '../../src/renderer/src/checkin/outcome'
import { catchTimers, holdCalls, landWithFirstTimer } from './busy-page'
import { expect, test } from './fixtures'
import { BUDI, RINA, seedGate, SITI, STRANGER } from './people'
import { scanWithKeyboardScanner } from './scanner'

/** The main menu's tab (the home screen has buttons of the same names). */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menu utama' }).getByRole('button', { name }).click()

const liveCheckins = (db: import('../../src/main/db/connection').Db) =>
  db.prepare('SELECT nip, source FROM checkin WHERE cancelled_at IS NULL ORDER BY id').all()

test('a scan on another screen is a check-in shown in an overlay, and its search box keeps nothing of it', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db)
  await page.reload()
  await nav(page, 'Data Pegawai')
  const search = page.getByLabel('Cari nama atau NIP', { exact: true })
  await search.fill('Sit')

  // A slow Bluetooth scanner, 60 ms a key: its keys reach the search box until Enter proves a scan.
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 60 })
  const overlay = page.getByTestId('scan-overlay')
  await expect(overlay).toHaveAttribute('data-kind', 'recorded')
  await expect(overlay).toContainText('TERCATAT')
  await expect(overlay).toContainText(BUDI.name)
  await expect(overlay).toContainText(formatNip(BUDI.nip))
  await expect(search).toHaveValue('Sit')
  expect(liveCheckins(db)).toEqual([{ nip: BUDI.nip, source: 'pemindai' }])
  // It fades by itself.
  await expect(overlay).toBeHidden({ timeout: 8000 })

  // A person typing a name and Enter stays typing.
  await search.fill('')
  await search.pressSequentially('Rina', { delay: 80 })
  await search.press('Enter')
  await expect(search).toHaveValue('Rina')
  await expect(overlay).toBeHidden()
  // A quick typist's rollover (20 ms a key) is never held back from the box, nor taken for a scan.
  await search.fill('')
  await scanWithKeyboardScanner(page, 'Budi', { gapMs: 20, suffix: null })
  await page.waitForTimeout(800)
  await expect(search).toHaveValue('Budi')
  await expect(overlay).toBeHidden()

  // On Ekspor with nothing focused, a USB scanner ending in Tab: same queue, same record.
  await nav(page, 'Ekspor')
  await scanWithKeyboardScanner(page, `NIP. ${formatNip(SITI.nip)}`, { suffix: 'Tab' })
  await expect(overlay).toContainText(SITI.name)
  // Scanned again elsewhere: said, not recorded twice.
  await scanWithKeyboardScanner(page, SITI.nip, { gapMs: 60 })
  await expect(overlay).toHaveAttribute('data-kind', 'duplicate')
  expect(liveCheckins(db)).toHaveLength(2)

  // The gate screen counts what was scanned elsewhere, and a scan there shows in its banner.
  await nav(page, 'Kehadiran')
  await expect(page.getByTestId('present-total')).toHaveText('2 / 3')
  await scanWithKeyboardScanner(page, RINA.nip, { gapMs: 60 })
  await expect(page.getByTestId('outcome')).toContainText(RINA.name)
  await expect(page.getByTestId('present-total')).toHaveText('3 / 3')
  await expect(overlay).toBeHidden()
  expect(errors).toEqual([])
})

test('a scan while the officer edits a form is refused out loud, and the form keeps what was typed', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db)
  await page.reload()
  await nav(page, 'Data Pegawai')
  await page.getByRole('button', { name: 'Tambah pegawai non-ASN' }).click()
  const form = page.getByRole('form', { name: 'Tambah pegawai non-ASN' })
  const name = form.getByLabel('Nama')
  await name.fill('Andi')
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 60 })
  const overlay = page.getByTestId('scan-overlay')
  await expect(overlay).toHaveAttribute('data-kind', 'refused')
  await expect(overlay).toContainText('Pindaian tidak dicatat: buka layar Kehadiran')
  await expect(name).toHaveValue('Andi')
  await expect(name).toBeFocused()
  expect(liveCheckins(db)).toEqual([])

  // A fast USB scanner is refused the same way.
  await scanWithKeyboardScanner(page, SITI.nip)
  await expect(overlay).toHaveAttribute('data-kind', 'refused')
  await expect(name).toHaveValue('Andi')
  expect(liveCheckins(db)).toEqual([])
  expect(errors).toEqual([])
})

test('with no active ceremony, a scanner on another screen is plain typing (a card finds its person)', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  db.prepare("DELETE FROM setting WHERE key = 'active_ceremony_id'").run()
  await page.reload()
  await nav(page, 'Data Pegawai')
  const search = page.getByLabel('Cari nama atau NIP', { exact: true })
  await search.focus()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(search).toHaveValue(BUDI.nip)
  await expect(page.getByRole('row', { name: new RegExp(BUDI.name) })).toBeVisible()
  await expect(page.getByTestId('scan-overlay')).toBeHidden()
  expect(liveCheckins(db)).toEqual([])
})

test('an inactive employee who scans is recorded, told so, and counted as tidak terdaftar', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db)
  db.prepare('UPDATE employee SET active = 0 WHERE nip = ?').run(RINA.nip)
  await page.reload()
  await expect(page.getByTestId('present-total')).toHaveText('0 / 2')
  await scanWithKeyboardScanner(page, RINA.nip)
  const banner = page.getByTestId('outcome')
  await expect(banner).toContainText('TERCATAT, TIDAK TERDAFTAR')
  await expect(banner).toContainText(RINA.name)
  await expect(banner).toContainText('Pegawai nonaktif di data pegawai')
  await expect(page.getByTestId('unregistered-total')).toHaveText('1')
  await expect(page.getByTestId('present-total')).toHaveText('0 / 2')
  expect(errors).toEqual([])
})

test('an unknown NIP is registered from the banner behind the PIN, and its arrival then counts in that OPD', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db, { late: true })
  await page.reload()
  await nav(page, 'Beranda')
  const card = page.getByRole('form', { name: 'Buat PIN petugas' })
  await card.getByLabel('PIN baru (6–8 angka)').fill('246810')
  await card.getByLabel('Ulangi PIN').fill('246810')
  await card.getByRole('button', { name: 'Simpan PIN' }).click()
  await page.getByRole('button', { name: 'Kunci' }).click()

  await nav(page, 'Kehadiran')
  await scanWithKeyboardScanner(page, STRANGER)
  const banner = page.getByTestId('outcome')
  await expect(banner).toContainText('NIP TIDAK TERDAFTAR')
  await expect(page.getByTestId('unregistered-total')).toHaveText('1')
  await banner.getByRole('button', { name: 'Daftarkan pegawai ini' }).click()

  const form = page.getByRole('form', { name: 'Daftarkan NIP' })
  await expect(form).toContainText(formatNip(STRANGER))
  // The banner fades meanwhile; the form stays.
  await form.getByLabel('Nama').fill('Andi Wijaya')
  await form.getByLabel('OPD').selectOption({ label: 'Dinas Sosial' })
  await form.getByRole('button', { name: 'Daftarkan' }).click()
  const pin = page.getByRole('form', { name: 'PIN petugas' })
  await pin.getByLabel('PIN').fill('246810')
  await pin.getByRole('button', { name: 'Buka kunci' }).click()

  await expect(form).toBeHidden()
  await expect(banner).toContainText('TERCATAT (TERLAMBAT)')
  await expect(banner).toContainText('Andi Wijaya')
  await expect(page.getByTestId('unregistered-total')).toHaveText('0')
  await expect(page.getByTestId('present-total')).toHaveText('1 / 4')
  expect(
    db
      .prepare(
        `SELECT e.name, o.name AS opd, c.employee_id = e.id AS linked FROM checkin c
         JOIN employee e ON e.nip = c.nip JOIN opd o ON o.id = e.opd_id WHERE c.nip = ?`,
      )
      .get(STRANGER),
  ).toEqual({ name: 'Andi Wijaya', opd: 'Dinas Sosial', linked: 1 })
  expect(errors).toEqual([])
})

test('from the overlay on another screen too', async ({ kiosk: { page, db, errors } }) => {
  seedGate(db)
  await page.reload()
  await nav(page, 'Ekspor')
  await scanWithKeyboardScanner(page, STRANGER, { gapMs: 60 })
  const overlay = page.getByTestId('scan-overlay')
  await expect(overlay).toHaveAttribute('data-kind', 'unknown')
  await overlay.getByRole('button', { name: 'Daftarkan pegawai ini' }).click()
  const form = page.getByRole('form', { name: 'Daftarkan NIP' })
  await form.getByLabel('Nama').fill('Andi Wijaya')
  await form.getByLabel('OPD').selectOption({ label: 'Inspektorat' })
  await form.getByRole('button', { name: 'Daftarkan' }).click()
  await expect(overlay).toHaveAttribute('data-kind', 'recorded')
  await expect(overlay).toContainText('Andi Wijaya')
  await expect(overlay).toContainText('Inspektorat')
  expect(db.prepare('SELECT employee_id IS NOT NULL FROM checkin').pluck().get()).toBe(1)
  expect(errors).toEqual([])
})

test('the scanner test shows what the scanner sent and how it was read, and records nothing', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db)
  await page.reload()
  await nav(page, 'Kamera')
  const panel = page.getByRole('region', { name: 'Uji pemindai' })
  await panel.getByRole('button', { name: 'Mulai uji pemindai' }).click()

  // A slow Bluetooth scanner sending the spaced form and Tab.
  await scanWithKeyboardScanner(page, `NIP. ${formatNip(BUDI.nip)}`, { gapMs: 60, suffix: 'Tab' })
  const keys = panel.getByTestId('scanner-keys')
  await expect(panel.getByTestId('scanner-result')).toHaveText(
    `pindaian (diakhiri Enter/Tab dan berbentuk NIP): NIP ${formatNip(BUDI.nip)}`,
  )
  await expect(keys.getByRole('listitem')).toHaveCount(`NIP. ${formatNip(BUDI.nip)}`.length + 1)
  await expect(keys).toContainText('[spasi]')
  await expect(keys).toContainText('[Tab]')
  await expect(keys).toContainText('+60 ms')
  await expect(panel.getByTestId('scanner-suffix')).toHaveText('Tab')
  await expect(panel.getByTestId('scanner-gaps')).toHaveText(
    'terpendek 60 ms, rata-rata 60 ms, terpanjang 60 ms',
  )

  // The same scanner set up without a suffix: said why it would be ignored.
  await page.waitForTimeout(1100)
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 60, suffix: null })
  await expect(panel.getByTestId('scanner-result')).toContainText(
    'Tidak dianggap pindaian: tanpa Enter atau Tab',
  )
  await expect(panel.getByTestId('scanner-suffix')).toHaveText('tidak ada (berhenti sendiri)')

  // A fast card with a wrong NIP: read as a scan, and why there is no NIP.
  await page.waitForTimeout(1100)
  await scanWithKeyboardScanner(page, '197413021993111001')
  await expect(panel.getByTestId('scanner-result')).toContainText(
    'pindaian (tombol datang cepat), tetapi tidak ada NIP: NIP 197413021993111001 tidak valid',
  )
  await expect(page.getByTestId('scan-overlay')).toBeHidden()
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(0)

  // Test over: the scanner records again.
  await panel.getByRole('button', { name: 'Selesai uji pemindai' }).click()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('scan-overlay')).toContainText(BUDI.name)
  expect(db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(1)
  expect(errors).toEqual([])
})

test('a NIP keyed by hand into the manual box and Enter is recorded, as manual', async ({
  kiosk: { page, db, errors },
}) => {
  seedGate(db)
  await page.reload()
  const search = page.getByLabel('Cari nama atau NIP untuk hadir manual')
  await search.focus()
  await scanWithKeyboardScanner(page, BUDI.nip, { gapMs: 150 })
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  await expect(search).toHaveValue('')
  expect(liveCheckins(db)).toEqual([{ nip: BUDI.nip, source: 'manual' }])
  expect(errors).toEqual([])
})

interface AudioSeen {
  contexts: number
  /** The context's state as each tone was made. */
  tones: string[]
}

/** Counts every audio context the page makes, and each tone started, with its context's state. */
const AUDIO_WATCH = `(() => {
  const seen = { contexts: 0, tones: [] }
  window.audioSeen = seen
  const Real = window.AudioContext
  window.AudioContext = class extends Real {
    constructor(options) { super(options); seen.contexts += 1 }
    createOscillator() { seen.tones.push(this.state); return super.createOscillator() }
  }
})()`

test('off the gate screen the sound is ready before the first scan, and that scan beeps on it', async ({
  kiosk: { page, db },
}) => {
  await page.addInitScript({ content: AUDIO_WATCH })
  const seen = () =>
    page.evaluate(() => (globalThis as unknown as { audioSeen: AudioSeen }).audioSeen)
  seedGate(db)
  // Opened on the home screen: no ceremony is active yet, so the gate screen never mounts.
  db.prepare("DELETE FROM setting WHERE key = 'active_ceremony_id'").run()
  await page.reload()
  await nav(page, 'Data Pegawai')
  await expect(page.getByTestId('roster-total')).toHaveText('3 pegawai')
  expect(await seen()).toEqual({ contexts: 0, tones: [] })
  // The officer makes the apel active (another window could have): scans are listened for.
  const id = db.prepare('SELECT id FROM ceremony').pluck().get() as number
  await page.evaluate(
    (id) =>
      (globalThis as unknown as { kiosk: KioskBridge }).kiosk.invoke('ceremony.setActive', { id }),
    id,
  )
  await expect.poll(seen).toEqual({ contexts: 1, tones: [] })

  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('scan-overlay')).toHaveAttribute('data-kind', 'recorded')
  // The recorded sound's two tones, on that one context, running.
  expect(await seen()).toEqual({ contexts: 1, tones: ['running', 'running'] })
})

test("an overlay that comes in just as the one before it fades is shown, not closed by that one's timer", async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  await nav(page, 'Data Pegawai')
  await catchTimers(page, OVERLAY_MS.ok)
  await scanWithKeyboardScanner(page, BUDI.nip)
  const overlay = page.getByTestId('scan-overlay')
  await expect(overlay).toContainText(BUDI.name)
  await holdCalls(page, 'checkin.scan', 'answer')
  await scanWithKeyboardScanner(page, SITI.nip)
  await expect.poll(() => liveCheckins(db).length).toBe(2)
  await landWithFirstTimer(page)
  await expect(overlay).toContainText(SITI.name)
})
