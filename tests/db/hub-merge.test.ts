import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { applyPeerEntries, MERGE_CANCELLED_BY } from '../../src/main/hub/merge'
import { setKioskRole } from '../../src/main/hub/role'
import { ownEntries, type PeerEntry, type PeerIdentity } from '../../src/main/hub/peer-chain'
import { entryHash } from '../../src/main/log/append'
import { verifyChain } from '../../src/main/log/chain'
import { importPaket } from '../../src/main/paket/read'
import { writePaket } from '../../src/main/paket/write'
import { rebuildMatches } from '../../src/main/log/rebuild'
import type { Ceremony } from '../../src/shared/domain'
import { crowdNip } from '../fixtures/crowd'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { kioskAt, people, type Kiosk } from '../fixtures/kiosks'
import { tempDir } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const ROSTER = people(6, crowdNip)
const [P0, P1, P2, P3] = ROSTER.map((p) => p.nip) as [string, string, string, string]

async function kiosk(id: string) {
  const k = await kioskAt(id, ROSTER)
  cleanups.push(k.cleanup)
  return k
}

/** A hub with the apel, and gates that run the same apel (same global id). */
async function apel(...gateIds: string[]) {
  const hub = await kiosk('HUB')
  // A hub by its role: its own arrivals are "Kiosk induk" in the merge's reasons.
  setKioskRole(hub.ctx.db, 'induk')
  const ceremony = await hub.call<Ceremony>('ceremony.create', PILKADA_2024)
  const gates = await Promise.all(gateIds.map((id) => kiosk(id)))
  for (const g of gates) g.join(ceremony)
  return { hub, ceremony, gates }
}

const identity = (k: Kiosk, label: string): PeerIdentity => ({
  kioskId: k.ctx.kioskId,
  label,
  publicKey: k.ctx.key.publicKey,
  joinedBy: 'live',
})

/** What the hub holds as arrivals, without its own row ids (they follow arrival order). */
const arrivals = (k: Kiosk) =>
  k.ctx.db
    .prepare(
      `SELECT c.global_id AS ceremony, nip, kiosk_id AS kiosk, seq, scanned_at AS at, late,
         cancelled_at AS cancelledAt, cancel_reason AS reason, cancelled_by AS cancelledBy
       FROM checkin JOIN ceremony c ON c.id = checkin.ceremony_id ORDER BY kiosk_id, seq`,
    )
    .all()

const live = (k: Kiosk) =>
  k.ctx.db
    .prepare('SELECT nip, kiosk_id AS kiosk FROM checkin WHERE cancelled_at IS NULL ORDER BY nip')
    .all()

