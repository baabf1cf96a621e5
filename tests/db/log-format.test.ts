// Recomputes a kiosk's chain from docs/log-format.md alone: the few lines below are written
// from the document, not from src/main/log, and use only node:crypto and JSON. If the code and
// the document drift apart, this fails.
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { kioskTable } from '../fixtures/kiosk-table'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** "Canonical form", rules 1 to 5 of the document. */
function canonical(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${v}`)
    return v === 0 ? '0' : String(v)
  }
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

interface Row {
  seq: number
  id: string
  kind: string
  at: string
  kiosk_id: string | null
  body: string
  prev_hash: string
  hash: string
}

/** "The hash": SHA-256(bytes(prev_hash) ‖ canonical bytes of the entry object). */
function recompute(rows: Row[]): string[] {
  let prev = Buffer.alloc(32)
  return rows.map((r) => {
    const entry = {
      seq: r.seq,
      id: r.id,
      kind: r.kind,
      at: r.at,
      kiosk_id: r.kiosk_id,
      body: JSON.parse(r.body),
    }
    const hash = createHash('sha256')
      .update(prev)
      .update(Buffer.from(canonical(entry), 'utf8'))
      .digest('hex')
    prev = Buffer.from(hash, 'hex')
    return hash
  })
}

describe('docs/log-format.md', () => {
  it('is enough to recompute every hash of a real chain', async () => {
    const k = kioskTable()
    cleanups.push(k.cleanup)
    await k.call('ceremony.create', { ...PILKADA_2024, name: 'Apel "Senin" — Kantor Bupati' })
    for (const payload of ['197405021993111001', '197405021993111001', 'bukan kartu\n\u0001'])
      await k.call('checkin.scan', { payload, source: 'pemindai' })
    const rows = k.ctx.db.prepare('SELECT * FROM log_entry ORDER BY seq').all() as Row[]
    expect(rows.length).toBe(5)
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash))
    // Each body is stored in its own canonical form.
    for (const r of rows) expect(canonical(JSON.parse(r.body))).toBe(r.body)
    expect(recompute(rows)).toEqual(rows.map((r) => r.hash))
  })
})
