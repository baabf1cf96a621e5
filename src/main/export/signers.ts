import { validateNip } from '../../shared/nip'
import { RECAP_TITLE, signerTitle, type Signer, type SignerList } from '../../shared/signer'
import type { Db } from '../db/connection'
import { UserError } from '../errors'

const COLUMNS = 'title, name, pangkat, nip'

/** Every OPD on the roster with its signer (null: none set), in name order. */
export function listSigners(db: Db): SignerList {
  const rows = db
    .prepare(
      `SELECT o.id AS opdId, o.name AS opdName, s.title, s.name, s.pangkat, s.nip
       FROM opd o LEFT JOIN signer s ON s.opd_id = o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all() as ({ opdId: number; opdName: string } & Partial<Signer>)[]
  return {
    opd: rows.map(({ opdId, opdName, ...s }) => ({
      opdId,
      opdName,
      derivedTitle: signerTitle(opdName),
      signer: s.title ? (s as Signer) : null,
    })),
    recap: { derivedTitle: RECAP_TITLE, signer: recapSigner(db) },
  }
}

/** The signers set, by OPD id, for an export. */
export function signersByOpd(db: Db): Map<number, Signer> {
  const rows = db
    .prepare(`SELECT opd_id AS opdId, ${COLUMNS} FROM signer WHERE opd_id IS NOT NULL`)
    .all() as ({ opdId: number } & Signer)[]
  return new Map(rows.map(({ opdId, ...s }) => [opdId, s]))
}

export function recapSigner(db: Db): Signer | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM signer WHERE opd_id IS NULL`).get() as Signer) ?? null
}

/** The NIP as stored (18 digits), or a refusal naming the field; empty stays empty. */
export function signerNip(raw: string, field = 'NIP penanda tangan'): string {
  if (raw.trim() === '') return ''
  const check = validateNip(raw)
  if (!check.ok) throw new UserError('BAD_INPUT', `${field}: ${check.reason}.`)
  return check.nip
}

/**
 * Sets (or, with an empty title, clears back to the derived title) who signs for an OPD, or
 * for the recap when `opdId` is null.
 */
export function setSigner(db: Db, now: Date, opdId: number | null, input: Signer): void {
  const title = input.title.replace(/\s+/g, ' ').trim()
  const where = opdId === null ? 'opd_id IS NULL' : 'opd_id = ?'
  const args = opdId === null ? [] : [opdId]
  if (opdId !== null && !db.prepare('SELECT 1 FROM opd WHERE id = ?').get(opdId)) {
    throw new UserError('NOT_FOUND', `OPD dengan id ${opdId} tidak ditemukan.`)
  }
  if (title === '') {
    db.prepare(`DELETE FROM signer WHERE ${where}`).run(...args)
    return
  }
  const row = {
    opdId,
    title,
    name: input.name.trim(),
    pangkat: input.pangkat.trim(),
    nip: signerNip(input.nip),
    at: now.toISOString(),
  }
  db.transaction(() => {
    db.prepare(`DELETE FROM signer WHERE ${where}`).run(...args)
    db.prepare(
      `INSERT INTO signer (opd_id, ${COLUMNS}, updated_at)
       VALUES (@opdId, @title, @name, @pangkat, @nip, @at)`,
    ).run(row)
  })()
}
