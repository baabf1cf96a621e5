import type { ceremonyContract } from '../../shared/contract/ceremony'
import type { Ceremony } from '../../shared/domain'
import { createBackup } from '../backup/backups'
import {
  createCeremony,
  duplicateCeremony,
  listCeremonies,
  setActiveCeremony,
  updateCeremony,
} from '../ceremony/repository'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

export function ceremonyHandlers(ctx: KioskContext): HandlersFor<keyof typeof ceremonyContract> {
  /**
   * A ceremony that becomes the gate's active one starts with a backup. A failed backup is
   * logged, never a reason to stop the ceremony.
   */
  const backupIfActive = async (ceremony: Ceremony) => {
    if (ceremony.active) {
      await createBackup(ctx.db, ctx.dbPath, `acara-${ceremony.id}`, ctx.now()).catch(
        (e: unknown) => console.error('[cadangan]', e),
      )
    }
    return ceremony
  }
  return {
    'ceremony.list': () => listCeremonies(ctx.db),
    'ceremony.create': (fields) => backupIfActive(createCeremony(ctx.db, ctx.now(), fields)),
    'ceremony.update': (fields) => updateCeremony(ctx.db, fields),
    'ceremony.duplicate': ({ id }) => duplicateCeremony(ctx.db, ctx.now(), id),
    'ceremony.setActive': ({ id }) => backupIfActive(setActiveCeremony(ctx.db, id)),
  }
}
