import { describe, expect, it } from 'vitest'
import type { GateLink, RoleStatus } from '../../src/shared/contract/hub'
import { describeOutcome } from '../../src/renderer/src/checkin/outcome'
import { badgeText } from '../../src/renderer/src/hub/roles'
import {
  describeAgo,
  describeOffset,
  describeRemaining,
} from '../../src/renderer/src/hub/time-words'

const BUDI_NIP = '197405021993111001'
const NOW = Date.parse('2024-09-30T00:20:00.000Z')
const LINK: GateLink = {
  paired: true,
  label: 'Gerbang 2',
  hubAddress: '192.168.43.10',
  hubPort: 8443,
  hubCertFingerprint: 'AB12',
  online: true,
  lastContact: null,
  backlog: 0,
  offsetMs: 0,
  lastError: null,
  ceremonyName: 'Apel',
}
const gate = (link: Partial<GateLink>): RoleStatus => ({
  role: 'gerbang',
  label: 'Gerbang 2',
  hub: null,
  gate: { ...LINK, ...link },
})

describe('what the hub and gate screens say', () => {
  it('names the clock offset from the gate side, within the network jitter as the same', () => {
    expect(describeOffset(null)).toBe('belum diukur')
    expect(describeOffset(300)).toBe('sama dengan kiosk induk')
    // Hub clock minus gate clock: positive, the gate is behind.
    expect(describeOffset(1_250)).toBe('1,3 detik lebih lambat')
    expect(describeOffset(-42_000)).toBe('42 detik lebih cepat')
    expect(describeOffset(-185_000)).toBe('3 menit lebih cepat')
  })

  it('says how long ago and how long is left', () => {
    expect(describeAgo(null, NOW)).toBe('belum pernah')
    expect(describeAgo('2024-09-30T00:19:58.000Z', NOW)).toBe('baru saja')
    expect(describeAgo('2024-09-30T00:19:20.000Z', NOW)).toBe('40 detik lalu')
    expect(describeAgo('2024-09-30T00:08:00.000Z', NOW)).toBe('12 menit lalu')
    expect(describeRemaining('2024-09-30T00:24:32.000Z', NOW)).toBe('4.32')
    expect(describeRemaining('2024-09-30T00:20:05.500Z', NOW)).toBe('0.06')
    expect(describeRemaining('2024-09-30T00:20:00.000Z', NOW)).toBe('habis')
  })

  it("gives the badge the gate's label, its link and its backlog", () => {
    expect(badgeText({ role: 'mandiri', label: null, hub: null, gate: null })).toEqual({
      title: 'Mandiri',
      state: null,
    })
    expect(badgeText({ role: 'gerbang', label: null, hub: null, gate: null }).state).toBe(
      'belum tersambung',
    )
    expect(badgeText(gate({}))).toEqual({ title: 'Gerbang 2', state: 'tersambung' })
    expect(badgeText(gate({ online: false, backlog: 1_204 }))).toEqual({
      title: 'Gerbang 2',
      state: 'terputus · belum terkirim: 1.204',
    })
  })

  it('tells a person counted at another gate where and when, and one counted here only when', () => {
    const person = { nip: BUDI_NIP, name: 'Budi Santoso', opdName: 'Inspektorat' }
    const elsewhere = describeOutcome(
      { kind: 'duplicate', person, firstAt: '2024-09-30T00:12:00.000Z', where: 'Gerbang 2' },
      'Asia/Jakarta',
    )
    expect(`${elsewhere.title} ${elsewhere.where}`).toBe(
      'SUDAH TERCATAT di Gerbang 2 pukul 07.12 WIB',
    )
    expect(elsewhere.detail).toBe('Inspektorat · tidak dicatat ulang di gerbang ini')
    const here = describeOutcome(
      { kind: 'duplicate', person, firstAt: '2024-09-30T00:12:00.000Z', where: null },
      'Asia/Jakarta',
    )
    expect(here.where).toBeUndefined()
    expect(here.detail).toContain('sudah dipindai pukul 07.12')
  })
})
