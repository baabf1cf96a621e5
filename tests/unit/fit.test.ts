import { describe, expect, it } from 'vitest'
import { containedRect, largestFitting } from '../../src/shared/fit'

/** A crude model of text in a box: characters per line and lines both shrink as the size grows. */
function textFits(chars: number, width: number, height: number) {
  return (size: number) => {
    const perLine = Math.max(1, Math.floor(width / (size * 0.55)))
    return Math.ceil(chars / perLine) * size * 1.25 <= height
  }
}

describe('largestFitting', () => {
  it('finds the exact largest size that fits, with few measurements', () => {
    let calls = 0
    const fits = (size: number) => {
      calls++
      return size <= 137
    }
    expect(largestFitting(fits, 8, 600)).toBe(137)
    expect(calls).toBeLessThanOrEqual(10)
  })

  it('gives longer text a smaller size and a bigger screen a larger one', () => {
    const short = largestFitting(textFits(70, 1300, 500), 8, 500)
    const long = largestFitting(textFits(700, 1300, 500), 8, 500)
    const big = largestFitting(textFits(700, 3700, 1500), 8, 1500)
    expect(long).toBeLessThan(short)
    expect(big).toBeGreaterThan(long)
    for (const [size, f] of [
      [short, textFits(70, 1300, 500)],
      [long, textFits(700, 1300, 500)],
    ] as const) {
      expect(f(size)).toBe(true)
      expect(f(size + 1)).toBe(false)
    }
  })

  it('falls back to the minimum when nothing fits, and to the maximum when all does', () => {
    expect(largestFitting(() => false, 8, 100)).toBe(8)
    expect(largestFitting(() => true, 8, 100.7)).toBe(100)
  })
})

describe('containedRect', () => {
  it('letterboxes a wide picture in a tall box and pillarboxes it in a wider one', () => {
    // 1280x720 camera in a 400x400 panel: full width, bands above and below.
    expect(containedRect({ width: 400, height: 400 }, { width: 1280, height: 720 })).toEqual({
      left: 0,
      top: 87.5,
      width: 400,
      height: 225,
    })
    // 640x480 camera in a 600x300 panel: full height, bands left and right.
    expect(containedRect({ width: 600, height: 300 }, { width: 640, height: 480 })).toEqual({
      left: 100,
      top: 0,
      width: 400,
      height: 300,
    })
  })

  it('is the whole box before the camera reports its size', () => {
    expect(containedRect({ width: 300, height: 200 }, { width: 0, height: 0 })).toEqual({
      left: 0,
      top: 0,
      width: 300,
      height: 200,
    })
  })
})
