import { describe, expect, it } from 'vitest'
import { checkinContract } from '../../src/shared/contract/checkin'
import { MAX_PAYLOAD_LENGTH, extractNip } from '../../src/shared/payload'

const NIP = '197405021993111001'
const OTHER = '198001152005012002'

describe('extractNip finds the one NIP in whatever the code carries', () => {
  it.each([
    ['bare digits', NIP],
    ['the spaced form', '19740502 199311 1 001'],
    ['document text', 'NIP. 19740502 199311 1 001'],
    ['dots and dashes', '19740502.199311.1.001'],
    [
      'a link with the NIP as a parameter',
      `https://simpeg.contoh.go.id/verifikasi?nip=${NIP}&t=1727654400000`,
    ],
    ['a link with the NIP as a path segment', `https://simpeg.contoh.go.id/pegawai/${NIP}/kartu`],
    ['a percent-encoded link', 'https://x.go.id/cek?nip=19740502%20199311%201%20001'],
    ['a JSON object', `{"nama":"Budi Santoso","nip":"${NIP}","instansi":"Kab. Contoh"}`],
    ['JSON with the NIP as a number', `{"nip":${NIP}}`],
    ['control characters a scanner adds', `\u0002${NIP}\r\n\u0003`],
    ['invisible marks', `\u200e\ufeff${NIP}\u200b`],
    ['the same NIP twice', `NIP ${NIP} (${NIP})`],
  ])('%s', (_, payload) => {
    expect(extractNip(payload)).toEqual({ ok: true, nip: NIP })
  })

  it('finds a PPPK number and the internal ID of non-ASN staff', () => {
    expect(extractNip('199009132025242014')).toEqual({ ok: true, nip: '199009132025242014' })
    expect(extractNip('NA-000042')).toEqual({ ok: true, nip: 'NA-000042' })
  })
})

describe('extractNip refuses with a reason', () => {
  it.each([
    ['an empty code', '', /tidak berisi NIP/],
    ['plain text', 'HALO APEL', /tidak berisi NIP/],
    ['a NIP with an impossible birth date', '197402301993111001', /19740230.*tanggal lahir/],
    ['a longer number', `${NIP}5`, /tidak berisi NIP/],
    ['a short number', '19740502199311', /tidak berisi NIP/],
    ['two different NIPs', `${NIP};${OTHER}`, /2 NIP berbeda/],
    ['a very long payload', 'x'.repeat(MAX_PAYLOAD_LENGTH + 1), /terlalu panjang/],
  ])('%s', (_, payload, reason) => {
    const r = extractNip(payload)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })
})

describe('one payload cap for the door and the parser', () => {
  it('the contract admits exactly what the parser reads, and refuses one character more', () => {
    const schema = checkinContract['checkin.scan'].input
    const longest = `${'x'.repeat(MAX_PAYLOAD_LENGTH - NIP.length)}${NIP}`
    expect(schema.safeParse({ payload: longest, source: 'kamera' }).success).toBe(true)
    expect(extractNip(longest)).toEqual({ ok: true, nip: NIP })
    const over = `x${longest}`
    expect(schema.safeParse({ payload: over, source: 'kamera' }).success).toBe(false)
    expect(extractNip(over)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/terlalu panjang/),
    })
  })
})
