import { describe, expect, it } from 'vitest'
import { formatDate, formatTime, localToUtc } from '../../src/shared/time'

describe('ceremony times', () => {
  it('stores a local time as UTC in the ceremony zone', () => {
    expect(localToUtc('2024-09-30', '07:30', 'Asia/Jakarta')).toBe('2024-09-30T00:30:00.000Z')
    expect(localToUtc('2024-09-30', '07.30', 'Asia/Makassar')).toBe('2024-09-29T23:30:00.000Z')
    expect(localToUtc('2024-09-30', '07:30', 'Asia/Jayapura')).toBe('2024-09-29T22:30:00.000Z')
  })

  it('shows it back in the zone, named as Indonesians write it', () => {
    expect(formatTime('2024-09-29T23:30:00.000Z', 'Asia/Makassar')).toBe('07.30 WITA')
    expect(formatDate('2024-09-29T23:30:00.000Z', 'Asia/Makassar')).toBe('Senin, 30 September 2024')
  })
})
