// Group commit at the hub: pushes read together are applied under one transaction, each in its
// own savepoint, so a refused or replayed one changes nothing while the others are held.
import { afterEach, describe, expect, it } from 'vitest'
import { decideScan } from '../../src/main/checkin/record'
import { outboxAfter } from '../../src/main/gate/outbox'
import { stopNetwork } from '../../src/main/ipc/hub'
import { listGates } from '../../src/main/hub/gates'
import { PushGroup } from '../../src/main/hub/push'
import type { WireEntry } from '../../src/main/hub/wire'
import { hubAndGate } from '../fixtures/hub-pair'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('pushes read together', () => {
  it('are held together, a refused one and a replayed one rolling back alone', async () => {
    const { hub, gate, roster } = await hubAndGate(10, cleanups)
    await hub.call('hub.stop')
    await stopNetwork(gate.ctx)
    const held = () =>
      hub.ctx.db
        .prepare("SELECT coalesce(max(seq), 0) FROM peer_entry WHERE kiosk_id = 'GATE-1'")
        .pluck()
        .get() as number
    const before = held()
    for (const p of roster.slice(0, 2))
      decideScan(gate.ctx.db, {
        payload: p.nip,
        source: 'kamera',
        kioskId: 'GATE-1',
        now: new Date(gate.clock.t),
      })
    const fresh = outboxAfter(gate.ctx.db, before, 500)
    const scans = fresh.filter((e) => e.kind === 'scan')
    expect(scans).toHaveLength(2)
    const upToFirst = fresh.filter((e) => e.seq <= scans[0]!.seq)
    const rest = fresh.filter((e) => e.seq > scans[0]!.seq)
    const forged: WireEntry = { ...scans[0]!, body: { ...scans[0]!.body, added: 1 } }
    const record = listGates(hub.ctx.db)[0]!
    const group = new PushGroup(hub.ctx.db, () => new Date(hub.clock.t))
    const push = (nonce: string, entries: WireEntry[]) => ({
      nonce: nonce.repeat(32),
      sentAt: hub.clock.t,
      offsetMs: 0,
      backlog: 0,
      entries,
    })

    // All four in one turn: one group.
    const [first, tampered, replayed, second] = await Promise.allSettled([
      group.apply(record, push('a', upToFirst)),
      group.apply(record, push('b', [forged])),
      group.apply(record, push('a', [])),
      group.apply(record, push('c', rest)),
    ])
    expect(first).toMatchObject({ status: 'fulfilled', value: { ackSeq: scans[0]!.seq } })
    expect(tampered.status).toBe('rejected')
    expect(String((tampered as PromiseRejectedResult).reason)).toMatch(/entri nomor/)
    expect(replayed).toEqual({ status: 'fulfilled', value: 'REPLAY' })
    expect(second).toMatchObject({
      status: 'fulfilled',
      value: {
        ackSeq: fresh.at(-1)!.seq,
        verdicts: [{ entryId: scans[1]!.id, verdict: 'counted' }],
      },
    })
    expect(held()).toBe(fresh.at(-1)!.seq)
    expect(
      hub.ctx.db
        .prepare("SELECT nip FROM checkin WHERE kiosk_id = 'GATE-1' ORDER BY nip")
        .pluck()
        .all(),
    ).toEqual(
      roster
        .slice(0, 2)
        .map((p) => p.nip)
        .sort(),
    )
    // The refused push's nonce went with its savepoint; the two held ones stay.
    expect(
      hub.ctx.db.prepare('SELECT substr(nonce, 1, 1) FROM hub_nonce ORDER BY 1').pluck().all(),
    ).toEqual(expect.arrayContaining(['a', 'c']))
    expect(
      hub.ctx.db.prepare("SELECT count(*) FROM hub_nonce WHERE nonce LIKE 'b%'").pluck().get(),
    ).toBe(0)
  })
})