const count = (k: Kiosk, table: string) =>
  k.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('applyPeerEntries: a gate chain becomes the hub arrivals', () => {
  it('stores the chain, derives each arrival under the gate id and its own number, and changes nothing when sent again', async () => {
    const { hub, ceremony, gates } = await apel('GATE-A')
    const a = gates[0]!
    await a.scanAt('00:31:00', P0)
    await a.scanAt('00:32:00', P1)
    await a.scanAt('00:33:00', P0) // a repeat at the gate itself
    await a.scanAt('00:50:00', P2) // late: after 07.45 WIB
    const chain = ownEntries(a.ctx.db)
    const first = applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), chain)
    expect(first).toMatchObject({
      newEntries: chain.length,
      knownEntries: 0,
      arrivals: 3,
      repeats: 1,
      unknownCeremony: 0,
      duplicates: [],
      ceremonyIds: [ceremony.id],
    })
    expect(live(hub)).toEqual(
      [P0, P1, P2]
        .map((nip) => ({ nip, kiosk: 'GATE-A' }))
        .sort((x, y) => (x.nip < y.nip ? -1 : 1)),
    )
    const rows = arrivals(hub) as { nip: string; seq: number; late: number; at: string }[]
    expect(rows.map((r) => [r.nip, r.seq, r.late, r.at])).toEqual([
      [P0, 1, 0, '2024-09-30T00:31:00.000Z'],
      [P1, 2, 0, '2024-09-30T00:32:00.000Z'],
      [P2, 3, 1, '2024-09-30T00:50:00.000Z'],
    ])
    const before = { rows: arrivals(hub), entries: count(hub, 'peer_entry') }
    const again = applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), chain)
    expect(again).toMatchObject({ newEntries: 0, knownEntries: chain.length, arrivals: 0 })
    // Overlapping pushes: the last two again plus what came after.
    await a.scanAt('00:51:00', P3)
    const overlap = applyPeerEntries(
      hub.ctx.db,
      identity(a, 'Gerbang 1'),
      ownEntries(a.ctx.db, chain.length - 1),
    )
    expect(overlap).toMatchObject({ newEntries: 1, knownEntries: 2, arrivals: 1 })
    expect({ rows: arrivals(hub).slice(0, 3), entries: count(hub, 'peer_entry') - 1 }).toEqual(
      before,
    )
    // The hub's own log and its own rows still check out.
    expect(verifyChain(hub.ctx.db).ok).toBe(true)
    expect(rebuildMatches(hub.ctx.db)).toMatchObject({ matches: true })
  })

  it('counts the earliest scan of a person whichever kiosk had it and whichever order the chains come in', async () => {
    const states: unknown[] = []
    for (const order of [
      ['GATE-A', 'GATE-B'],
      ['GATE-B', 'GATE-A'],
    ]) {
      const { hub, gates } = await apel('GATE-A', 'GATE-B')
      const [a, b] = gates as [Kiosk, Kiosk]
      await a.scanAt('00:35:00', P0)
      await b.scanAt('00:31:00', P0) // earlier at B: B counts
      await a.scanAt('00:32:00', P1)
      await b.scanAt('00:36:00', P1) // earlier at A: A counts
      await hub.scanAt('00:30:00', P2) // the hub's own gate first
      await a.scanAt('00:33:00', P2)
      await b.scanAt('00:34:00', P3)
      await hub.scanAt('00:40:00', P3) // the hub's own scan later than B's
      const labels: Record<string, string> = { 'GATE-A': 'Gerbang 1', 'GATE-B': 'Gerbang 2' }
      const results = order.map((id) => {
        const g = id === 'GATE-A' ? a : b
        return applyPeerEntries(hub.ctx.db, identity(g, labels[id]!), ownEntries(g.ctx.db))
      })
      expect(results.flatMap((r) => r.duplicates).length).toBeGreaterThan(0)
      expect(live(hub)).toEqual(
        [
          { nip: P0, kiosk: 'GATE-B' },
          { nip: P1, kiosk: 'GATE-A' },
          { nip: P2, kiosk: 'HUB' },
          { nip: P3, kiosk: 'GATE-B' },
        ].sort((x, y) => (x.nip < y.nip ? -1 : 1)),
      )
      const setAside = hub.ctx.db
        .prepare(
          `SELECT nip, kiosk_id AS kiosk, cancel_reason AS reason FROM checkin
           WHERE cancelled_by = ? ORDER BY nip, kiosk_id`,
        )
        .all(MERGE_CANCELLED_BY)
      expect(setAside).toEqual(
        [
          {
            nip: P0,
            kiosk: 'GATE-A',
            reason: 'Sudah tercatat lebih awal di Gerbang 2 pukul 07.31 WIB',
          },
          {
            nip: P1,
            kiosk: 'GATE-B',
            reason: 'Sudah tercatat lebih awal di Gerbang 1 pukul 07.32 WIB',
          },
          {
            nip: P2,
            kiosk: 'GATE-A',
            reason: 'Sudah tercatat lebih awal di Kiosk induk pukul 07.30 WIB',
          },
          {
            nip: P3,
            kiosk: 'HUB',
            reason: 'Sudah tercatat lebih awal di Gerbang 2 pukul 07.34 WIB',
          },
        ].sort((x, y) => (x.nip + x.kiosk < y.nip + y.kiosk ? -1 : 1)),
      )
      const last = results.at(-1)!
      expect(last.duplicates.length).toBeGreaterThan(0)
      expect(last.duplicates[0]).toMatchObject({ kept: { kiosk: expect.any(String) } })
      // The hub's own gate, scanning someone a gate had first, says where.
      hub.clock.t = Date.parse('2024-09-30T00:45:00.000Z')
      expect(await hub.call('checkin.scan', { payload: P0, source: 'kamera' })).toMatchObject({
        kind: 'duplicate',
        firstAt: '2024-09-30T00:31:00.000Z',
        where: 'Gerbang 2',
      })
      expect(await hub.call('checkin.scan', { payload: P2, source: 'kamera' })).toMatchObject({
        kind: 'duplicate',
        where: null,
      })
      states.push(arrivals(hub).map((r) => ({ ...(r as object), ceremony: null })))
      expect(rebuildMatches(hub.ctx.db)).toMatchObject({ matches: true })
    }
    expect(states[1]).toEqual(states[0])
  })

  it('carries a cancellation made at the gate: the arrival stops counting and a later one elsewhere counts', async () => {
    const { hub, gates } = await apel('GATE-A', 'GATE-B')
    const [a, b] = gates as [Kiosk, Kiosk]
    const wrong = await a.scanAt('00:31:00', P0)
    await b.scanAt('00:40:00', P0)
    applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), ownEntries(a.ctx.db))
    applyPeerEntries(hub.ctx.db, identity(b, 'Gerbang 2'), ownEntries(b.ctx.db))
    expect(live(hub)).toEqual([{ nip: P0, kiosk: 'GATE-A' }])
    await a.call('checkin.undo', { checkinId: wrong.checkinId, reason: 'Salah orang' })
    const result = applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), ownEntries(a.ctx.db))
    expect(result).toMatchObject({ newEntries: 1, cancellations: 1 })
    expect(live(hub)).toEqual([{ nip: P0, kiosk: 'GATE-B' }])
    const cancelled = hub.ctx.db
      .prepare(
        "SELECT cancel_reason AS reason, cancelled_by AS by FROM checkin WHERE kiosk_id = 'GATE-A'",
      )
      .get()
    expect(cancelled).toEqual({ reason: 'Salah orang', by: 'GATE-A' })
  })

  it('keeps scans of a ceremony the hub does not know in the chain without counting them', async () => {
    const { hub } = await apel()
    const stray = await kiosk('GATE-X')
    await stray.call('ceremony.create', PILKADA_2024) // its own apel, another global id
    await stray.scanAt('00:31:00', P0)
    const result = applyPeerEntries(
      hub.ctx.db,
      identity(stray, 'Gerbang 9'),
      ownEntries(stray.ctx.db),
    )
    expect(result).toMatchObject({ arrivals: 0, unknownCeremony: 1 })
    expect(count(hub, 'checkin')).toBe(0)
  })
})

