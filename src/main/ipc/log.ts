import type { logContract } from '../../shared/contract/log'
import { activeCeremonyId } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { personHistory } from '../log/history'
import { signHead } from '../log/signed-head'
import { fingerprintOf } from '../keys/signature'
import type { HandlersFor } from './handlers'

export function logHandlers(ctx: KioskContext): HandlersFor<keyof typeof logContract> {
  return {
    'log.signHead': () => {
      const head = signHead(ctx.db, ctx.key, {
        reason: 'permintaan',
        at: ctx.now(),
        kioskId: ctx.kioskId,
      })
      return head && { ...head, fingerprint: fingerprintOf(ctx.key.publicKey) }
    },
    'log.personHistory': ({ nip, ceremonyId }) => {
      const id = ceremonyId ?? activeCeremonyId(ctx.db)
      if (id === null) {
        throw new UserError('NO_CEREMONY', 'Belum ada acara aktif. Pilih acara di menu Acara.')
      }
      return personHistory(ctx.db, nip, id)
    },
  }
}
