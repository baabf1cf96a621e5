import { describe, expect, it } from 'vitest'
import { beginReading, moveReading, setReadingMode } from '../../src/main/ikrar/reading'

const start = beginReading({
  readingId: 1,
  ceremonyId: 1,
  ceremonyName: 'Apel',
  startedAt: '2024-09-30T00:30:00.000Z',
  text: { heading: 'H', opening: 'O', points: ['a', 'b', 'c'], closing: 'Demikian.' },
})

describe('reading state', () => {
  it('starts at the opening, one point at a time', () => {
    expect(start.step).toBe(0)
    expect(start.mode).toBe('satu')
  })

  it('steps forward and back and stops at both ends', () => {
    let state = start
    const seen: number[] = []
    for (let i = 0; i < 6; i++) {
      state = moveReading(state, 'next')
      seen.push(state.step)
    }
    expect(seen).toEqual([1, 2, 3, 4, 4, 4])
    expect(moveReading(start, 'prev')).toBe(start)
    expect(moveReading(start, 'last').step).toBe(4)
    expect(moveReading({ ...start, step: 3 }, 'first').step).toBe(0)
    expect(moveReading({ ...start, step: 3 }, 'prev').step).toBe(2)
  })

  it('switches between one point and all points without losing the place', () => {
    const all = setReadingMode({ ...start, step: 2 }, 'semua')
    expect(all).toMatchObject({ mode: 'semua', step: 2 })
    expect(setReadingMode(all, 'semua')).toBe(all)
    expect(start.mode).toBe('satu')
  })
})
