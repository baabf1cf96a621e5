import type { Page } from '@playwright/test'
import { setActiveCeremony } from '../../src/main/ceremony/repository'
import { recordScan } from '../../src/main/checkin/record'
import { demoRoster } from '../../src/main/roster/demo'
import { addCeremony, PILKADA_2024 } from '../fixtures/ceremony'
import { contrast, deltaE, parseCssColour, seenLab, VISIONS, type Vision } from './colour'
import { walkEveryOutcome } from './outcomes'
import { BUDI, RINA, seedGate, SITI, type Person } from './people'
import { expect, test } from './fixtures'
import { scanWithKeyboardScanner } from './scanner'

/** A region's worth of people, so every list on the gate is longer than its panel. */
const CROWD: Person[] = [
  BUDI,
  SITI,
  RINA,
  ...demoRoster(800, 40).map((r) => ({ nip: r.nip, name: r.name, opd: r.opdName })),
]

/** The few DOM names the page-side functions use: the tests compile without the DOM library. */
interface PageElement {
  getBoundingClientRect(): {
    top: number
    left: number
    bottom: number
    right: number
    height: number
  }
  contains(other: PageElement | null): boolean
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
  innerHTML: string
}
interface PageWindow {
  document: {
    querySelector(selector: string): PageElement | null
    elementFromPoint(x: number, y: number): PageElement | null
    scrollingElement: { scrollHeight: number; scrollWidth: number }
  }
  innerHeight: number
  innerWidth: number
  scrollY: number
  getComputedStyle(el: PageElement): {
    backgroundColor: string
    color: string
    outlineWidth: string
    fontSize: string
  }
}

/** What the officer and the queue must see at once, none of it off-screen or covered. */
const ALWAYS_IN_VIEW = {
  banner: '[data-testid="outcome"]',
  camera: '.camera-frame',
  counts: '[data-testid="present-total"]',
  arrivals: '.recent',
  search: 'input[type="search"]',
}

/** Page scroll sizes against the viewport, and every part of ALWAYS_IN_VIEW that is not fully shown. */
function gateLayout(page: Page) {
  return page.evaluate((parts) => {
    const { document, innerHeight, innerWidth, scrollY } = globalThis as unknown as PageWindow
    const problems: string[] = []
    for (const [name, selector] of Object.entries(parts)) {
      const el = document.querySelector(selector)
      if (!el) {
        problems.push(`${name}: tidak ada`)
        continue
      }
      const r = el.getBoundingClientRect()
      if (
        r.height < 16 ||
        r.top < 0 ||
        r.left < 0 ||
        r.bottom > innerHeight ||
        r.right > innerWidth
      )
        problems.push(`${name}: di luar layar (${Math.round(r.top)}..${Math.round(r.bottom)})`)
      // Never covered: what is painted near its corners (inside the rounding) and at its centre
      // belongs to it.
      const points = [
        [r.left + 12, r.top + 12],
        [r.right - 12, r.bottom - 12],
        [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
      ] as const
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y)
        if (!hit || !el.contains(hit)) problems.push(`${name}: tertutup di ${x},${y}`)
      }
    }
    const root = document.scrollingElement!
    return {
      scrolls: root.scrollHeight > innerHeight || root.scrollWidth > innerWidth || scrollY !== 0,
      problems,
    }
  }, ALWAYS_IN_VIEW)
}

async function expectGateFits(page: Page, when: string) {
  expect(await gateLayout(page), when).toEqual({ scrolls: false, problems: [] })
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport })

    test('the gate fits with no page scroll, and the banner stays in view after a scan, a manual check-in, an undo and Tab', async ({
      kiosk: { page, db },
    }) => {
      seedGate(db, { people: CROWD })
      for (const p of CROWD.slice(3, 80))
        recordScan(db, { payload: p.nip, source: 'kamera', kioskId: 'K', now: new Date() })
      await page.reload()
      await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ready')
      // The menu is one row.
      expect((await page.locator('.topbar').boundingBox())!.height).toBeLessThanOrEqual(56)
      await expectGateFits(page, 'siap')

      await scanWithKeyboardScanner(page, BUDI.nip)
      await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
      await expectGateFits(page, 'setelah pindaian pemindai')

      // A common name: the results scroll in their own panel; the page does not.
      const search = page.getByLabel('Cari nama atau NIP untuk hadir manual')
      await search.fill('sri')
      await expect(page.getByTestId('manual-result').first()).toBeVisible()
      await expectGateFits(page, 'hasil pencarian')
      await page.getByTestId('opd-count').first().click()
      await expect(page.getByLabel('Belum hadir')).toBeVisible()
      await expectGateFits(page, 'daftar belum hadir')

      // By the whole NIP, typed as a person types: the demo roster has a second Siti Rahayu, as
      // real rosters have namesakes.
      await search.fill('')
      await search.pressSequentially(SITI.nip, { delay: 100 })
      await page.getByRole('button', { name: `Catat hadir ${SITI.name}` }).click()
      await expect(page.getByTestId('outcome')).toContainText(SITI.name)
      await expect(search).toBeFocused()
      await expectGateFits(page, 'setelah hadir manual')

      // The list's own undo, whose reason field takes focus.
      await page.getByRole('button', { name: `Batalkan ${BUDI.name}` }).click()
      await page.getByLabel('Alasan pembatalan').fill('uji tata letak')
      await expectGateFits(page, 'alasan pembatalan di daftar')
      await page.getByRole('button', { name: 'Batalkan catatan' }).click()
      await expect(page.getByRole('button', { name: `Batalkan ${BUDI.name}` })).toHaveCount(0)
      await expectGateFits(page, 'setelah pembatalan di daftar')

      await page.getByRole('button', { name: 'Batalkan pindaian terakhir' }).click()
      await page.getByRole('button', { name: 'Salah pilih nama' }).click()
      await expect(page.getByText(`Dibatalkan: ${SITI.name}`)).toBeVisible()
      expect(
        db.prepare('SELECT cancel_reason FROM checkin WHERE nip = ?').pluck().get(SITI.nip),
      ).toBe('Salah pilih nama')
      await expectGateFits(page, 'setelah pembatalan')

      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab')
        await expectGateFits(page, `setelah Tab ke-${i + 1}`)
      }
    })
  })
}

