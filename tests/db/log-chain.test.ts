import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { logExport } from '../../src/main/export/log-export'
import { appendEntry, entryHash, uuidv7 } from '../../src/main/log/append'
import { canonicalJson, type CanonicalValue } from '../../src/main/log/canonical'
import { chainHead, verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import type { Db } from '../../src/main/db/connection'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { kioskTable } from '../fixtures/kiosk-table'
import { tempDb, tempDir } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function db(): Db {
  const t = tempDb()
  cleanups.push(t.cleanup)
  return t.db
}

const pin = (d: Db, n: number) =>
  appendEntry(d, {
    kind: 'pin.set',
    at: `2024-09-30T01:00:0${n}.000Z`,
    kioskId: 'K',
    body: { replaced: n > 0 },
  })

describe('canonical form', () => {
  it('sorts keys, drops whitespace and writes integers, strings, booleans and null as JSON does', () => {
    expect(canonicalJson({ b: [1, 'dua', true, null], a: { z: -0, y: 'é"\n' } })).toBe(
      '{"a":{"y":"é\\"\\n","z":0},"b":[1,"dua",true,null]}',
    )
  })

  it('refuses floats, undefined and what is not plain data, naming where', () => {
    expect(() => canonicalJson({ a: [1, 1.5] })).toThrow('$.a[1] is the number 1.5')
    expect(() => canonicalJson({ a: undefined } as unknown as CanonicalValue)).toThrow(
      '$.a is undefined',
    )
    expect(() => canonicalJson({ t: new Date() } as unknown as CanonicalValue)).toThrow('$.t')
    expect(() => canonicalJson(Number.NaN)).toThrow('NaN')
    expect(() => canonicalJson(2 ** 53)).toThrow()
  })
})

describe('entry ids', () => {
  it('are UUIDv7: version 7, RFC variant, the time in the first 48 bits, never repeated', () => {
    const t = Date.parse('2024-09-30T01:00:00Z')
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(t)))
    expect(ids.size).toBe(10_000)
    const id = [...ids][0]!
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t)
  })
})

describe('the chain', () => {
  it('numbers entries from 1, links each to the hash before it, and reports the head', () => {
    const d = db()
    expect(chainHead(d)).toBeNull()
    const first = pin(d, 0)
    const second = pin(d, 1)
    expect([first.seq, second.seq]).toEqual([1, 2])
    const rows = d.prepare('SELECT prev_hash, hash FROM log_entry ORDER BY seq').all() as {
      prev_hash: string
      hash: string
    }[]
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    expect(rows[1]!.prev_hash).toBe(first.hash)
    expect(chainHead(d)).toEqual({ seq: 2, hash: second.hash })
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rolls back with the transaction it was written in', () => {
    const d = db()
    pin(d, 0)
    expect(() =>
      d.transaction(() => {
        pin(d, 1)
        throw new Error('gagal')
      })(),
    ).toThrow('gagal')
    expect(chainHead(d)?.seq).toBe(1)
    expect(verifyChain(d).ok).toBe(true)
  })
})

/** A session's log with the triggers dropped, as someone editing the file would. */
async function tampered() {
  const k = kioskTable()
  cleanups.push(k.cleanup)
  const d = k.ctx.db
  await k.call('ceremony.create', PILKADA_2024)
  for (const nip of ['197405021993111001', '198001152005012002', '199009132025242014'])
    await k.call('checkin.scan', { payload: nip, source: 'kamera' })
  expect(verifyChain(d).ok).toBe(true)
  d.exec('DROP TRIGGER log_entry_no_update; DROP TRIGGER log_entry_no_delete')
  const entry = (seq: number) =>
    d.prepare('SELECT * FROM log_entry WHERE seq = ?').get(seq) as {
      id: string
      body: string
      hash: string
    }
  return { d, entry }
}

