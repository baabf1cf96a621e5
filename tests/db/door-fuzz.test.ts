import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../src/main/ipc/handlers'
import { fuzzDoor, fuzzKiosk } from '../../scripts/fuzz/door'

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((c) => c())
  vi.restoreAllMocks()
})

function kiosk(): () => Handlers {
  const k = fuzzKiosk(100)
  cleanups.push(k.cleanup)
  return k.start
}

describe('the door under random calls (the short form of `npm run fuzz`)', () => {
  it('answers 3,000 seeded random calls each with a value or an Indonesian refusal', async () => {
    const counts = await fuzzDoor(kiosk(), { calls: 3000, seed: 7, restartEvery: 500 })
    expect(counts.samples).toEqual([])
    expect(counts).toMatchObject({ calls: 3000, internal: 0, escaped: 0, malformed: 0 })
    // Both kinds of answer were reached: handlers ran, and junk was refused before them.
    expect(counts.ok).toBeGreaterThan(300)
    expect(counts.byCode.BAD_INPUT).toBeGreaterThan(300)
    expect(counts.byCode.UNKNOWN_CALL).toBeGreaterThan(150)
  }, 60_000)

  it('would report an error that escapes a handler untranslated', async () => {
    // The door logs what it could not translate; that log is the point here, not noise.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const start = kiosk()
    const broken = () => ({
      ...start(),
      'app.status': () => {
        throw new Error('boom')
      },
    })
    const counts = await fuzzDoor(broken, { calls: 2000, seed: 7 })
    expect(counts.internal).toBeGreaterThan(0)
    expect(counts.samples[0]).toMatch(/^INTERNAL #\d+ app\.status/)
  }, 60_000)
})
