import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { chunks } from '../../src/renderer/src/roster/chunks'
import { qrPath } from '../../src/renderer/src/roster/qr-path'

/** Paints the path's rectangles ("M x y h n v1 h -n z") back onto a grid of modules. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(n); i++) grid[Number(y)]![Number(x) + i] = true
  }
  return grid
}

describe('the QR on a card', () => {
  it.each(['197405021993111001', 'NA-000001'])(
    'draws exactly the dark modules of %s at level Q, in the smallest code',
    (text) => {
      const { size, d } = qrPath(text)
      const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' })
      expect(size).toBe(21)
      const expected = Array.from({ length: size }, (_, y) =>
        Array.from({ length: size }, (_, x) => Boolean(modules.get(y, x))),
      )
      expect(paint(d, size)).toEqual(expected)
    },
  )

  it('splits cards into pages of ten, the last one short', () => {
    const pages = chunks(
      Array.from({ length: 25 }, (_, i) => i),
      10,
    )
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5])
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(chunks([], 10)).toEqual([])
  })
})
