import { z } from 'zod'
import type {
  IkrarCopy,
  IkrarReading,
  IkrarReadingRecord,
  IkrarTemplate,
  MirrorState,
} from '../ikrar'
import { READING_MODES, READING_MOVES } from '../ikrar'
import { call } from './define'

const line = (max: number) => z.string().trim().max(max)

/** Absent: the active ceremony, which is the one the gate and the field are running. */
const target = z.object({ ceremonyId: z.number().int().positive().optional() }).strict()

export const ikrarFields = z
  .object({
    instansi: line(200),
    heading: line(300).min(1, 'Judul ikrar wajib diisi'),
    opening: line(1000).min(1, 'Kalimat pembuka wajib diisi'),
    points: z
      .array(line(1000).min(1, 'Butir ikrar tidak boleh kosong'))
      .min(1, 'Ikrar perlu minimal satu butir')
      .max(30, 'Paling banyak 30 butir'),
    closing: line(1000).nullable(),
  })
  .strict()
export type IkrarFields = z.infer<typeof ikrarFields>

export const ikrarContract = {
  'ikrar.templates': call<IkrarTemplate[]>()(z.undefined()),
  'ikrar.get': call<IkrarCopy>()(target),
  /** Replaces the ceremony's copy with a fresh copy of a template (the agency name stays). */
  'ikrar.chooseTemplate': call<IkrarCopy>({ officer: true, changes: ['ceremony.changed'] })(
    target.extend({ templateId: z.string().max(64) }).strict(),
  ),
  'ikrar.save': call<IkrarCopy>({ officer: true, changes: ['ceremony.changed'] })(
    ikrarFields.extend(target.shape).strict(),
  ),
  'ikrar.readings': call<IkrarReadingRecord[]>()(target),
  'ikrar.startReading': call<IkrarReading>()(target),
  /** Read once by a window that opens; after that the `ikrar.reading` event carries it. */
  'ikrar.reading': call<IkrarReading | null>()(z.undefined()),
  'ikrar.move': call<IkrarReading>()(z.object({ to: z.enum(READING_MOVES) }).strict()),
  'ikrar.setMode': call<IkrarReading>()(z.object({ mode: z.enum(READING_MODES) }).strict()),
  /** Records the end; null when no reading was running (the other window ended it). */
  /** "Layar dicerminkan ke proyektor": hides latecomers' names on the kiosk screen. */
  'ikrar.mirror': call<MirrorState>()(z.undefined()),
  'ikrar.setMirror': call<MirrorState>({ officer: true })(
    z.object({ mirrored: z.boolean() }).strict(),
  ),
  'ikrar.endReading': call<IkrarReadingRecord | null>()(z.undefined()),
}
