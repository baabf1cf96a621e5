import type { Page } from '@playwright/test'

// What a busy laptop does to the page, on the test's word: calls held, timers run late.

interface BusyWindow {
  __kioskInvoke: (channel: string, input: unknown) => Promise<unknown>
  __releaseHeld?: () => void
  setTimeout: (run: () => void, ms?: number) => number
  __caughtTimers: (() => void)[]
}

/**
 * From now on the page's calls to `channel` are held: `'call'` holds each call before it
 * leaves the page, `'answer'` lets main run it and holds its answer. `release` lets everything
 * held go on.
 */
export async function holdCalls(
  page: Page,
  channel: string,
  what: 'call' | 'answer',
): Promise<{ release(): Promise<void> }> {
  await page.evaluate(
    ([held, hold]) => {
      const w = globalThis as unknown as BusyWindow
      const invoke = w.__kioskInvoke
      let waiting: (() => void)[] | null = []
      const later = () => new Promise<void>((go) => (waiting ? waiting.push(go) : go()))
      w.__releaseHeld = () => {
        waiting?.forEach((go) => go())
        waiting = null
      }
      w.__kioskInvoke = (name, input) => {
        if (name !== held || !waiting) return invoke(name, input)
        if (hold === 'call') return later().then(() => invoke(name, input))
        return invoke(name, input).then((answer) => later().then(() => answer))
      }
    },
    [channel, what] as const,
  )
  return {
    release: () => page.evaluate(() => (globalThis as unknown as BusyWindow).__releaseHeld!()),
  }
}

/** From now on the page's timers of `ms` (a banner's time on screen) are caught, not run. */
export async function catchTimers(page: Page, ms: number): Promise<void> {
  await page.evaluate((caught) => {
    const w = globalThis as unknown as BusyWindow
    const setTimer = w.setTimeout.bind(w)
    w.__caughtTimers = []
    w.setTimeout = (run, delay) =>
      delay === caught ? w.__caughtTimers.push(run) : setTimer(run, delay)
  }, ms)
}

/**
 * The held answers come in and, before the page has drawn what they set off, the first caught
 * timer runs: on a laptop busy with a queue, a result and the last one's time running out land
 * together.
 */
export async function landWithFirstTimer(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = globalThis as unknown as BusyWindow
    const runsOut = w.__caughtTimers.shift()!
    w.__releaseHeld!()
    for (let turn = 0; turn < 100; turn++) await Promise.resolve()
    runsOut()
  })
}
