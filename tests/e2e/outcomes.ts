import { expect, type Page } from '@playwright/test'
import {
  ACTIVE_KEY,
  activeCeremonyId,
  getCeremony,
  updateCeremony,
} from '../../src/main/ceremony/repository'
import type { Db } from '../../src/main/db/connection'
import { BUDI, NOT_A_NIP, RINA, SITI, STRANGER } from './people'
import { scanWithKeyboardScanner } from './scanner'

/** A valid NIP on no roster, other than STRANGER (who is recorded once for review). */
const SECOND_STRANGER = '196512311990031006'

/**
 * Lets the test hold the page's long timers (1 s or more: the banner's return to "ready" after
 * 2.5 or 5 s) and release them later. A timer that falls due while held fires on release, and
 * one cleared meanwhile never does; shorter timers (the scanner's burst end) run as usual.
 */
const HOLDABLE_TIMERS = `(() => {
  if (window.longTimers) return
  const realSet = window.setTimeout.bind(window)
  const realClear = window.clearTimeout.bind(window)
  const due = new Map()
  let held = false
  window.setTimeout = (fn, ms, ...args) => {
    if (!(ms >= 1000) || typeof fn !== 'function') return realSet(fn, ms, ...args)
    const id = realSet(() => (held ? due.set(id, () => fn(...args)) : fn(...args)), ms)
    return id
  }
  window.clearTimeout = (id) => {
    due.delete(id)
    realClear(id)
  }
  window.longTimers = {
    hold: () => { held = true },
    release: () => {
      held = false
      const fire = [...due.values()]
      due.clear()
      fire.forEach((f) => f())
    },
  }
})()`

/**
 * Brings the gate's banner through every look it has, with real scans into the real handlers
 * on a seedGate() database: idle, then each outcome. `seen(look)` runs while that look is on
 * screen: the banner's own return to idle is held from the scan until `seen` is done. On a
 * loaded 2-core machine a banner screenshot took up to 2.3 s (0.6 s for a recorded one, which
 * stays 2.5 s), so a picture could catch the banner gone idle. Leaves no active ceremony.
 */
export async function walkEveryOutcome(
  page: Page,
  db: Db,
  seen: (look: string) => Promise<void>,
): Promise<void> {
  const banner = page.getByTestId('outcome')
  await expect(banner).toHaveAttribute('data-kind', 'ready')
  await page.evaluate(HOLDABLE_TIMERS)
  const timers = (action: 'hold' | 'release') =>
    page.evaluate(
      (a) =>
        (globalThis as unknown as { longTimers: Record<typeof a, () => void> }).longTimers[a](),
      action,
    )
  await seen('ready')
  const scan = async (payload: string, look: string) => {
    await timers('hold')
    await scanWithKeyboardScanner(page, payload)
    await expect(banner).toHaveAttribute('data-look', look)
    await seen(look)
    await timers('release')
  }
  await scan(BUDI.nip, 'recorded')
  await scan(BUDI.nip, 'duplicate')
  await scan(STRANGER, 'unknown')
  await scan(NOT_A_NIP, 'invalid')

  // The same ceremony, held yesterday and refusing strangers: late, and refused.
  const ceremony = getCeremony(db, activeCeremonyId(db)!)
  const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10)
  updateCeremony(db, { ...ceremony, date: yesterday, unknownPolicy: 'refuse' })
  await scan(SITI.nip, 'late')
  await scan(SECOND_STRANGER, 'refused')

  // The disk refuses the write: the screen says it was not saved.
  db.pragma('query_only = ON')
  await scan(RINA.nip, 'failed')
  db.pragma('query_only = OFF')

  db.prepare('DELETE FROM setting WHERE key = ?').run(ACTIVE_KEY)
  await scan(RINA.nip, 'no-ceremony')
}
