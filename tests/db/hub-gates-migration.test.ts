import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { hubGates } from '../../src/main/db/migrations/0013-hub-gates'
import { RateLimiter } from '../../src/main/hub/limits'
import { clockOffset, usableSample } from '../../src/main/gate/offset'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0013 hub-gates', () => {
  it('adds the hub gate table over peer and the gate link of one row, on a database of the step before', () => {
    const before = tempDb(MIGRATIONS.slice(0, hubGates.version - 1))
    cleanups.push(before.cleanup)
    expect(before.db.pragma('user_version', { simple: true })).toBe(hubGates.version - 1)
    before.db.close()
    const t = tempDb(MIGRATIONS.slice(0, hubGates.version))
    cleanups.push(t.cleanup)
    const db = t.db
    db.prepare(
      `INSERT INTO peer (kiosk_id, label, public_key, fingerprint, joined_by, joined_at)
       VALUES ('G1', 'Gerbang 1', 'k', 'f', 'live', 'now')`,
    ).run()
    const gate = db.prepare(
      "INSERT INTO hub_gate (kiosk_id, number, credential_sha256, paired_at) VALUES (?, ?, 'h', 'now')",
    )
    gate.run('G1', 1)
    // A gate that is no peer, and a number given twice, are refused.
    expect(() => gate.run('G9', 2)).toThrow(/FOREIGN KEY/)
    const link = db.prepare(
      `INSERT INTO gate_link (id, hub_kiosk_id, address, port, cert_pem, cert_sha256, credential, label, paired_at)
       VALUES (?, 'H', '127.0.0.1', 1, 'p', 's', 'c', 'Gerbang 1', 'now')`,
    )
    link.run(1)
    expect(() => link.run(2)).toThrow(/CHECK/)
    expect(db.prepare('SELECT ack_seq FROM gate_link').pluck().get()).toBe(0)
  })
})

describe('the hub limits and the clock offset', () => {
  it('lets a burst through, then the average rate, per key', () => {
    let t = 0
    const limiter = new RateLimiter(2, 3, () => t)
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false])
    expect(limiter.take('b')).toBe(true)
    t = 500
    expect([limiter.take('a'), limiter.take('a')]).toEqual([true, false])
  })

  it('measures the hub clock minus the gate clock from the four times of one exchange', () => {
    // The gate is 90 s behind; 40 ms there, 10 ms at the hub, 40 ms back.
    expect(clockOffset(1_000, 91_040, 91_050, 1_090)).toBe(90_000)
    expect(usableSample(1_000, 91_040, 91_050, 1_090)).toBe(true)
    // The gate's clock set forward ten minutes while the request was out: no sample.
    expect(usableSample(1_000, 91_040, 91_050, 601_090)).toBe(false)
  })
})
