import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { entryHash } from '../../src/main/log/append'
import { verifyChain } from '../../src/main/log/chain'
import type { HeadSignedBody, LogEntry } from '../../src/main/log/kinds'
import { PERIODIC_SIGNING_MS } from '../../src/main/log/signed-head'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { verifyPath } from '../../src/main/verify/verify'
import { testContext } from '../fixtures/context'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { movingClock } from '../fixtures/moving-clock'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const NIPS = ['197405021993111001', '198001152005012002', '199009132025242014']

/** The handler table over a fresh file, with main's monotonic clock in the test's hand. */
function kiosk() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const clock = movingClock()
  const ctx = testContext({ db: t.db, dbPath: t.file, ...clock })
  const handlers = createHandlers(ctx)
  const call = async (channel: string, input?: unknown) => {
    const result = await invoke(handlers, channel, input)
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result.value
  }
  const heads = () =>
    (
      t.db
        .prepare("SELECT seq, body FROM log_entry WHERE kind = 'head.signed' ORDER BY seq")
        .all() as { seq: number; body: string }[]
    ).map((e) => ({ seq: e.seq, ...(JSON.parse(e.body) as HeadSignedBody) }))
  return { ...t, ctx, clock, call, heads }
}

describe('the signed head', () => {
  it('is signed on request, and not again while nothing new was logged', async () => {
    const k = kiosk()
    await k.call('ceremony.create', PILKADA_2024)
    await k.call('checkin.scan', { payload: NIPS[0], source: 'kamera' })
    const signed = (await k.call('log.signHead')) as { seq: number; fingerprint: string }
    expect(signed.fingerprint).toMatch(/^KIOSK-[0-9A-F]{4} · /)
    expect(await k.call('log.signHead')).toBeNull()
    expect(k.heads()).toEqual([
      expect.objectContaining({ seq: signed.seq + 1, headSeq: signed.seq, reason: 'permintaan' }),
    ])
    const check = verifyChain(k.db)
    expect(check).toMatchObject({ ok: true, unsigned: 0, signed: { seq: signed.seq + 1 } })
    expect(check.message).toContain(`oleh ${signed.fingerprint} (tidak ada entri sesudahnya)`)
  })

  it('is signed every few minutes while scans arrive, by the monotonic clock, not per scan', async () => {
    const k = kiosk()
    await k.call('ceremony.create', PILKADA_2024)
    await k.call('checkin.scan', { payload: NIPS[0], source: 'kamera' })
    expect(k.heads()).toEqual([])
    k.clock.advance(PERIODIC_SIGNING_MS)
    await k.call('checkin.scan', { payload: NIPS[1], source: 'kamera' })
    await k.call('checkin.scan', { payload: NIPS[2], source: 'pemindai' })
    expect(k.heads().map((h) => h.reason)).toEqual(['berkala'])
    k.clock.advance(PERIODIC_SIGNING_MS)
    await k.call('checkin.scan', { payload: NIPS[2], source: 'pemindai' })
    expect(k.heads().map((h) => h.reason)).toEqual(['berkala', 'berkala'])
    expect(verifyChain(k.db)).toMatchObject({ ok: true, unsigned: 0 })
  })

  it('is signed when another ceremony is made active, closing the one before, before its activation', async () => {
    const k = kiosk()
    const first = (await k.call('ceremony.create', PILKADA_2024)) as { id: number }
    const second = (await k.call('ceremony.create', { ...PILKADA_2024, name: 'Apel kedua' })) as {
      id: number
    }
    await k.call('checkin.scan', { payload: NIPS[0], source: 'kamera' })
    await k.call('ceremony.setActive', { id: first.id })
    expect(k.heads()).toEqual([])
    await k.call('ceremony.setActive', { id: second.id })
    const [closing] = k.heads()
    expect(closing).toMatchObject({ reason: 'penutupan' })
    // The signature comes first, then the new ceremony's activation.
    expect(
      k.db
        .prepare('SELECT kind FROM log_entry WHERE seq > ? ORDER BY seq')
        .pluck()
        .all(closing!.seq),
    ).toEqual(['ceremony.activated'])
    expect(verifyChain(k.db)).toMatchObject({ ok: true, signed: { seq: closing!.seq } })
  })

  it('shows a tail rewritten with recomputed hashes, which the hash chain alone cannot', async () => {
    const k = kiosk()
    await k.call('ceremony.create', PILKADA_2024)
    for (const nip of NIPS) await k.call('checkin.scan', { payload: nip, source: 'kamera' })
    const signed = (await k.call('log.signHead')) as { seq: number }
    k.db.exec('DROP TRIGGER log_entry_no_update; DROP TRIGGER log_entry_no_delete')
    // Someone changes a scan's source and recomputes every hash from there: the chain holds,
    // the signature over the old head does not.
    const rows = k.db.prepare('SELECT * FROM log_entry ORDER BY seq').all() as LogRow[]
    const target = rows.find((r) => r.kind === 'scan' && r.body.includes(NIPS[1]!))!
    let prev = rows[target.seq - 2]!.prev_hash
    const update = k.db.prepare(
      'UPDATE log_entry SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?',
    )
    for (const row of rows.slice(target.seq - 2)) {
      if (row.seq === target.seq - 1) {
        prev = entryHash(prev, toEntry(row))
        continue
      }
      const body = row.seq === target.seq ? row.body.replace('"kamera"', '"manual"') : row.body
      const hash = entryHash(prev, toEntry({ ...row, body }))
      update.run(body, prev, hash, row.seq)
      prev = hash
    }
    expect(verifyChain(k.db)).toMatchObject({
      ok: false,
      broken: {
        seq: signed.seq + 1,
        problem: 'kepala rantai yang ditandatangani bukan entri sebelumnya',
      },
    })
  })

  it('verifies the kiosk database itself as a file: Asli, Diubah at the entry, or not a kiosk database', async () => {
    const k = kiosk()
    await k.call('ceremony.create', PILKADA_2024)
    for (const nip of NIPS) await k.call('checkin.scan', { payload: nip, source: 'kamera' })
    await k.call('log.signHead')
    const ok = await verifyPath(k.file, { ownKey: k.ctx.key.publicKey })
    expect(ok).toMatchObject({ verdict: 'asli', signedBy: { ownKiosk: true } })
    expect(ok.files[0]!.note).toContain('Log basis data utuh')

    k.db.exec('DROP TRIGGER log_entry_no_update')
    k.db.prepare("UPDATE log_entry SET at = '2024-09-30T00:00:00.000Z' WHERE seq = 4").run()
    const changed = await verifyPath(k.file, {})
    expect(changed.verdict).toBe('diubah')
    expect(changed.files[0]!.findings[0]).toContain('Log basis data rusak di entri nomor 4')

    const other = path.join(k.dir, 'lain.sqlite')
    new Database(other).exec('CREATE TABLE t (x)')
    expect((await verifyPath(other)).files[0]).toMatchObject({
      verdict: 'tidak-terbaca',
      findings: ['lain.sqlite bukan basis data kiosk yang memiliki log.'],
    })
  })

  it('answers npm run verify on a database: 0 intact, 1 changed', async () => {
    const k = kiosk()
    await k.call('ceremony.create', PILKADA_2024)
    await k.call('checkin.scan', { payload: NIPS[0], source: 'kamera' })
    const run = (target: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', CLI, target], {
        encoding: 'utf8',
        timeout: 60_000,
      })
    const copy = path.join(k.dir, 'salinan.sqlite')
    await k.db.backup(copy)
    const intact = run(copy)
    expect(intact.status, intact.stderr).toBe(0)
    expect(intact.stdout).toContain('Belum ada kepala rantai yang ditandatangani')
    const edit = new Database(copy)
    edit.exec('DROP TRIGGER log_entry_no_update')
    edit.prepare("UPDATE log_entry SET body = replace(body, 'kamera', 'manual')").run()
    edit.close()
    const changed = run(copy)
    expect(changed.status, changed.stdout).toBe(1)
    expect(changed.stdout).toContain('Log basis data rusak di entri nomor')
    fs.rmSync(copy)
  }, 90_000)
})

const CLI = path.resolve(__dirname, '../../scripts/verify.ts')

/** A log_entry row as SQLite gives it back. */
interface LogRow {
  seq: number
  id: string
  kind: LogEntry['kind']
  at: string
  kiosk_id: string | null
  body: string
  prev_hash: string
}

function toEntry(row: Omit<LogRow, 'prev_hash'>): LogEntry {
  return {
    seq: row.seq,
    id: row.id,
    kind: row.kind,
    at: row.at,
    kioskId: row.kiosk_id,
    body: JSON.parse(row.body) as LogEntry['body'],
  }
}