describe('applyPeerEntries refuses a chain that does not hold, and writes nothing', () => {
  async function sent() {
    const { hub, gates } = await apel('GATE-A')
    const a = gates[0]!
    for (const [i, nip] of [P0, P1, P2].entries()) await a.scanAt(`00:3${i}:00`, nip)
    return { hub, a, chain: ownEntries(a.ctx.db) }
  }
  const refused = (hub: Kiosk, a: Kiosk, chain: PeerEntry[], message: RegExp) => {
    expect(() => applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), chain)).toThrow(message)
    expect([count(hub, 'peer_entry'), count(hub, 'checkin'), count(hub, 'peer')]).toEqual([0, 0, 0])
  }

  it('an entry changed after it was recorded', async () => {
    const { hub, a, chain } = await sent()
    const last = chain.at(-1)!
    const changed = { ...last, at: '2024-09-30T00:20:00.000Z' }
    refused(
      hub,
      a,
      [...chain.slice(0, -1), changed],
      new RegExp(`entri nomor ${last.seq} hash tidak cocok`),
    )
  })

  it('an entry removed from the middle', async () => {
    const { hub, a, chain } = await sent()
    refused(
      hub,
      a,
      chain.filter((e) => e.seq !== 3),
      /entri nomor 4 tidak menyambung entri nomor 2/,
    )
  })

  it('an id used twice in the chain', async () => {
    const { hub, a, chain } = await sent()
    // The last entry takes the second's id, its hash made anew so that only the id is wrong.
    const last = { ...chain.at(-1)!, id: chain[1]!.id }
    const twice = [...chain.slice(0, -1), { ...last, hash: entryHash(last.prevHash, last) }]
    refused(hub, a, twice, /memakai id .* yang sudah dipakai entri nomor 2/)
  })

  it('an entry of another kiosk slipped in', async () => {
    const { hub, a, chain } = await sent()
    const foreign = { ...chain.at(-1)!, kioskId: 'GATE-Z' }
    refused(
      hub,
      a,
      [...chain.slice(0, -1), foreign],
      new RegExp(`entri nomor ${foreign.seq} dicatat oleh kiosk lain`),
    )
  })

  it('a segment that disagrees with what the hub already holds', async () => {
    const { hub, a, chain } = await sent()
    applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), chain.slice(0, 3))
    const before = [count(hub, 'peer_entry'), count(hub, 'checkin')]
    const rewritten = chain.slice(3).map((e) => ({ ...e, prevHash: 'f'.repeat(64) }))
    expect(() => applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), rewritten)).toThrow(
      /entri nomor 4/,
    )
    expect([count(hub, 'peer_entry'), count(hub, 'checkin')]).toEqual(before)
  })

  it('the same kiosk id with another key', async () => {
    const { hub, a, chain } = await sent()
    applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), chain.slice(0, 2))
    const other = await kiosk('OTHER')
    expect(() =>
      applyPeerEntries(
        hub.ctx.db,
        { ...identity(a, 'Gerbang 1'), publicKey: other.ctx.key.publicKey },
        chain,
      ),
    ).toThrow(/bukan kunci Gerbang 1/)
  })
})

