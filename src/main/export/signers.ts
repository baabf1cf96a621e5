import { validateNip } from '../../shared/nip'
import { RECAP_TITLE, signerTitle, type Signer, type SignerList } from '../../shared/signer'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'

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

/** The row of one OPD's signer (or, for null, the recap's). */
const signerRow = (opdId: number | null) =>
  opdId === null ? { where: 'opd_id IS NULL', args: [] } : { where: 'opd_id = ?', args: [opdId] }

const sameSigner = (a: Signer | null, b: Signer | null) =>
  a === null || b === null
    ? a === b
    : a.title === b.title && a.name === b.name && a.pangkat === b.pangkat && a.nip === b.nip

/**
 * Sets (or, with an empty title, clears back to the derived title) who signs for an OPD, or
 * for the recap when `opdId` is null; logged with the signer it replaced, in one transaction.
 */
export function setSigner(db: Db, now: Date, opdId: number | null, input: Signer): void {
  const opd =
    opdId === null
      ? null
      : (db.prepare('SELECT name FROM opd WHERE id = ?').pluck().get(opdId) as string | undefined)
  if (opd === undefined) throw new UserError('NOT_FOUND', `OPD dengan id ${opdId} tidak ditemukan.`)
  const title = input.title.replace(/\s+/g, ' ').trim()
  const signer: Signer | null = title
    ? { title, name: input.name.trim(), pangkat: input.pangkat.trim(), nip: signerNip(input.nip) }
    : null
  const { where, args } = signerRow(opdId)
  db.transaction(() => {
    const previous =
      (db.prepare(`SELECT ${COLUMNS} FROM signer WHERE ${where}`).get(...args) as Signer) ?? null
    db.prepare(`DELETE FROM signer WHERE ${where}`).run(...args)
    if (signer)
      db.prepare(
        `INSERT INTO signer (opd_id, ${COLUMNS}, updated_at)
         VALUES (@opdId, @title, @name, @pangkat, @nip, @at)`,
      ).run({ opdId, ...signer, at: now.toISOString() })
    if (sameSigner(previous, signer)) return
    appendEntry(db, {
      kind: 'signer.set',
      at: now.toISOString(),
      kioskId: kioskOf(db),
      body: { opdId, opd, previous, signer },
    })
  }).immediate()
}
