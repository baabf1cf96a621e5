import type { Person, ScanSource } from '../../shared/domain'
import {
  PAKTA_REFUSALS,
  type PaktaOutcome,
  type PaktaReceipt,
  type PaktaRefusal,
} from '../../shared/pakta'
import { extractNip } from '../../shared/payload'
import { getOfficer } from '../attendance/repository'
import { activeCeremonyId } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { PAKTA_SIGNERS } from './forms'
import { decodeForm, formSecret } from './payload'
import { appendEntry } from '../log/append'

export interface ReturnedForm {
  payload: string
  source: ScanSource
  kioskId: string
  now: Date
}

const refuse = (why: PaktaRefusal, person: Person | null = null): PaktaOutcome => ({
  kind: 'pakta-refused',
  why,
  reason: PAKTA_REFUSALS[why],
  person,
})

/**
 * Writes one pakta receipt and its log entry: the only place a pakta becomes "received". Runs
 * inside the caller's transaction. Returns false when this person's pakta was already in (the
 * unique index decides, not a read before the write); a repeat is not a new fact.
 */
export function recordPaktaReceipt(db: Db, receipt: PaktaReceipt): boolean {
  const { changes } = db
    .prepare(
      `INSERT INTO pakta_receipt (ceremony_id, employee_id, nip, form_id, source, received_at,
         received_by, kiosk_id)
       VALUES (@ceremonyId, @employeeId, @nip, @formId, @source, @receivedAt, @receivedBy, @kioskId)
       ON CONFLICT (ceremony_id, employee_id) DO NOTHING`,
    )
    .run(receipt)
  if (changes === 0) return false
  const { ceremonyId, employeeId, nip, formId, source, receivedBy, receivedAt, kioskId } = receipt
  appendEntry(db, {
    kind: 'pakta.received',
    at: receivedAt,
    kioskId,
    body: { ceremonyId, employeeId, nip, formId, source, by: receivedBy },
  })
  return true
}

interface FormRow {
  ceremony_id: number
  employee_id: number
  nip: string
}

/** The person the form names, if they are still one of the ASN the ceremony asks to sign. */
function signer(db: Db, ceremonyId: number, employeeId: number, nip: string): Person | null {
  const row = db
    .prepare(
      `SELECT e.nip, e.name, o.name AS opdName FROM (${PAKTA_SIGNERS}) AS e
       JOIN opd o ON o.id = e.opd_id WHERE e.id = @employeeId AND e.nip = @nip`,
    )
    .get({ ceremonyId, employeeId, nip }) as Person | undefined
  return row ?? null
}

/**
 * A returned form's scan, decided: a NIP card, another code, a changed or foreign form,
 * another ceremony's form or a person no longer on the roster is refused with the reason;
 * the same person's pakta twice is "sudah diterima" with the first time; otherwise it is
 * recorded (on disk before this returns) as received by the officer on duty at this kiosk.
 */
export function receivePakta(db: Db, scan: ReturnedForm): PaktaOutcome {
  return db
    .transaction((): PaktaOutcome => {
      const decoded = decodeForm(scan.payload, formSecret(db))
      if (!decoded.ok) {
        if (decoded.why === 'forged') return refuse('forged')
        return refuse(extractNip(scan.payload).ok ? 'nip-card' : 'not-pakta')
      }
      const { form } = decoded
      const row = db
        .prepare('SELECT ceremony_id, employee_id, nip FROM pakta_form WHERE id = ?')
        .get(form.formId) as FormRow | undefined
      if (!row) return refuse('unknown-form')
      // The MAC held, yet the row says otherwise: a database restored from before this form.
      if (row.ceremony_id !== form.ceremonyId || row.nip !== form.nip) return refuse('forged')
      const active = activeCeremonyId(db)
      if (active === null) return refuse('no-ceremony')
      if (form.ceremonyId !== active) return refuse('other-ceremony')
      const person = signer(db, active, row.employee_id, row.nip)
      if (!person) return refuse('not-on-roster')
      return takeIn(db, person, {
        ceremonyId: active,
        employeeId: row.employee_id,
        formId: form.formId,
        source: scan.source,
        kioskId: scan.kioskId,
        now: scan.now,
      })
    })
    .immediate()
}

interface TakeIn {
  ceremonyId: number
  employeeId: number
  formId: number | null
  source: ScanSource
  kioskId: string
  now: Date
}

/** Records a decided pakta as received by the officer on duty, or says it already was. */
function takeIn(db: Db, person: Person, t: TakeIn): PaktaOutcome {
  const officer = getOfficer(db)
  if (!officer) return refuse('no-officer', person)
  const at = t.now.toISOString()
  const { now: _now, ...facts } = t
  const receipt: PaktaReceipt = { ...facts, nip: person.nip, receivedAt: at, receivedBy: officer }
  if (recordPaktaReceipt(db, receipt)) return { kind: 'pakta-received', person, at }
  const firstAt = db
    .prepare('SELECT received_at FROM pakta_receipt WHERE ceremony_id = ? AND employee_id = ?')
    .pluck()
    .get(t.ceremonyId, t.employeeId) as string
  return { kind: 'pakta-duplicate', person, firstAt }
}

/**
 * The officer marks a pakta received by hand: a signed form whose QR is torn or smudged, read
 * from the reminder list. Recorded as "manual", with the person's form when one was printed.
 */
export function receivePaktaByHand(
  db: Db,
  r: { ceremonyId: number; employeeId: number; kioskId: string; now: Date },
): PaktaOutcome {
  return db
    .transaction((): PaktaOutcome => {
      const nip = db.prepare('SELECT nip FROM employee WHERE id = ?').pluck().get(r.employeeId) as
        string | undefined
      const person = nip === undefined ? null : signer(db, r.ceremonyId, r.employeeId, nip)
      if (!person) return refuse('not-on-roster')
      const formId = db
        .prepare('SELECT id FROM pakta_form WHERE ceremony_id = ? AND employee_id = ?')
        .pluck()
        .get(r.ceremonyId, r.employeeId) as number | undefined
      return takeIn(db, person, { ...r, formId: formId ?? null, source: 'manual' })
    })
    .immediate()
}
