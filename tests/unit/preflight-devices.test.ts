import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeyboardWedge, type Burst } from '../../src/renderer/src/checkin/keyboard-wedge'
import {
  judgeCamera,
  judgeScanner,
  judgeSound,
} from '../../src/renderer/src/preflight/device-checks'
import { extractNip } from '../../src/shared/payload'

afterEach(() => vi.useRealTimers())

const NIP = '197405021993111001'
const live = {
  camera: 'Kamera 1',
  device: 'fake',
  decoder: 'zxing-wasm' as const,
  width: 1280,
  height: 720,
  framesPerSecond: 14,
}

/** A burst as the app's one wedge reports it, typed `gapMs` apart, with or without Enter. */
function burst(code: string, gapMs: number, suffix: boolean): Burst {
  vi.useFakeTimers()
  const seen: Burst[] = []
  const wedge = new KeyboardWedge((b) => seen.push(b))
  let t = 1000
  for (const ch of code) wedge.key(ch, (t += gapMs))
  // Without a suffix the wedge ends the burst after its idle pause.
  if (suffix) wedge.key('Enter', (t += gapMs))
  else vi.advanceTimersByTime(600)
  wedge.dispose()
  expect(seen, 'the wedge reported no burst').toHaveLength(1)
  return seen[0]!
}

describe('the camera item', () => {
  it('waits while the camera starts, then is amber until a code is read, green after', () => {
    expect(judgeCamera({ problem: null, status: null, code: null })).toBeNull()
    expect(judgeCamera({ problem: null, status: live, code: null })).toMatchObject({
      status: 'warn',
      detail: 'Kamera menyala (Kamera 1, 1280 × 720), belum ada kode terbaca.',
    })
    expect(judgeCamera({ problem: null, status: live, code: `NIP. ${NIP}` })).toEqual({
      status: 'ok',
      detail: 'Kamera membaca NIP 19740502 199311 1 001 (Kamera 1, 1280 × 720).',
      advice: null,
    })
  })

  it('is green for any code read (decoding works), saying when it is not a NIP', () => {
    const r = judgeCamera({ problem: null, status: live, code: 'PROMO-2024' })
    expect(r?.status).toBe('ok')
    expect(r?.detail).toMatch(/^Kamera membaca "PROMO-2024" \(bukan NIP: .+\)/)
  })

  it('is red with the camera`s own problem, amber on the fallback decoder', () => {
    expect(judgeCamera({ problem: 'Tidak ada kamera.', status: null, code: null })).toMatchObject({
      status: 'fail',
      detail: 'Tidak ada kamera.',
    })
    const fallback = { ...live, decoder: 'html5-qrcode' as const }
    expect(judgeCamera({ problem: null, status: fallback, code: NIP })?.status).toBe('warn')
  })
})

describe('the scanner item', () => {
  it('is amber before any scan, green for a NIP ended by Enter with its speed', () => {
    expect(judgeScanner(null).status).toBe('warn')
    const b = burst(NIP, 5, true)
    expect(judgeScanner({ burst: b, result: extractNip(b.code) })).toEqual({
      status: 'ok',
      detail:
        'Pemindai terbaca: NIP 19740502 199311 1 001 (rata-rata 5 ms per tombol, akhiran Enter).',
      advice: null,
    })
  })

  it('is amber for a NIP without a suffix or a code that is no NIP, red when refused', () => {
    const b = burst(NIP, 5, false)
    const noSuffix = judgeScanner({ burst: b, result: extractNip(b.code) })
    expect(noSuffix.status).toBe('warn')
    expect(noSuffix.detail).toContain('tanpa akhiran')
    const promo = burst('PROMO-2024-XYZ', 5, true)
    expect(judgeScanner({ burst: promo, result: extractNip(promo.code) })).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('bukan NIP'),
    })
    expect(judgeScanner({ refused: 'Tidak dianggap pindaian.' })).toMatchObject({
      status: 'fail',
      detail: 'Tidak dianggap pindaian.',
    })
  })
})

describe('the sound item', () => {
  it('is amber until answered, green when heard, red when not or when nothing can play', () => {
    expect(judgeSound(null, true).status).toBe('warn')
    expect(judgeSound(true, true).status).toBe('ok')
    expect(judgeSound(false, true).status).toBe('fail')
    expect(judgeSound(null, false).status).toBe('fail')
  })
})
