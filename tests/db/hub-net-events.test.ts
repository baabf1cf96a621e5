// The hub's events after gates' pushes: each makes the open screens re-read the dashboards on
// the thread that answers the gates, so pushes are told in bursts at most every
// SCREEN_EVENT_MS, the first at once and the last never dropped.
import { afterEach, describe, expect, it } from 'vitest'
import { SCREEN_EVENT_MS } from '../../src/main/hub/service'
import type { ScanOutcome } from '../../src/shared/domain'
import { hubAndGate } from '../fixtures/hub-pair'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('the hub telling its screens', () => {
  it('turns a run of pushes into a burst at once and one after, never one per push', async () => {
    const { hub, gate, roster } = await hubAndGate(30, cleanups)
    const heard: { name: string; at: number }[] = []
    hub.ctx.events.listen((name) => heard.push({ name, at: performance.now() }))
    // Quiet first: the gate's first pushes after pairing (its whole log) are told and done.
    const waitFrom = performance.now()
    const end = waitFrom + 10_000
    while (performance.now() - (heard.at(-1)?.at ?? waitFrom) < SCREEN_EVENT_MS + 100) {
      if (performance.now() > end) throw new Error('kiosk induk tidak kunjung tenang')
      await new Promise((r) => setTimeout(r, 50))
    }
    heard.length = 0
    const start = performance.now()
    for (const p of roster.slice(0, 6)) {
      const out = await gate.call<ScanOutcome>('checkin.scan', { payload: p.nip, source: 'kamera' })
      expect(out.kind).toBe('recorded')
    }
    const lastPush = performance.now()
    expect(lastPush - start).toBeLessThan(SCREEN_EVENT_MS)
    await new Promise((r) => setTimeout(r, SCREEN_EVENT_MS + 200))

    const bursts = heard.filter((e) => e.name === 'hub.changed')
    // Six pushes inside one interval: the first told at once, the rest together after it.
    expect(bursts).toHaveLength(2)
    expect(bursts[0]!.at - start).toBeLessThan(SCREEN_EVENT_MS / 2)
    expect(bursts[1]!.at).toBeGreaterThanOrEqual(lastPush)
    expect(heard.filter((e) => e.name === 'checkin.changed')).toHaveLength(2)
  })
})
