import { afterEach, describe, expect, it } from 'vitest'
import { insertMany } from '../../src/main/db/insert-many'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function table() {
  const t = tempDb([])
  cleanups.push(t.cleanup)
  t.db.exec('CREATE TABLE item (n INTEGER PRIMARY KEY, word TEXT NOT NULL, note TEXT) STRICT')
  return { db: t.db, insert: insertMany(t.db, 'item', ['n', 'word', 'note']) }
}

const items = (count: number, from = 1) =>
  Array.from({ length: count }, (_, k) => ({ n: from + k, word: `kata ${from + k}` }))

describe('insertMany', () => {
  it.each([0, 1, 31, 32, 33, 64, 70])('writes %i rows whole and in order', (count) => {
    const { db, insert } = table()
    insert(items(count), (i) => [i.n, i.word, i.n % 2 ? null : 'genap'])
    expect(db.prepare('SELECT n, word, note FROM item ORDER BY rowid').all()).toEqual(
      items(count).map((i) => ({ ...i, note: i.n % 2 ? null : 'genap' })),
    )
  })

  it('throws on a row that breaks a constraint, and its transaction keeps none of them', () => {
    const { db, insert } = table()
    insert(items(3), (i) => [i.n, i.word, null])
    // Row 40 repeats a key already stored: it sits in the second bound group of 32.
    const batch = [...items(39, 10), { n: 2, word: 'lagi' }, ...items(5, 60)]
    expect(() => db.transaction(() => insert(batch, (i) => [i.n, i.word, null]))()).toThrow(
      /UNIQUE/,
    )
    expect(db.prepare('SELECT n FROM item ORDER BY n').pluck().all()).toEqual([1, 2, 3])
  })
})
