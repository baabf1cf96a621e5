// Replays across a hub restart: a gate's push nonce is kept in the database with the push
// (migration 0015), so the same request sent again after the hub's process came back is refused;
// a request claiming to be older than the hub keeps nonces for is refused whatever its nonce.
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { hubNonce } from '../../src/main/db/migrations/0017-hub-nonce'
import { HubRefused } from '../../src/main/gate/client'
import { stopNetwork } from '../../src/main/ipc/hub'
import { PUSH_MAX_AGE_MS } from '../../src/main/hub/push'
import { clientAs, hubAndGate } from '../fixtures/hub-pair'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('migration 0015 hub-nonce', () => {
  it('adds the table of push nonces per paired gate, on a database of the step before', () => {
    const before = tempDb(MIGRATIONS.slice(0, hubNonce.version - 1))
    cleanups.push(before.cleanup)
    expect(before.db.pragma('user_version', { simple: true })).toBe(hubNonce.version - 1)
    before.db.close()
    const t = tempDb(MIGRATIONS.slice(0, hubNonce.version))
    cleanups.push(t.cleanup)
    t.db.exec(`INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
      VALUES ('G1', 'Gerbang 1', 'k', 'f', 'live', 'now');
      INSERT INTO hub_gate (kiosk_id, number, credential_sha256, paired_at) VALUES ('G1', 1, 'h', 'now')`)
    const insert = t.db.prepare(
      'INSERT INTO hub_nonce (kiosk_id, nonce, received_at) VALUES (?, ?, 1)',
    )
    insert.run('G1', 'n1')
    expect(() => insert.run('G1', 'n1')).toThrow(/UNIQUE/)
    expect(() => insert.run('G9', 'n2')).toThrow(/FOREIGN KEY/)
  })
})

describe('a replayed push', () => {
  it('is refused after the hub restarted, and so is one older than the nonces are kept', async () => {
    const { hub, gate, info } = await hubAndGate(10, cleanups)
    await stopNetwork(gate.ctx)
    const client = clientAs(gate, info.port)
    cleanups.push(() => client.close())
    const now = hub.clock.t
    const push = { nonce: 'c'.repeat(32), sentAt: now, offsetMs: 0, backlog: 0, entries: [] }
    const send = (body: unknown) =>
      client.request('POST', '/v1/kirim', body, 5_000).then(
        () => 200,
        (e: Error) => (e instanceof HubRefused ? `${e.status} ${e.refusal.code}` : e.message),
      )
    expect(await send(push)).toBe(200)

    await hub.call('hub.stop')
    await hub.call('hub.start', { address: '127.0.0.1', port: info.port })
    expect(await send(push)).toBe('409 REPLAY')
    // A fresh nonce on a request from before the kept window: refused all the same.
    const old = { ...push, nonce: 'd'.repeat(32), sentAt: now - PUSH_MAX_AGE_MS - 60_000 }
    expect(await send(old)).toBe('409 REPLAY')
    // And a fresh one of now goes through.
    expect(await send({ ...push, nonce: 'e'.repeat(32) })).toBe(200)
    const refused = hub.ctx.db
      .prepare(
        "SELECT json_extract(body, '$.code') FROM log_entry WHERE kind = 'hub.refused' ORDER BY seq",
      )
      .pluck()
      .all()
    expect(refused).toEqual(['REPLAY', 'REPLAY'])
  })
})
