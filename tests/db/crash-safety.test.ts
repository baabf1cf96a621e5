import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import { demoRoster } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { runChild } from '../fixtures/child'
import { tempDb } from '../fixtures/temp-db'
import { addCeremony } from '../fixtures/ceremony'

const ROUNDS = 6
const WRITER = path.resolve(__dirname, '../fixtures/crash-writer.ts')
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function seededDb(): string {
  const t = tempDb()
  cleanups.push(t.cleanup)
  applyRoster(t.db, demoRoster(3000), new Date())
  addCeremony(t.db, { name: 'Uji mati listrik' })
  t.db.close()
  return t.file
}

/** Runs the writer and SIGKILLs it once it has confirmed `after` scans, plus a random sliver. */
async function writeUntilKilled(file: string, after: number): Promise<string[]> {
  const end = await runChild(WRITER, [file], {
    killWhen: (lines) => lines.length >= after,
    delayMs: () => Math.random() * 5,
  })
  if (end.signal !== 'SIGKILL') {
    throw new Error(`writer ended before the kill (code ${end.code}): ${end.stderr}`)
  }
  return end.lines
}

describe('a laptop that dies mid-scan', () => {
  it(`keeps every confirmed scan and an intact database, over ${ROUNDS} SIGKILLs`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const file = seededDb()
      const after = 1 + Math.floor(Math.random() * 400)
      const confirmed = await writeUntilKilled(file, after)
      expect(confirmed.length).toBeGreaterThanOrEqual(after)

      const raw = new Database(file)
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      raw.close()
      const db = openDatabase(file)
      const stored = new Set(
        db.prepare('SELECT nip FROM checkin WHERE cancelled_at IS NULL').pluck().all() as string[],
      )
      const lost = confirmed.filter((nip) => !stored.has(nip))
      expect(lost, `round ${round}: confirmed but lost`).toEqual([])
      // The kiosk's sequence survives the kills too: 1..n, no gap, no repeat.
      expect(
        db
          .prepare("SELECT count(*) = max(seq) FROM checkin WHERE kiosk_id = 'CRASH'")
          .pluck()
          .get(),
      ).toBe(1)
      // The log was committed with each scan: it still verifies, and rebuilds the same arrivals.
      expect(verifyChain(db), `round ${round}`).toMatchObject({ ok: true })
      expect(rebuildMatches(db), `round ${round}`).toMatchObject({ matches: true, differences: [] })
      db.close()
    }
  })
})
