import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeyboardWedge } from '../../src/renderer/src/checkin/keyboard-wedge'
import { ScanQueue, type QueuedScan } from '../../src/renderer/src/checkin/scan-queue'

afterEach(() => vi.useRealTimers())

function type(wedge: KeyboardWedge, text: string, gapMs: number, start = 1000) {
  return [...text].map((ch, i) => wedge.key(ch, start + i * gapMs))
}

describe('KeyboardWedge', () => {
  it('reports a fast burst ending in Enter, and keeps its keys out of the page', () => {
    const codes: string[] = []
    const wedge = new KeyboardWedge((c) => codes.push(c))
    const swallowed = type(wedge, '197405021993111001', 8)
    expect(wedge.key('Enter', 1000 + 18 * 8)).toBe(true)
    expect(codes).toEqual(['197405021993111001'])
    expect(swallowed.slice(0, 2)).toEqual([false, false])
    expect(swallowed.slice(2).every(Boolean)).toBe(true)
  })

  it('ignores a person typing, Enter included', () => {
    const codes: string[] = []
    const wedge = new KeyboardWedge((c) => codes.push(c))
    expect(type(wedge, '197405021993111001', 120).some(Boolean)).toBe(false)
    expect(wedge.key('Enter', 1000 + 18 * 120)).toBe(false)
    expect(codes).toEqual([])
  })

  it('ends a scan without Enter after a short pause', () => {
    vi.useFakeTimers()
    const codes: string[] = []
    const wedge = new KeyboardWedge((c) => codes.push(c))
    type(wedge, 'NA-000042', 5)
    vi.advanceTimersByTime(600)
    expect(codes).toEqual(['NA-000042'])
  })

  it('still reports a scan whose keys a busy laptop delivered unevenly', () => {
    const codes: string[] = []
    const wedge = new KeyboardWedge((c) => codes.push(c))
    const gaps = [5, 5, 90, 5, 5, 5, 120, 5, 5, 5, 5, 5, 5, 60, 5, 5, 5]
    let t = 1000
    const nip = '197405021993111001'
    wedge.key(nip[0]!, t)
    gaps.forEach((gap, i) => wedge.key(nip[i + 1]!, (t += gap)))
    expect(wedge.key('Enter', t + 5)).toBe(true)
    expect(codes).toEqual([nip])
  })

  it('does not report a short fast burst', () => {
    const codes: string[] = []
    const wedge = new KeyboardWedge((c) => codes.push(c))
    type(wedge, 'ab', 5)
    expect(wedge.key('Enter', 1015)).toBe(false)
    expect(codes).toEqual([])
  })
})

describe('ScanQueue', () => {
  it('handles scans one at a time in order, losing none that arrive meanwhile', async () => {
    const log: string[] = []
    let running = 0
    const queue = new ScanQueue<string>(
      async (s) => {
        running++
        expect(running).toBe(1)
        await new Promise((r) => setTimeout(r, 5))
        running--
        return s.payload
      },
      (r) => log.push(r),
    )
    for (const p of ['a', 'b', 'c']) queue.push({ payload: p, source: 'pemindai' })
    await queue.idle()
    expect(log).toEqual(['a', 'b', 'c'])
  })

  it('ignores the same camera code within the repeat window, but not a scanner or a later sighting', async () => {
    let now = 0
    const seen: QueuedScan[] = []
    const queue = new ScanQueue<QueuedScan>(
      async (s) => s,
      (r) => seen.push(r),
      4000,
      () => now,
    )
    expect(queue.push({ payload: 'X', source: 'kamera' })).toBe(true)
    now = 1000
    expect(queue.push({ payload: 'X', source: 'kamera' })).toBe(false)
    expect(queue.push({ payload: 'X', source: 'pemindai' })).toBe(true)
    now = 4500
    expect(queue.push({ payload: 'X', source: 'kamera' })).toBe(true)
    await queue.idle()
    expect(seen.map((s) => s.source)).toEqual(['kamera', 'pemindai', 'kamera'])
  })

  it('survives a throw in any step: that scan fails alone, every later one still runs', async () => {
    const results: string[] = []
    const failures: [string, string][] = []
    const queue = new ScanQueue<string>(
      async (s) => {
        if (s.payload === 'handle-rejects') throw new Error('bridge gone')
        if (s.payload === 'handle-throws-sync') return (null as unknown as () => never)()
        return s.payload
      },
      (r) => {
        if (r === 'report-throws') throw new Error('screen gone')
        results.push(r)
      },
      4000,
      () => 0,
      (error, scan) => {
        failures.push([scan.payload, (error as Error).message.slice(0, 11)])
        if (scan.payload === 'report-throws') throw new Error('failure report broke too')
      },
    )
    const quiet = console.error
    const logged: unknown[] = []
    console.error = (...args: unknown[]) => logged.push(args)
    try {
      for (const p of ['a', 'handle-rejects', 'b', 'handle-throws-sync', 'report-throws', 'c'])
        queue.push({ payload: p, source: 'pemindai' })
      await queue.idle()
    } finally {
      console.error = quiet
    }
    expect(results).toEqual(['a', 'b', 'c'])
    expect(failures).toEqual([
      ['handle-rejects', 'bridge gone'],
      ['handle-throws-sync', 'null is not'],
      ['report-throws', 'screen gone'],
    ])
    // The failure report itself threw: that is logged, never thrown into the chain.
    expect(logged).toHaveLength(1)
    // And the queue still takes new scans afterwards.
    queue.push({ payload: 'd', source: 'manual' })
    await queue.idle()
    expect(results).toEqual(['a', 'b', 'c', 'd'])
  })
})
