import { describe, expect, it } from 'vitest'
import { hubFromAnswer } from '../../src/main/gate/discovery'

describe('an mDNS answer, as a gate lists it', () => {
  it('keeps a hub with an IPv4 address and its port', () => {
    expect(
      hubFromAnswer({
        name: 'Kiosk induk BKPSDM',
        addresses: ['fe80::1', '192.168.43.10'],
        port: 48_123,
      }),
    ).toEqual({ name: 'Kiosk induk BKPSDM', address: '192.168.43.10', port: 48_123 })
  })

  it('takes the address the hub says it listens on over the other addresses of its laptop', () => {
    const answer = { name: 'Kiosk induk', addresses: ['10.0.0.5', '192.168.43.1'], port: 48_123 }
    expect(hubFromAnswer({ ...answer, txt: { alamat: '192.168.43.1' } })!.address).toBe(
      '192.168.43.1',
    )
    for (const txt of [{ alamat: 'bukan alamat' }, { alamat: 7 }, 'x', null]) {
      expect(hubFromAnswer({ ...answer, txt })!.address, JSON.stringify(txt)).toBe('10.0.0.5')
    }
  })

  it('drops an answer with no usable address or port', () => {
    for (const answer of [
      { name: 'x', addresses: ['fe80::1'], port: 1 },
      { name: 'x', addresses: ['999.1.1.1'], port: 1 },
      { name: 'x', addresses: 'not a list', port: 1 },
      { name: 'x', addresses: ['10.0.0.1'], port: 0 },
      { name: 'x', addresses: ['10.0.0.1'], port: 70_000 },
      { name: 'x', addresses: ['10.0.0.1'], port: '443' },
      {},
    ]) {
      expect(hubFromAnswer(answer), JSON.stringify(answer)).toBeNull()
    }
  })

  it('cuts a long name and blanks control characters; a missing name reads as a hub', () => {
    const hub = hubFromAnswer({
      name: `A\u0007B\n${'x'.repeat(10_000)}`,
      addresses: ['10.0.0.1'],
      port: 9,
    })
    expect(hub!.name).toBe(`A B ${'x'.repeat(56)}`)
    expect(hubFromAnswer({ addresses: ['10.0.0.1'], port: 9 })!.name).toBe('Kiosk induk')
  })
})
