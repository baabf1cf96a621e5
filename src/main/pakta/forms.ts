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

/** A person's form before it has its id and QR. */
type SignerRow = Omit<PaktaForm, 'formId' | 'payload'>

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
         p.received_at AS receivedAt
       FROM (${PAKTA_SIGNERS}) AS e
       JOIN opd o ON o.id = e.opd_id
       LEFT JOIN pakta_receipt p ON p.ceremony_id = @ceremonyId AND p.employee_id = e.id
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
         ON CONFLICT (ceremony_id, employee_id) DO NOTHING`,
      )
      const find = db.prepare(
        'SELECT id, nip FROM pakta_form WHERE ceremony_id = ? AND employee_id = ?',
      )
      const stamp = now.toISOString()
      return people.map((p): PaktaForm => {
        issue.run(ceremony.id, p.employeeId, p.nip, stamp)
        let form = find.get(ceremony.id, p.employeeId) as { id: number; nip: string }
        // The NIP was corrected on the roster since: the old form names the old NIP, so a
        // fresh form replaces it (the QR is bound to the NIP it printed).
        if (form.nip !== p.nip) {
          db.prepare('UPDATE pakta_form SET nip = ?, issued_at = ? WHERE id = ?').run(
            p.nip,
            stamp,
            form.id,
          )
          form = { id: form.id, nip: p.nip }
        }
        const payload = encodeForm({ ceremonyId: ceremony.id, formId: form.id, nip: p.nip }, secret)
        return { formId: form.id, ...p, payload }
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