/** Every arrival the hub holds, as the officer would compare two hubs: no row ids, no log. */
const settled = (k: Kiosk): Record<string, unknown>[] =>
  (arrivals(k) as Record<string, unknown>[]).map((r) => ({ ...r, ceremony: null }))

describe('an officer at the hub cancels the arrival that counted', () => {
  /**
   * P0 at Gerbang 1 07.31 (the wrong person, cancelled by the hub's officer), at Gerbang 2
   * 07.40, and at the hub's own gate 07.50; P1 at both gates (Gerbang 1 first), untouched.
   */
  async function scene(order: ('A' | 'B' | 'cancel')[]) {
    const { hub, gates } = await apel('GATE-A', 'GATE-B')
    const [a, b] = gates as [Kiosk, Kiosk]
    await a.scanAt('00:31:00', P0)
    await a.scanAt('00:32:00', P1)
    await b.scanAt('00:40:00', P0)
    await b.scanAt('00:33:00', P1)
    await hub.scanAt('00:50:00', P0)
    const send = { A: [a, 'Gerbang 1'], B: [b, 'Gerbang 2'] } as const
    for (const step of order) {
      if (step === 'cancel') {
        const wrong = hub.ctx.db
          .prepare("SELECT id FROM checkin WHERE kiosk_id = 'GATE-A' AND nip = ?")
          .pluck()
          .get(P0) as number
        hub.clock.t = Date.parse('2024-09-30T01:00:00.000Z')
        await hub.call('checkin.undo', { checkinId: wrong, reason: 'Salah orang' })
      } else {
        const [g, label] = send[step]
        applyPeerEntries(hub.ctx.db, identity(g, label), ownEntries(g.ctx.db))
      }
    }
    return hub
  }

  it('the arrival the merge set aside counts again, logged beside the cancellation, the same in every order', async () => {
    const orders: ('A' | 'B' | 'cancel')[][] = [
      ['A', 'B', 'cancel'],
      ['B', 'A', 'cancel'],
      ['A', 'cancel', 'B'],
    ]
    const states: unknown[] = []
    for (const order of orders) {
      const hub = await scene(order)
      expect(live(hub)).toEqual(
        [
          { nip: P0, kiosk: 'GATE-B' },
          { nip: P1, kiosk: 'GATE-A' },
        ].sort((x, y) => (x.nip < y.nip ? -1 : 1)),
      )
      const p0 = hub.ctx.db
        .prepare(
          `SELECT kiosk_id AS kiosk, cancel_reason AS reason, cancelled_by AS by FROM checkin
           WHERE nip = ? ORDER BY kiosk_id`,
        )
        .all(P0)
      expect(p0).toEqual([
        { kiosk: 'GATE-A', reason: 'Salah orang', by: 'HUB' },
        { kiosk: 'GATE-B', reason: null, by: null },
        {
          kiosk: 'HUB',
          reason: 'Sudah tercatat lebih awal di Gerbang 2 pukul 07.40 WIB',
          by: MERGE_CANCELLED_BY,
        },
      ])
      // The change is a fact in the hub's own log, in the cancellation's transaction.
      const reinstated = hub.ctx.db
        .prepare("SELECT body FROM log_entry WHERE kind = 'checkin.reinstated' ORDER BY seq")
        .pluck()
        .all()
        .map((b) => JSON.parse(b as string) as Record<string, unknown>)
      expect(reinstated.at(-1)).toMatchObject({
        nip: P0,
        arrivalKioskId: order.at(-1) === 'cancel' ? 'GATE-B' : 'HUB',
        previousReason: 'Sudah tercatat lebih awal di Gerbang 1 pukul 07.31 WIB',
      })
      expect(verifyChain(hub.ctx.db).ok).toBe(true)
      expect(rebuildMatches(hub.ctx.db)).toMatchObject({ matches: true })
      states.push(settled(hub))
    }
    for (const s of states.slice(1)) expect(s).toEqual(states[0])
  }, 120_000)

  it('changes nothing else at a kiosk that merges no chains', async () => {
    const solo = await kiosk('SOLO')
    await solo.call('ceremony.create', PILKADA_2024)
    const first = await solo.scanAt('00:31:00', P0)
    await solo.call('checkin.undo', { checkinId: first.checkinId, reason: 'Salah orang' })
    expect(live(solo)).toEqual([])
    expect(count(solo, "log_entry WHERE kind = 'checkin.reinstated'")).toBe(0)
    expect(rebuildMatches(solo.ctx.db)).toMatchObject({ matches: true })
  })
})

