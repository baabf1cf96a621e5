import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeyboardWedge, sourceOf, type Burst } from '../../src/renderer/src/checkin/keyboard-wedge'
import { gapsMs, visibleKey } from '../../src/renderer/src/checkin/scanner-test'
import { looksLikeCardCode } from '../../src/shared/payload'
import { ScanQueue, type QueuedScan } from '../../src/renderer/src/checkin/scan-queue'
import { GateHub } from '../../src/renderer/src/checkin/gate-hub'
import type { ShownOutcome } from '../../src/renderer/src/checkin/outcome'

afterEach(() => vi.useRealTimers())

function type(wedge: KeyboardWedge, text: string, gapMs: number, start = 1000) {
  return [...text].map((ch, i) => wedge.key(ch, start + i * gapMs))
}

/** A wedge that collects the codes it reports, and the bursts themselves. */
function collecting() {
  const bursts: Burst[] = []
  const wedge = new KeyboardWedge((b) => bursts.push(b))
  return { wedge, bursts, codes: () => bursts.map((b) => b.code) }
}

const NIP = '197405021993111001'

describe('looksLikeCardCode', () => {
  it('accepts what cards and scanners carry', () => {
    for (const code of [
      NIP,
      '19740502 199311 1 001',
      'NIP. 19740502 199311 1 001',
      'https://simpeg.example.go.id/pegawai?nip=197405021993111001',
      'NA-000001',
      // A NIP whose date is wrong is still a card: the gate must say so, not type it.
      '197413021993111001',
    ])
      expect(looksLikeCardCode(code), code).toBe(true)
  })

  it('refuses what a person types into a search box', () => {
    for (const text of [
      'Budi',
      'Budi Santoso',
      '19740502',
      'Dinas Pendidikan 2024',
      '1974050219931110011',
    ])
      expect(looksLikeCardCode(text), text).toBe(false)
  })
})

