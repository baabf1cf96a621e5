import type { ceremonyContract } from '../../shared/contract/ceremony'
import { backUpIfActive } from '../jobs/backup'
import {
  activeCeremonyId,
  createCeremony,
  duplicateCeremony,
  listCeremonies,
  setActiveCeremony,
  updateCeremony,
} from '../ceremony/repository'
import type { KioskContext } from '../context'
import { signAtClose } from '../log/signed-head'
import type { HandlersFor } from './handlers'

export function ceremonyHandlers(ctx: KioskContext): HandlersFor<keyof typeof ceremonyContract> {
  return {
    'ceremony.list': () => listCeremonies(ctx.db),
    'ceremony.create': (fields) => backUpIfActive(ctx, createCeremony(ctx.db, ctx.now(), fields)),
    'ceremony.update': (fields) => updateCeremony(ctx.db, fields, ctx.now()),
    'ceremony.duplicate': ({ id }) => duplicateCeremony(ctx.db, ctx.now(), id),
    'ceremony.setActive': ({ id }) => {
      // Making another ceremony active closes the one before it.
      if (activeCeremonyId(ctx.db) !== id)
        signAtClose(ctx.db, ctx.key, { at: ctx.now(), kioskId: ctx.kioskId })
      return backUpIfActive(ctx, setActiveCeremony(ctx.db, id, ctx.now()))
    },
  }
}