describe('scans stored before the hub knew their ceremony', () => {
  it('become arrivals when a paket acara makes the ceremony known, as if it had been known all along', async () => {
    // BKPSDM's apel reaches a gate before it reaches this hub (the package comes later).
    const bkpsdm = await kiosk('BKPSDM')
    const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
    const dir = tempDir('paket-')
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const paket = await writePaket(
      bkpsdm.ctx.db,
      bkpsdm.ctx,
      { ceremonyId: ceremony.id, opdIds: null },
      dir,
      new Date(bkpsdm.clock.t),
    )
    const run = async (late: boolean) => {
      const hub = await kiosk('HUB')
      const [a, b] = [await kiosk('GATE-A'), await kiosk('GATE-B')]
      for (const g of [a, b]) g.join(ceremony)
      await a.scanAt('00:31:00', P0)
      await a.scanAt('00:50:00', P1) // late
      await b.scanAt('00:30:00', P0) // earlier: counts
      const take = () =>
        importPaket(hub.ctx.db, paket.file, {
          now: new Date(hub.clock.t),
          kioskId: 'HUB',
          removeDemo: false,
        })
      if (!late) take()
      const sent = applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), ownEntries(a.ctx.db))
      expect(sent).toMatchObject(late ? { unknownCeremony: 2, arrivals: 0 } : { arrivals: 2 })
      if (late) {
        expect(count(hub, 'checkin')).toBe(0)
        take()
      }
      applyPeerEntries(hub.ctx.db, identity(b, 'Gerbang 2'), ownEntries(b.ctx.db))
      expect(live(hub)).toEqual(
        [
          { nip: P0, kiosk: 'GATE-B' },
          { nip: P1, kiosk: 'GATE-A' },
        ].sort((x, y) => (x.nip < y.nip ? -1 : 1)),
      )
      expect(rebuildMatches(hub.ctx.db)).toMatchObject({ matches: true })
      return settled(hub)
    }
    const known = await run(false)
    const learnt = await run(true)
    expect(learnt).toEqual(known)
    expect(known.map((r) => [r['kiosk'], r['late']])).toEqual([
      ['GATE-A', 0],
      ['GATE-A', 1],
      ['GATE-B', 0],
    ])
  }, 120_000)

  it('become arrivals when the segment creating their ceremony comes after them', async () => {
    const { hub, ceremony, gates } = await apel('GATE-A')
    const a = gates[0]!
    await a.scanAt('00:31:00', P0)
    await a.scanAt('00:32:00', P1)
    const chain = ownEntries(a.ctx.db)
    const created = chain.find((e) => e.kind === 'ceremony.created')!
    const later = chain.filter((e) => e.seq > created.seq)
    const first = applyPeerEntries(hub.ctx.db, identity(a, 'Gerbang 1'), later)
    expect(first).toMatchObject({ unknownCeremony: 2, arrivals: 0 })
    const rest = applyPeerEntries(
      hub.ctx.db,
      identity(a, 'Gerbang 1'),
      chain.filter((e) => e.seq <= created.seq),
    )
    expect(rest).toMatchObject({ arrivals: 2, ceremonyIds: [ceremony.id] })
    // The same gate's chain sent whole to a hub that runs the same apel.
    const inOrder = await kiosk('HUB-2')
    inOrder.join(ceremony)
    applyPeerEntries(inOrder.ctx.db, identity(a, 'Gerbang 1'), chain)
    expect(settled(hub)).toEqual(settled(inOrder))
  }, 60_000)
})