describe('KeyboardWedge', () => {
  it('reports a fast burst ending in Enter, and keeps its keys out of the page', () => {
    const { wedge, bursts } = collecting()
    const swallowed = type(wedge, NIP, 8)
    expect(wedge.key('Enter', 1000 + 18 * 8)).toBe(true)
    expect(bursts).toMatchObject([
      { code: NIP, suffix: 'Enter', by: 'kecepatan', leaked: NIP.slice(0, 2) },
    ])
    expect(bursts[0]!.times).toHaveLength(18)
    expect(swallowed.slice(0, 2)).toEqual([false, false])
    expect(swallowed.slice(2).every(Boolean)).toBe(true)
  })

  it('holds back no key typed into a text field, and reports what reached it when it proves a scan', () => {
    const { wedge, bursts } = collecting()
    const swallowed = [...NIP].map((ch, i) => wedge.key(ch, 1000 + i * 5, true))
    expect(swallowed.some(Boolean)).toBe(false)
    expect(wedge.key('Enter', 1000 + 18 * 5, true)).toBe(true)
    expect(bursts).toMatchObject([{ code: NIP, by: 'kecepatan', leaked: NIP }])
  })

  it('reports a Bluetooth scanner 60 ms a key by the shape of what it sent, Enter or Tab', () => {
    for (const [code, suffix] of [
      [NIP, 'Enter'],
      ['NIP. 19740502 199311 1 001', 'Tab'],
      ['https://simpeg.example.go.id/p/197405021993111001', 'Enter'],
      ['NA-000001', 'Enter'],
    ] as const) {
      const { wedge, bursts } = collecting()
      // Too slow for the speed rule: its keys reach the focused field until Enter proves a scan.
      expect(type(wedge, code, 60).some(Boolean)).toBe(false)
      expect(wedge.key(suffix, 1000 + code.length * 60), code).toBe(true)
      expect(bursts).toMatchObject([{ code, suffix, by: 'bentuk', leaked: code }])
      expect(sourceOf(bursts[0]!)).toBe('pemindai')
    }
  })

  it('leaves a person typing a name and Enter to the page', () => {
    const { wedge, codes } = collecting()
    expect(type(wedge, 'Budi Santoso', 120).some(Boolean)).toBe(false)
    expect(wedge.key('Enter', 1000 + 12 * 120)).toBe(false)
    expect(codes()).toEqual([])
  })

  it('reads 18 digits typed by hand and Enter as a scan: that is what the officer means', () => {
    const { wedge, bursts } = collecting()
    type(wedge, NIP, 200)
    expect(wedge.key('Enter', 1000 + 18 * 200)).toBe(true)
    expect(bursts).toMatchObject([{ code: NIP, by: 'bentuk' }])
    // Recorded as what it was: the officer keying a NIP, not a scanner.
    expect(sourceOf(bursts[0]!)).toBe('manual')
  })

  it('treats a burst the person edited, or paused in, as typing', () => {
    const edited = collecting()
    type(edited.wedge, NIP.slice(0, 10), 60)
    edited.wedge.key('Backspace', 1700)
    type(edited.wedge, NIP.slice(10), 60, 1760)
    expect(edited.wedge.key('Enter', 2300)).toBe(false)
    const paused = collecting()
    type(paused.wedge, NIP.slice(0, 9), 60)
    type(paused.wedge, NIP.slice(9), 60, 2000)
    expect(paused.wedge.key('Enter', 2600)).toBe(false)
    expect([...edited.codes(), ...paused.codes()]).toEqual([])
  })

  it('keeps the speed rule alone for a burst with no suffix: a slow one is typing', () => {
    vi.useFakeTimers()
    const fast = collecting()
    type(fast.wedge, 'NA-000042', 5)
    vi.advanceTimersByTime(600)
    expect(fast.bursts).toMatchObject([{ code: 'NA-000042', suffix: null, by: 'kecepatan' }])
    const slow = collecting()
    type(slow.wedge, NIP, 60)
    vi.advanceTimersByTime(600)
    expect(slow.codes()).toEqual([])
  })

  it('still reports a scan whose keys a busy laptop delivered unevenly', () => {
    const { wedge, codes } = collecting()
    const gaps = [5, 5, 90, 5, 5, 5, 120, 5, 5, 5, 5, 5, 5, 60, 5, 5, 5]
    let t = 1000
    wedge.key(NIP[0]!, t)
    gaps.forEach((gap, i) => wedge.key(NIP[i + 1]!, (t += gap)))
    expect(wedge.key('Enter', t + 5)).toBe(true)
    expect(codes()).toEqual([NIP])
  })

  it('does not report a short fast burst', () => {
    const { wedge, codes } = collecting()
    type(wedge, 'ab', 5)
    expect(wedge.key('Enter', 1015)).toBe(false)
    expect(codes()).toEqual([])
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

describe('the scanner test shows', () => {
  it('invisible keys as visible symbols, and keys without a character in brackets', () => {
    expect(
      ['1', ' ', 'Enter', 'Tab', '\u001d', '\u200b', '\ufeff', 'Shift', 'N'].map(visibleKey),
    ).toEqual([
      '1',
      '[spasi]',
      '[Enter]',
      '[Tab]',
      '[U+001D]',
      '[U+200B]',
      '[U+FEFF]',
      '[Shift]',
      'N',
    ])
  })

  it('the gaps between keys in whole ms', () => {
    expect(
      gapsMs([
        { key: '1', time: 10 },
        { key: '2', time: 70.4 },
        { key: 'Enter', time: 131 },
      ]),
    ).toEqual([60, 61])
    expect(gapsMs([])).toEqual([])
  })
})

describe('GateHub: the app-wide queue', () => {
  it('gives every result to the gate screen while it listens, to the overlay otherwise', async () => {
    const overlay: string[] = []
    const gate: string[] = []
    const opened: boolean[] = []
    const hub = new GateHub(async (s) => ({ kind: 'invalid', reason: s.payload }), {
      unheard: (o) => overlay.push(o.kind === 'invalid' ? o.reason : o.kind),
      onGateChange: (open) => opened.push(open),
      openRegister: () => {},
      onDivertChange: () => {},
    })
    const reasonOf = (o: ShownOutcome) => (o.kind === 'invalid' ? o.reason : o.kind)
    hub.push({ payload: 'a', source: 'pemindai' })
    await new Promise((r) => setTimeout(r, 0))
    const stop = hub.listen((o) => gate.push(reasonOf(o)))
    hub.push({ payload: 'b', source: 'pemindai' })
    hub.push({ payload: 'c', source: 'manual' })
    await new Promise((r) => setTimeout(r, 0))
    stop()
    hub.push({ payload: 'd', source: 'pemindai' })
    await new Promise((r) => setTimeout(r, 0))
    expect(overlay).toEqual(['a', 'd'])
    expect(gate).toEqual(['b', 'c'])
    expect(opened).toEqual([true, false])
  })

  it('a scan whose handling throws is shown as failed, and the next scan still records', async () => {
    const shown: ShownOutcome[] = []
    const hub = new GateHub(
      async (s) => {
        if (s.payload === 'boom') throw new Error('jembatan terputus')
        return { kind: 'invalid', reason: s.payload }
      },
      {
        unheard: (o) => shown.push(o),
        onGateChange: () => {},
        openRegister: () => {},
        onDivertChange: () => {},
      },
    )
    hub.push({ payload: 'boom', source: 'pemindai' })
    hub.push({ payload: 'next', source: 'pemindai' })
    await new Promise((r) => setTimeout(r, 0))
    expect(shown).toEqual([
      { kind: 'failed', reason: 'Pindaian tidak dapat diproses: jembatan terputus. Pindai ulang.' },
      { kind: 'invalid', reason: 'next' },
    ])
  })

  it('sends every scan to a mode while one is set, in the same order, and to check-in again after', async () => {
    const kinds: string[] = []
    const hub = new GateHub(async (s) => ({ kind: 'invalid', reason: `hadir ${s.payload}` }), {
      unheard: (o) => kinds.push(o.kind === 'invalid' ? o.reason : o.kind),
      onGateChange: () => {},
      openRegister: () => {},
      onDivertChange: () => {},
    })
    hub.push({ payload: '1', source: 'pemindai' })
    hub.setMode(async (s) => ({ kind: 'invalid', reason: `pakta ${s.payload}` }))
    hub.push({ payload: '2', source: 'kamera' })
    hub.push({ payload: '3', source: 'pemindai' })
    await hub.idle()
    hub.setMode(null)
    hub.push({ payload: '4', source: 'pemindai' })
    await new Promise((r) => setTimeout(r, 0))
    expect(kinds).toEqual(['hadir 1', 'pakta 2', 'pakta 3', 'hadir 4'])
  })
})