describe('tampering with the log is found, at the entry', () => {
  it('a check-in time changed in its entry', async () => {
    const { d, entry } = await tampered()
    // seq 1 ceremony created, 2 activated, 3..5 the scans.
    const { id, body } = entry(4)
    d.prepare('UPDATE log_entry SET at = ?, body = ? WHERE seq = 4').run(
      '2024-09-30T00:20:00.000Z',
      body,
    )
    const check = verifyChain(d)
    expect(check).toMatchObject({ ok: false, entries: 3, broken: { seq: 4, id } })
    if (check.ok) return
    expect(check.message).toContain(`Log basis data rusak di entri nomor 4 (id ${id})`)
    expect(check.message).toContain('hash tidak cocok dengan isinya')
  })

  it('an entry deleted', async () => {
    const { d, entry } = await tampered()
    const next = entry(4)
    d.prepare('DELETE FROM log_entry WHERE seq = 3').run()
    expect(verifyChain(d)).toMatchObject({
      ok: false,
      broken: {
        seq: 4,
        id: next.id,
        problem: expect.stringContaining('entri ke-3 sampai ke-3 hilang'),
      },
    })
  })

  it('a forged entry inserted, with a made-up hash or a recomputed one', async () => {
    const { d, entry } = await tampered()
    const head = entry(5)
    const forged = {
      seq: 6,
      id: uuidv7(Date.now()),
      kind: 'scan' as const,
      at: '2024-09-30T00:40:00.000Z',
      kioskId: 'K',
      body: JSON.parse(entry(5).body),
    }
    const insert = d.prepare(
      'INSERT INTO log_entry (seq, id, kind, at, kiosk_id, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    insert.run(6, forged.id, forged.kind, forged.at, 'K', entry(5).body, head.hash, 'f'.repeat(64))
    expect(verifyChain(d)).toMatchObject({ ok: false, broken: { seq: 6, id: forged.id } })
    // Put in the middle with its hash recomputed: the entry after it no longer links.
    d.prepare('DELETE FROM log_entry WHERE seq = 6').run()
    const after = entry(5)
    const prev = entry(3).hash
    d.prepare('DELETE FROM log_entry WHERE seq = 4').run()
    const middle = { ...forged, seq: 4 }
    insert.run(
      4,
      middle.id,
      middle.kind,
      middle.at,
      'K',
      canonicalJson(middle.body),
      prev,
      entryHash(prev, middle),
    )
    expect(verifyChain(d)).toMatchObject({
      ok: false,
      broken: { seq: 5, id: after.id, problem: expect.stringContaining('hash entri sebelumnya') },
    })
  })

  it("an entry carrying an earlier entry's id, even with every hash recomputed", async () => {
    const { d, entry } = await tampered()
    const earlier = entry(3)
    const head = entry(5)
    const copy = {
      seq: 6,
      id: earlier.id,
      kind: 'scan' as const,
      at: '2024-09-30T00:40:00.000Z',
      kioskId: 'K',
      body: JSON.parse(earlier.body),
    }
    d.prepare(
      'INSERT INTO log_entry (seq, id, kind, at, kiosk_id, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(6, copy.id, copy.kind, copy.at, 'K', earlier.body, head.hash, entryHash(head.hash, copy))
    expect(verifyChain(d)).toMatchObject({
      ok: false,
      entries: 5,
      broken: {
        seq: 6,
        id: earlier.id,
        problem: expect.stringContaining('sama dengan id entri nomor 3'),
      },
    })
  })

  it('a check-in changed in its table but not in the log is found by the rebuild', async () => {
    const { d } = await tampered()
    d.prepare("UPDATE checkin SET scanned_at = '2024-09-30T00:20:00.000Z' WHERE id = 2").run()
    const check = rebuildMatches(d)
    expect(check.matches).toBe(false)
    expect(check.differences).toEqual([
      expect.stringMatching(
        /^Kehadiran 2 \(NIP 198001152005012002\) berbeda, scanned_at: tabel "2024-09-30T00:20:00.000Z", log "/,
      ),
    ])
  })
})

describe('an export whose files cannot be read back', () => {
  it('says which file, in Indonesian, and logs nothing it did not read', async () => {
    const d = db()
    const folder = tempDir()
    cleanups.push(() => fs.rmSync(folder, { recursive: true, force: true }))
    fs.writeFileSync(path.join(folder, 'Rekap.xlsx'), 'isi')
    const summary = { folder, files: ['Rekap.xlsx', 'Hilang.csv'] }
    await expect(logExport(d, { ceremonyId: 1, summary, at: new Date() })).rejects.toMatchObject({
      code: 'EXPORT_LOG',
      message: expect.stringContaining('Gagal membaca ulang berkas ekspor "Hilang.csv"'),
    })
    expect(chainHead(d)).toBeNull()
  })
})
