// canonicalJson takes JSON.stringify's bytes when a value is already in canonical order: the
// two ways must never write different bytes, and what is refused stays refused.
import { describe, expect, it } from 'vitest'
import { canonicalJson, type CanonicalValue } from '../../src/main/log/canonical'

/** Rules 1 to 5 of docs/log-format.md, written from the document (as tests/db/log-format.test.ts). */
function fromTheDocument(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number') return v === 0 ? '0' : String(v)
  if (Array.isArray(v)) return `[${v.map(fromTheDocument).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${fromTheDocument(o[k])}`)
    .join(',')}}`
}

describe('canonicalJson', () => {
  it('writes the bytes the document defines, whether or not the keys came in order', () => {
    const values: unknown[] = [
      { a: 1, b: [1, 2, { d: null, c: true }], e: 'ü "kutip" \\ \n \u2028' },
      { b: 1, a: 2 }, // out of order: sorted by the slow path
      { '10': 'x', '9': 'y', a: 'z' }, // integer-like keys: listed 9 before 10, sorted 10 before 9
      { z: { y: { x: [] } }, nested: [[], {}, [-0, 0, -5]] },
      JSON.parse('{"seq":3,"body":{"nip":"198","kioskSeq":2},"at":"2024"}'),
      'teks',
      -0,
      [],
    ]
    for (const v of values) expect(canonicalJson(v as CanonicalValue)).toBe(fromTheDocument(v))
  })

  it('refuses what the canonical form cannot hold, in order or not', () => {
    for (const v of [
      { a: 1.5 },
      { a: undefined },
      [1, undefined],
      { a: new Date(0) },
      { n: 2 ** 60 },
    ])
      expect(() => canonicalJson(v as unknown as CanonicalValue)).toThrow(/canonical form/)
  })
})