/** The longest name and OPD a banner is likely to meet. */
const LONG = {
  nip: '198512102010012003',
  name: 'Prof. Dr. Ir. Hj. Raden Ajeng Siti Nurhaliza Kusumawardhani, S.H., M.Hum.',
  opd: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Kepulauan Seribu',
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
]) {
  test(`a long name and OPD stay inside the banner at ${viewport.width}x${viewport.height}, the NIP whole`, async ({
    kiosk: { page, db },
  }) => {
    await page.setViewportSize(viewport)
    seedGate(db, { people: [BUDI, LONG] })
    await page.reload()
    await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ready')
    await scanWithKeyboardScanner(page, LONG.nip)
    await expect(page.getByTestId('outcome')).toContainText('19851210 201001 2 003')
    const outside = await page.getByTestId('outcome').evaluate((banner) => {
      const box = banner.getBoundingClientRect()
      const parts = ['.outcome-title', '.outcome-name', '.outcome-nip', '.outcome-detail']
      return parts.filter((selector) => {
        const part = banner.querySelector(selector)!
        const r = part.getBoundingClientRect()
        return r.top < box.top || r.bottom > box.bottom || r.left < box.left || r.right > box.right
      })
    })
    expect(outside).toEqual([])
    // Read from two metres: on a 720-line laptop screen no line of the banner is under 22 px.
    const sizes = await page.getByTestId('outcome').evaluate((banner) => {
      const { getComputedStyle } = globalThis as unknown as PageWindow
      const px = (selector: string) =>
        parseFloat(getComputedStyle(banner.querySelector(selector)!).fontSize)
      return { name: px('.outcome-name'), nip: px('.outcome-nip'), detail: px('.outcome-detail') }
    })
    for (const [part, size] of Object.entries(sizes)) expect(size, part).toBeGreaterThanOrEqual(22)
    await expectGateFits(page, 'nama panjang')
  })
}

test('with the clock warning shown, the gate still fits 1280x720 and the banner stays in view', async ({
  kiosk: { page, db },
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  seedGate(db, { people: CROWD })
  // A ceremony set up for 2024 on a laptop whose clock says today: the gate warns.
  setActiveCeremony(db, addCeremony(db, {}, PILKADA_2024).id)
  await page.reload()
  await expect(page.getByTestId('clock-warning')).toBeVisible()
  await scanWithKeyboardScanner(page, BUDI.nip)
  await expect(page.getByTestId('outcome')).toContainText(BUDI.name)
  await expectGateFits(page, 'dengan peringatan jam')
  await expect(page.getByTestId('clock-warning')).toBeInViewport({ ratio: 1 })
})

test('keyboard only: an OPD row is reached with Tab and opened with Enter, with a visible focus ring', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ready')
  const sosial = page.getByRole('button', { name: 'Dinas Sosial', exact: true })
  for (let i = 0; i < 40 && !(await sosial.evaluate((e) => e.matches(':focus'))); i++)
    await page.keyboard.press('Tab')
  await expect(sosial).toBeFocused()
  const ring = await sosial.evaluate(
    (e) => (globalThis as unknown as PageWindow).getComputedStyle(e).outlineWidth,
  )
  expect(parseFloat(ring)).toBeGreaterThanOrEqual(3)
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Belum hadir')).toContainText(RINA.name)
})

interface Look {
  look: string
  background: string
  text: string
  icon: string
}

test('every outcome has its own colour, told apart by colour-blind viewers too, its own icon, and readable text', async ({
  kiosk: { page, db },
}) => {
  seedGate(db)
  await page.reload()
  const looks: Look[] = []
  await walkEveryOutcome(page, db, async (look) => {
    const painted = await page.getByTestId('outcome').evaluate((el) => {
      const { getComputedStyle } = globalThis as unknown as PageWindow
      return {
        background: getComputedStyle(el).backgroundColor,
        text: getComputedStyle(el.querySelector('.outcome-title')!).color,
        icon: el.querySelector('svg')!.innerHTML,
      }
    })
    looks.push({ look, ...painted })
  })

  expect(looks.map((l) => l.look)).toHaveLength(9)
  expect(new Set(looks.map((l) => l.background)).size, JSON.stringify(looks)).toBe(9)
  expect(new Set(looks.map((l) => l.icon)).size).toBe(9)
  for (const l of looks) {
    const ratio = contrast(parseCssColour(l.background), parseCssColour(l.text))
    expect(ratio, `kontras ${l.look}`).toBeGreaterThanOrEqual(4.5)
  }
  // Every pair plainly different (CIE76 > 15) in normal vision and in each full colour blindness.
  for (const vision of Object.keys(VISIONS) as Vision[]) {
    for (const [i, a] of looks.entries()) {
      for (const b of looks.slice(i + 1)) {
        const d = deltaE(
          seenLab(parseCssColour(a.background), vision),
          seenLab(parseCssColour(b.background), vision),
        )
        expect(d, `${a.look} / ${b.look} (${vision})`).toBeGreaterThan(15)
      }
    }
  }
})
