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
 * Brings the gate's banner through every look it has, with real scans into the real handlers
 * on a seedGate() database: idle, then each outcome. `seen(look)` runs while that look is on
 * screen (the banner returns to idle by itself after a few seconds). Leaves no active ceremony.
 */
export async function walkEveryOutcome(
  page: Page,
  db: Db,
  seen: (look: string) => Promise<void>,
): Promise<void> {
  const banner = page.getByTestId('outcome')
  await expect(banner).toHaveAttribute('data-kind', 'ready')
  await seen('ready')
  const scan = async (payload: string, look: string) => {
    await scanWithKeyboardScanner(page, payload)
    await expect(banner).toHaveAttribute('data-look', look)
    await seen(look)
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
