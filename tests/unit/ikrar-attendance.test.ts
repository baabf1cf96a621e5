import { describe, expect, it } from 'vitest'
import { classifyArrival, tallyIkrar, type ReadingSpan } from '../../src/main/ikrar/attendance'

/** 30 September 2024, local WIB wall time "07:40" as the UTC instant the kiosk stores. */
const wib = (hhmm: string, ss = '00') => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return new Date(Date.UTC(2024, 8, 30, h - 7, m, Number(ss))).toISOString()
}
const FIRST: ReadingSpan = { startedAt: wib('07:40'), endedAt: wib('07:44') }
const AGAIN: ReadingSpan = { startedAt: wib('08:10'), endedAt: wib('08:13') }

describe('who was there for the ikrar', () => {
  it('says there is no reading yet rather than guess, and leaves the absent out', () => {
    expect(classifyArrival(wib('07:20'), [])).toBe('BELUM_ADA')
    expect(classifyArrival(null, [FIRST])).toBeNull()
    expect(classifyArrival(null, [])).toBeNull()
  })

  it('one reading: before it began, during it, after it ended', () => {
    expect(classifyArrival(wib('07:20'), [FIRST])).toBe('IKUT')
    expect(classifyArrival(wib('07:39', '59'), [FIRST])).toBe('IKUT')
    // At the very second it began the person was still at the gate: during, not before.
    expect(classifyArrival(wib('07:40'), [FIRST])).toBe('SAAT')
    expect(classifyArrival(wib('07:43', '59'), [FIRST])).toBe('SAAT')
    expect(classifyArrival(wib('07:44'), [FIRST])).toBe('SETELAH')
    expect(classifyArrival(wib('09:00'), [FIRST])).toBe('SETELAH')
  })

  it('two readings: present before the later one began pledged with it; during or after the last did not', () => {
    const both = [FIRST, AGAIN]
    expect(classifyArrival(wib('07:20'), both)).toBe('IKUT')
    // During the first, and between the two: there for the whole pembacaan ulang.
    expect(classifyArrival(wib('07:42'), both)).toBe('ULANG')
    expect(classifyArrival(wib('08:09', '59'), both)).toBe('ULANG')
    // The same rule as for the first reading: arriving while it is read is not pledging with it.
    expect(classifyArrival(wib('08:11'), both)).toBe('SAAT')
    expect(classifyArrival(wib('08:30'), both)).toBe('SETELAH')
  })

  it('a reading whose end was never recorded: after its start it cannot say during or after', () => {
    const open: ReadingSpan = { startedAt: wib('07:40'), endedAt: null }
    expect(classifyArrival(wib('07:30'), [open])).toBe('IKUT')
    expect(classifyArrival(wib('07:41'), [open])).toBe('SETELAH_MULAI')
    expect(classifyArrival(wib('10:00'), [open])).toBe('SETELAH_MULAI')
    // A later reading bounds it: who came before the later one began pledged with that one.
    expect(classifyArrival(wib('07:50'), [open, AGAIN])).toBe('ULANG')
    expect(classifyArrival(wib('08:20'), [open, AGAIN])).toBe('SETELAH')
  })

  it('tallies each class and skips those who did not arrive', () => {
    const t = tallyIkrar(['IKUT', 'IKUT', 'ULANG', null, 'SETELAH'])
    expect(t).toEqual({ IKUT: 2, ULANG: 1, SAAT: 0, SETELAH: 1, SETELAH_MULAI: 0, BELUM_ADA: 0 })
  })
})
