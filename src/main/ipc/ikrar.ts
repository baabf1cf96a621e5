import type { ikrarContract } from '../../shared/contract/ikrar'
import type { IkrarReading, MirrorState } from '../../shared/ikrar'
import { activeCeremonyId } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import type { ReadingState } from '../ikrar/reading'
import { chooseTemplate, getIkrarCopy, listReadings, saveIkrarCopy } from '../ikrar/repository'
import { createReadingSession } from '../ikrar/session'
import { listTemplates } from '../ikrar/templates'
import { getSetting, setSetting } from '../settings'
import type { HandlersFor } from './handlers'

/** The officer's answer to "Layar dicerminkan ke proyektor". */
export const MIRROR_KEY = 'screen_mirrored'

export function ikrarHandlers(ctx: KioskContext): HandlersFor<keyof typeof ikrarContract> {
  const session = createReadingSession(ctx.db, ctx.kioskId, ctx.now)

  const ceremonyOf = (input: { ceremonyId?: number | undefined }): number => {
    const id = input.ceremonyId ?? activeCeremonyId(ctx.db)
    if (id === null) {
      throw new UserError(
        'NO_CEREMONY',
        'Belum ada acara aktif. Buat atau pilih acara di menu Acara.',
      )
    }
    return id
  }
  const mirror = (): MirrorState => ({
    setting: getSetting(ctx.db, MIRROR_KEY) === '1',
    detected: ctx.displaysMirrored?.() ?? false,
  })
  const view = (state: ReadingState): IkrarReading => {
    const m = mirror()
    return {
      ...state,
      presenterShown: ctx.presenterShown?.() ?? false,
      mirrored: m.setting || m.detected,
    }
  }
  /** Every change to the reading goes to both windows, which follow it instead of polling. */
  const announce = (state: ReadingState): IkrarReading => {
    const reading = view(state)
    ctx.events.emit('ikrar.reading', reading)
    return reading
  }

  return {
    'ikrar.templates': () => listTemplates(),
    'ikrar.get': (input) => getIkrarCopy(ctx.db, ceremonyOf(input)),
    'ikrar.chooseTemplate': (input) =>
      chooseTemplate(ctx.db, ctx.now(), ceremonyOf(input), input.templateId),
    'ikrar.save': ({ ceremonyId, ...fields }) =>
      saveIkrarCopy(ctx.db, ctx.now(), ceremonyOf({ ceremonyId }), fields),
    'ikrar.readings': (input) => listReadings(ctx.db, ceremonyOf(input)),
    'ikrar.startReading': (input) => announce(session.start(ceremonyOf(input))),
    'ikrar.reading': () => {
      const state = session.current()
      return state && view(state)
    },
    'ikrar.move': ({ to }) => announce(session.move(to)),
    'ikrar.setMode': ({ mode }) => announce(session.setMode(mode)),
    'ikrar.endReading': () => {
      const record = session.end()
      if (record !== null) ctx.events.emit('ikrar.reading', null)
      return record
    },
    'ikrar.mirror': mirror,
    'ikrar.setMirror': ({ mirrored }) => {
      setSetting(ctx.db, MIRROR_KEY, mirrored ? '1' : '0')
      // A running reading shows whether the projector mirrors: both windows hear it changed.
      const state = session.current()
      if (state) announce(state)
      return mirror()
    },
  }
}
