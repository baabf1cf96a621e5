import { describe, expect, it } from 'vitest'
import { validateNip } from '../../src/shared/nip'
import { crowdNip, hardCases } from '../fixtures/crowd'

describe('the generated crowd', () => {
  it('holds only valid PNS NIPs, all different', () => {
    const nips = hardCases(50).flatMap((c) => c.nips)
    expect(new Set(nips).size).toBe(300)
    for (const nip of nips) expect(validateNip(nip)).toMatchObject({ ok: true, nip, kind: 'PNS' })
  })

  it('gives person k the same NIP every time', () => {
    expect(crowdNip(0)).toBe('197001011993011001')
    expect(crowdNip(13)).toBe('197001141993022014')
  })
})
