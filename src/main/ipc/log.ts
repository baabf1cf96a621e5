import type { logContract } from '../../shared/contract/log'
import { activeCeremonyId } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { personHistory } from '../log/history'
import type { HandlersFor } from './handlers'

export function logHandlers(ctx: KioskContext): HandlersFor<keyof typeof logContract> {
  return {
    'log.personHistory': ({ nip, ceremonyId }) => {
      const id = ceremonyId ?? activeCeremonyId(ctx.db)
      if (id === null) {
        throw new UserError('NO_CEREMONY', 'Belum ada acara aktif. Pilih acara di menu Acara.')
      }
      return personHistory(ctx.db, nip, id)
    },
  }
}
