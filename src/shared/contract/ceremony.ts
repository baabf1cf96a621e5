import { z } from 'zod'
import type { Ceremony } from '../domain'
import { TIME_ZONE_IDS } from '../time'
import { call } from './define'

const id = z.number().int().positive()
const clock = z.string().regex(/^([01]\d|2[0-3])[.:][0-5]\d$/, 'Jam ditulis JJ:MM, misalnya 07:30')

export const ceremonyFields = z
  .object({
    name: z.string().trim().min(1, 'Nama acara wajib diisi').max(200),
    date: z.iso.date('Tanggal tidak valid'),
    startTime: clock,
    lateTime: clock,
    place: z.string().trim().max(200),
    timeZone: z.enum(TIME_ZONE_IDS),
    opdIds: z.array(id).min(1, 'Pilih minimal satu OPD').nullable(),
    unknownPolicy: z.enum(['review', 'refuse']),
    /** Fills the ikrar's {pemilihan}. Absent: proposed from the date (on create), kept (on edit). */
    election: z.string().trim().max(200).optional(),
  })
  .strict()
export type CeremonyFields = z.infer<typeof ceremonyFields>

export const ceremonyContract = {
  'ceremony.list': call<Ceremony[]>()(z.undefined()),
  'ceremony.create': call<Ceremony>({ officer: true, changes: ['ceremony.changed'] })(
    ceremonyFields,
  ),
  'ceremony.update': call<Ceremony>({ officer: true, changes: ['ceremony.changed'] })(
    ceremonyFields.extend({ id }).strict(),
  ),
  'ceremony.duplicate': call<Ceremony>({ officer: true, changes: ['ceremony.changed'] })(
    z.object({ id }).strict(),
  ),
  'ceremony.setActive': call<Ceremony>({ officer: true, changes: ['ceremony.changed'] })(
    z.object({ id }).strict(),
  ),
}
