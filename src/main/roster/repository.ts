import type { CardFilter, Employee, ImportResult, JenisPegawai, Opd } from '../../shared/domain'
import { normalizeNip } from '../../shared/nip'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'
import type { EmployeeFieldChange } from '../log/kinds'
import { opdKey, tidyOpdName } from './opd-key'
import type { RosterRow } from './parse-roster'

interface EmployeeRow {
  id: number
  nip: string
  name: string
  opdId: number
  opdName: string
  jabatan: string
  pangkat: string
  jenis: JenisPegawai
  active: number
  cardPrintedAt: string | null
}

const SELECT_EMPLOYEE = `
  SELECT e.id, e.nip, e.name, e.opd_id AS opdId, o.name AS opdName, e.jabatan, e.pangkat, e.jenis,
    e.active, e.card_printed_at AS cardPrintedAt
  FROM employee e JOIN opd o ON o.id = e.opd_id`

const toEmployee = (r: EmployeeRow): Employee => ({ ...r, active: r.active === 1 })

export function listOpd(db: Db): Opd[] {
  return db
    .prepare(
      `SELECT o.id, o.name, count(e.id) AS employees
       FROM opd o LEFT JOIN employee e ON e.opd_id = o.id AND e.active = 1
       GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all() as Opd[]
}

export interface RosterFilter {
  query: string
  opdId: number | null
  includeInactive: boolean
  card: CardFilter
}

export interface SearchQuery extends RosterFilter {
  limit: number
  offset: number
}

const CARD_CLAUSE: Record<CardFilter, string | null> = {
  any: null,
  none: 'e.card_printed_at IS NULL',
  printed: 'e.card_printed_at IS NOT NULL',
}

/**
 * The WHERE clause over `employee e` for a filter: by name (any part, any case) or by NIP
 * (any part, separators ignored), by OPD, by card. Shared by the list and the card sheet, so
 * the sheet prints exactly whom the list shows.
 */
export function rosterWhere(q: RosterFilter): { clause: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  const text = q.query.trim()
  if (text) {
    const digits = normalizeNip(text)
    where.push(/^\d+$/.test(digits) ? 'instr(e.nip, @digits) > 0' : "e.name LIKE @like ESCAPE '\\'")
    params.digits = digits
    params.like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  }
  if (q.opdId !== null) {
    where.push('e.opd_id = @opdId')
    params.opdId = q.opdId
  }
  if (!q.includeInactive) where.push('e.active = 1')
  const card = CARD_CLAUSE[q.card]
  if (card) where.push(card)
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

export function searchEmployees(db: Db, q: SearchQuery): { total: number; rows: Employee[] } {
  const { clause, params } = rosterWhere(q)
  const total = (
    db.prepare(`SELECT count(*) AS n FROM employee e ${clause}`).get(params) as { n: number }
  ).n
  const rows = db
    .prepare(
      `${SELECT_EMPLOYEE} ${clause} ORDER BY e.name COLLATE NOCASE, e.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as EmployeeRow[]
  return { total, rows: rows.map(toEmployee) }
}

export function getEmployee(db: Db, id: number): Employee {
  const row = db.prepare(`${SELECT_EMPLOYEE} WHERE e.id = ?`).get(id) as EmployeeRow | undefined
  if (!row) throw new UserError('NOT_FOUND', `Pegawai dengan id ${id} tidak ditemukan.`)
  return toEmployee(row)
}

export function requireOpd(db: Db, opdId: number): void {
  if (!db.prepare('SELECT 1 FROM opd WHERE id = ?').get(opdId)) {
    throw new UserError('NOT_FOUND', `OPD dengan id ${opdId} tidak ditemukan.`)
  }
}

export interface EmployeeEdit {
  id: number
  name: string
  opdId: number
  jabatan: string
  pangkat: string
  jenis: JenisPegawai
  active: boolean
}

/** The fields an edit by hand changed, previous and new; the OPD by name. */
function changedFields(before: Employee, after: Employee): EmployeeFieldChange[] {
  const changes: EmployeeFieldChange[] = []
  const text = ['name', 'jabatan', 'pangkat', 'jenis'] as const
  for (const field of text)
    if (before[field] !== after[field])
      changes.push({ field, previous: before[field], value: after[field] })
  if (before.opdId !== after.opdId)
    changes.push({ field: 'opd', previous: before.opdName, value: after.opdName })
  if (before.active !== after.active)
    changes.push({ field: 'active', previous: before.active, value: after.active })
  return changes
}

/** An edit by hand, logged with the fields it changed in the same transaction. */
export function updateEmployee(db: Db, now: Date, edit: EmployeeEdit): Employee {
  requireOpd(db, edit.opdId)
  return db
    .transaction(() => {
      const before = getEmployee(db, edit.id)
      db.prepare(
        `UPDATE employee SET name = @name, opd_id = @opdId, jabatan = @jabatan, pangkat = @pangkat,
         jenis = @jenis, active = @active, updated_at = @now WHERE id = @id`,
      ).run({ ...edit, active: edit.active ? 1 : 0, now: now.toISOString() })
      const after = getEmployee(db, edit.id)
      const changes = changedFields(before, after)
      if (changes.length > 0) {
        appendEntry(db, {
          kind: 'employee.changed',
          at: now.toISOString(),
          kioskId: kioskOf(db),
          body: { employeeId: after.id, nip: after.nip, changes },
        })
      }
      return after
    })
    .immediate()
}

/** Non-ASN staff have no NIP: the kiosk numbers them NA-000001, NA-000002, … for their QR card. */
export function addNonAsn(
  db: Db,
  now: Date,
  input: { name: string; opdId: number; jabatan: string; pangkat: string },
): Employee {
  requireOpd(db, input.opdId)
  return db
    .transaction(() => {
      const last = db
        .prepare(
          `SELECT max(CAST(substr(nip, 4) AS INTEGER)) AS n FROM employee WHERE nip LIKE 'NA-%'`,
        )
        .get() as { n: number | null }
      const nip = `NA-${String((last.n ?? 0) + 1).padStart(6, '0')}`
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO employee (nip, name, opd_id, jabatan, pangkat, jenis, active, updated_at)
         VALUES (?, ?, ?, ?, ?, 'NON_ASN', 1, ?)`,
        )
        .run(nip, input.name, input.opdId, input.jabatan, input.pangkat, now.toISOString())
      const e = getEmployee(db, Number(lastInsertRowid))
      appendEntry(db, {
        kind: 'employee.added',
        at: now.toISOString(),
        kioskId: kioskOf(db),
        body: {
          employeeId: e.id,
          nip: e.nip,
          name: e.name,
          opd: e.opdName,
          jabatan: e.jabatan,
          pangkat: e.pangkat,
          jenis: e.jenis,
        },
      })
      return e
    })
    .immediate()
}

export function ensureOpd(db: Db, name: string): number {
  const key = opdKey(name)
  db.prepare('INSERT INTO opd (key, name) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(
    key,
    tidyOpdName(name),
  )
  return (db.prepare('SELECT id FROM opd WHERE key = ?').get(key) as { id: number }).id
}

export interface RosterDiff {
  toAdd: RosterRow[]
  toUpdate: RosterRow[]
  unchanged: number
  /** Ids of active employees with a NIP that the file no longer lists. */
  toDeactivate: number[]
  opdNew: string[]
}

/**
 * What applying the file would change, computed against the database as it is now. `held`:
 * NIPs of rows the file had but the import rejected; their people are left as they are.
 */
export function diffRoster(db: Db, rows: RosterRow[], held: readonly string[] = []): RosterDiff {
  const current = new Map<string, EmployeeRow & { opdKey: string }>()
  // Demo rows are removed before a real roster is applied: the diff is against real data only.
  const all = db
    .prepare(
      `${SELECT_EMPLOYEE.replace('o.name AS opdName', 'o.name AS opdName, o.key AS opdKey')}
       WHERE e.demo = 0 AND o.demo = 0`,
    )
    .all() as (EmployeeRow & { opdKey: string })[]
  for (const e of all) current.set(e.nip, e)
  const knownOpd = new Set(
    (db.prepare('SELECT key FROM opd WHERE demo = 0').all() as { key: string }[]).map((o) => o.key),
  )
  const inFile = new Set([...rows.map((r) => r.nip), ...held])
  const diff: RosterDiff = { toAdd: [], toUpdate: [], unchanged: 0, toDeactivate: [], opdNew: [] }
  const newOpd = new Map<string, string>()
  for (const r of rows) {
    if (!knownOpd.has(r.opdKey)) newOpd.set(r.opdKey, r.opdName)
    const e = current.get(r.nip)
    if (!e) diff.toAdd.push(r)
    else if (
      e.name !== r.name ||
      e.opdKey !== r.opdKey ||
      e.jabatan !== r.jabatan ||
      e.pangkat !== r.pangkat ||
      e.jenis !== r.jenis ||
      e.active !== 1
    )
      diff.toUpdate.push(r)
    else diff.unchanged++
  }
  // A file of one OPD retires only that OPD's missing staff, never the rest of the region; and
  // staff the kiosk numbered itself never appear in a SIMPEG file, so a file cannot retire them.
  const opdInFile = new Set(rows.map((r) => r.opdKey))
  for (const e of all) {
    const missing = e.active === 1 && !inFile.has(e.nip) && !e.nip.startsWith('NA-')
    if (missing && opdInFile.has(e.opdKey)) diff.toDeactivate.push(e.id)
  }
  diff.opdNew = [...newOpd.values()]
  return diff
}

/** All or nothing: one transaction, so a failure half-way leaves the roster as it was. */
export function applyRoster(
  db: Db,
  rows: RosterRow[],
  now: Date,
  held: readonly string[] = [],
): ImportResult {
  return db
    .transaction(() => {
      const diff = diffRoster(db, rows, held)
      const stamp = now.toISOString()
      const opdIds = new Map<string, number>()
      const opdFor = (r: RosterRow) => {
        let id = opdIds.get(r.opdKey)
        if (id === undefined) opdIds.set(r.opdKey, (id = ensureOpd(db, r.opdName)))
        return id
      }
      // Positional parameters: binding a copied object by name per row cost about as much
      // as the inserts themselves for 20,000 rows.
      const upsert = db.prepare(
        `INSERT INTO employee (nip, name, opd_id, jabatan, pangkat, jenis, active, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT(nip) DO UPDATE SET name = excluded.name, opd_id = excluded.opd_id,
         jabatan = excluded.jabatan, pangkat = excluded.pangkat, jenis = excluded.jenis,
         active = 1, updated_at = excluded.updated_at`,
      )
      for (const r of [...diff.toAdd, ...diff.toUpdate])
        upsert.run(r.nip, r.name, opdFor(r), r.jabatan, r.pangkat, r.jenis, stamp)
      const retire = db.prepare('UPDATE employee SET active = 0, updated_at = ? WHERE id = ?')
      for (const id of diff.toDeactivate) retire.run(stamp, id)
      return {
        added: diff.toAdd.length,
        updated: diff.toUpdate.length,
        deactivated: diff.toDeactivate.length,
      }
    })
    .immediate()
}
