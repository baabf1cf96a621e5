import type { PaktaBatch, PaktaForm, PaktaSelection } from '../../shared/pakta'
import { formatDay } from '../../shared/time'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { rosterWhere } from '../roster/repository'
import { encodeForm, formSecret } from './payload'
import { getPaktaCopy, printablePakta } from './repository'

/**
 * The ASN a ceremony asks to sign: its expected people without the non-ASN staff, who have no
 * NIP to sign under. One definition for the forms, the receipts and the tracking. Bind
 * @ceremonyId; the rows are aliased `e`.
 */
export const PAKTA_SIGNERS = `SELECT * FROM (${EXPECTED_EMPLOYEES}) AS e WHERE e.jenis <> 'NON_ASN'`

export interface FormRequest {
  ceremonyId: number
  /** One person (from the list), or null for everyone the other fields select. */
  employeeId: number | null
  opdId: number | null
  /** Name or NIP, as the roster search reads it; empty: no filter. */
  query: string
  only: PaktaSelection
}

/** A person's form before it has its QR; formId null: none printed yet. */
type SignerRow = Omit<PaktaForm, 'formId' | 'payload'> & { formId: number | null }

function selectSigners(db: Db, r: FormRequest): SignerRow[] {
  const { clause, params } = rosterWhere({
    query: r.query,
    opdId: r.opdId,
    includeInactive: false,
    card: 'any',
  })
  const conditions = [clause.replace(/^WHERE /, '')].filter(Boolean)
  if (r.employeeId !== null) conditions.push('e.id = @employeeId')
  if (r.only === 'belum') conditions.push('p.id IS NULL')
  return db
    .prepare(
      `SELECT e.id AS employeeId, e.nip, e.name, e.pangkat, e.jabatan, o.name AS opdName,
         p.received_at AS receivedAt, f.id AS formId
       FROM (${PAKTA_SIGNERS}) AS e
       JOIN opd o ON o.id = e.opd_id
       LEFT JOIN pakta_receipt p ON p.ceremony_id = @ceremonyId AND p.employee_id = e.id
       LEFT JOIN pakta_form f ON f.ceremony_id = @ceremonyId AND f.employee_id = e.id
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY o.name COLLATE NOCASE, e.name COLLATE NOCASE, e.id`,
    )
    .all({ ...params, ceremonyId: r.ceremonyId, employeeId: r.employeeId }) as SignerRow[]
}

/**
 * The print job for a selection: the filled text once, and one form per person with the QR
 * that names that form. Each person's form id is made the first time and reused on a reprint,
 * so every copy in circulation is the same form. Writes only the form ids, in one transaction.
 */
export function issueForms(db: Db, now: Date, request: FormRequest): PaktaBatch {
  const ceremony = getCeremony(db, request.ceremonyId)
  const copy = getPaktaCopy(db, ceremony.id)
  const text = printablePakta(db, copy)
  const forms = db
    .transaction(() => {
      const secret = formSecret(db)
      const people = selectSigners(db, request)
      const issue = db.prepare(
        `INSERT INTO pakta_form (ceremony_id, employee_id, nip, issued_at) VALUES (?, ?, ?, ?)
         RETURNING id`,
      )
      const stamp = now.toISOString()
      // A person's NIP never changes on the roster (a new NIP is a new person), so a form
      // once made keeps naming the right NIP.
      return people.map(({ formId, ...p }): PaktaForm => {
        const id = formId ?? (issue.pluck().get(ceremony.id, p.employeeId, p.nip, stamp) as number)
        const payload = encodeForm({ ceremonyId: ceremony.id, formId: id, nip: p.nip }, secret)
        return { formId: id, ...p, payload }
      })
    })
    .immediate()
  if (forms.length === 0) {
    throw new UserError(
      'PAKTA_NOBODY',
      request.only === 'belum'
        ? 'Tidak ada ASN pada pilihan ini yang belum mengembalikan pakta.'
        : 'Pilihan ini tidak memuat ASN yang diharapkan hadir di acara ini (pegawai non-ASN tidak menandatangani pakta).',
    )
  }
  return {
    text,
    place: copy.place,
    date: formatDay(ceremony.startsAt, ceremony.timeZone),
    meterai: copy.meterai,
    forms,
  }
}
