import { z } from 'zod'
import { SCAN_SOURCES } from '../domain'
import {
  PAKTA_SELECTIONS,
  type PaktaBatch,
  type PaktaCopy,
  type PaktaOutcome,
  type PaktaOutstanding,
  type PaktaTracking,
} from '../pakta'
import { MAX_PAYLOAD_LENGTH } from '../payload'
import { call } from './define'

const line = (max: number) => z.string().trim().max(max)
const id = z.number().int().positive()
const ceremony = z.object({ ceremonyId: id }).strict()

export const paktaFields = z
  .object({
    heading: line(300).min(1, 'Judul pakta wajib diisi'),
    subheading: line(300),
    opening: line(1000).min(1, 'Kalimat pembuka wajib diisi'),
    statement: line(1000).min(1, 'Kalimat pernyataan wajib diisi'),
    points: z
      .array(line(1000).min(1, 'Butir pakta tidak boleh kosong'))
      .min(1, 'Pakta perlu minimal satu butir')
      .max(30, 'Paling banyak 30 butir'),
    sanction: line(1000).min(1, 'Kalimat sanksi wajib diisi'),
    closing: line(1000).min(1, 'Kalimat penutup wajib diisi'),
    place: line(100),
    meterai: z.boolean(),
  })
  .strict()
export type PaktaFields = z.infer<typeof paktaFields>

export const paktaContract = {
  'pakta.get': call<PaktaCopy>()(ceremony),
  'pakta.save': call<PaktaCopy>({ officer: true, changes: ['pakta.changed'] })(
    paktaFields.extend(ceremony.shape).strict(),
  ),
  /**
   * Pre-filled forms for one person, an OPD, a name/NIP filter, or only those not returned
   * yet; names and NIPs, so the officer's only. Gives each person a form id the first time.
   */
  'pakta.forms': call<PaktaBatch>({ officer: true, changes: ['pakta.changed'] })(
    ceremony
      .extend({
        employeeId: id.nullable(),
        opdId: id.nullable(),
        query: line(100),
        only: z.enum(PAKTA_SELECTIONS),
      })
      .strict(),
  ),
  /** A returned form's QR, from the camera or a scanner in "Pakta diterima" mode. */
  'pakta.receive': call<PaktaOutcome>({ changes: ['pakta.changed'] })(
    z
      .object({ payload: z.string().max(MAX_PAYLOAD_LENGTH), source: z.enum(SCAN_SOURCES) })
      .strict(),
  ),
  /** A signed form whose QR cannot be read, marked received by the officer from the list. */
  'pakta.markReceived': call<PaktaOutcome>({ officer: true, changes: ['pakta.changed'] })(
    ceremony.extend({ employeeId: id }).strict(),
  ),
  /** Counts only: received and expected per OPD. */
  'pakta.tracking': call<PaktaTracking>()(ceremony),
  /** Who has not returned it (one OPD, or all): the reminder list, names and NIPs. */
  'pakta.outstanding': call<PaktaOutstanding[]>({ officer: true })(
    ceremony.extend({ opdId: id.nullable() }).strict(),
  ),
}
