import { describe, expect, it } from 'vitest'
import { RateMeter } from '../../src/renderer/src/checkin/rate-meter'

describe('RateMeter', () => {
  it('counts the events of the last window, per second', () => {
    let now = 0
    const meter = new RateMeter(2000, () => now)
    for (let i = 0; i < 30; i++) {
      now = i * 100 // 10 a second for 3 seconds
      meter.tick()
    }
    now += 50
    expect(meter.perSecond()).toBe(10)
  })

  it('falls to zero when the decoder stops', () => {
    let now = 0
    const meter = new RateMeter(2000, () => now)
    meter.tick()
    meter.tick()
    expect(meter.perSecond()).toBe(1)
    now = 2000
    expect(meter.perSecond()).toBe(0)
  })
})
