import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { listCardHolders, markCardsPrinted } from '../../src/main/roster/cards'
import {
  addNonAsn,
  applyRoster,
  listOpd,
  searchEmployees,
  type RosterFilter,
} from '../../src/main/roster/repository'
import { tempDb } from '../fixtures/temp-db'
import { rosterRow } from '../fixtures/roster-row'

let db: Db
let cleanup: () => void
beforeEach(() => ({ db, cleanup } = tempDb()))
afterEach(() => cleanup())

const NOW = new Date('2024-09-30T00:00:00Z')
const LATER = new Date('2024-10-07T00:00:00Z')
const person = (nip: string, name: string, opd: string) => rosterRow(nip, name, opd)
const ROSTER = [
  person('197405021993111001', 'Budi Santoso', 'Inspektorat'),
  person('198001152005012002', 'Siti Rahayu', 'Dinas Sosial'),
  person('199009132025242014', 'Agus Salim', 'Inspektorat'),
]
const ALL: RosterFilter = { query: '', opdId: null, includeInactive: false, card: 'any' }
const names = (filter: Partial<RosterFilter> = {}) =>
  listCardHolders(db, { ...ALL, ...filter }).map((h) => h.name)
const idOf = (name: string) => listCardHolders(db, ALL).find((h) => h.name === name)!.id

describe('QR cards on the roster', () => {
  beforeEach(() => {
    applyRoster(db, ROSTER, NOW)
  })

  it('lists card holders by OPD then name, with what the card shows', () => {
    const staff = addNonAsn(db, NOW, {
      name: 'Tono Honorer',
      opdId: listOpd(db).find((o) => o.name === 'Dinas Sosial')!.id,
      jabatan: '',
      pangkat: '',
    })
    expect(listCardHolders(db, ALL)).toEqual([
      { id: expect.any(Number), nip: ROSTER[1]!.nip, name: 'Siti Rahayu', opdName: 'Dinas Sosial' },
      { id: staff.id, nip: 'NA-000001', name: 'Tono Honorer', opdName: 'Dinas Sosial' },
      { id: expect.any(Number), nip: ROSTER[2]!.nip, name: 'Agus Salim', opdName: 'Inspektorat' },
      { id: expect.any(Number), nip: ROSTER[0]!.nip, name: 'Budi Santoso', opdName: 'Inspektorat' },
    ])
  })

  it('makes "no card yet" a real filter once the officer confirms a print', () => {
    expect(names({ card: 'none' })).toHaveLength(3)
    expect(markCardsPrinted(db, NOW, [idOf('Budi Santoso'), idOf('Siti Rahayu')])).toEqual({
      marked: 2,
    })
    expect(names({ card: 'none' })).toEqual(['Agus Salim'])
    expect(names({ card: 'printed' })).toEqual(['Siti Rahayu', 'Budi Santoso'])
    const inspektorat = listOpd(db).find((o) => o.name === 'Inspektorat')!.id
    expect(names({ card: 'none', opdId: inspektorat })).toEqual(['Agus Salim'])
    const list = searchEmployees(db, { ...ALL, card: 'printed', limit: 10, offset: 0 })
    expect(list.total).toBe(2)
    expect(list.rows.map((e) => e.cardPrintedAt)).toEqual([NOW.toISOString(), NOW.toISOString()])
  })

  it('keeps the card through a later import that edits the person, and moves it on a reprint', () => {
    const budi = idOf('Budi Santoso')
    markCardsPrinted(db, NOW, [budi])
    applyRoster(db, [{ ...ROSTER[0]!, name: 'Drs. Budi Santoso' }, ...ROSTER.slice(1)], LATER)
    expect(names({ card: 'printed' })).toEqual(['Drs. Budi Santoso'])
    markCardsPrinted(db, LATER, [budi])
    const row = searchEmployees(db, { ...ALL, query: 'Budi', limit: 1, offset: 0 }).rows[0]!
    expect(row.cardPrintedAt).toBe(LATER.toISOString())
  })

  it('counts only the people it could mark', () => {
    expect(markCardsPrinted(db, NOW, [idOf('Agus Salim'), 9999])).toEqual({ marked: 1 })
  })
})
