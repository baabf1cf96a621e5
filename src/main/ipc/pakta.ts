import type { paktaContract } from '../../shared/contract/pakta'
import type { KioskContext } from '../context'
import { issueForms } from '../pakta/forms'
import { receivePakta, receivePaktaByHand } from '../pakta/receipt'
import { getPaktaCopy, savePaktaCopy } from '../pakta/repository'
import { paktaOutstanding, paktaTracking } from '../pakta/tracking'
import type { HandlersFor } from './handlers'

export function paktaHandlers(ctx: KioskContext): HandlersFor<keyof typeof paktaContract> {
  return {
    'pakta.get': ({ ceremonyId }) => getPaktaCopy(ctx.db, ceremonyId),
    'pakta.save': ({ ceremonyId, ...fields }) =>
      savePaktaCopy(ctx.db, ctx.now(), ceremonyId, fields),
    'pakta.forms': (request) => issueForms(ctx.db, ctx.now(), request),
    'pakta.receive': ({ payload, source }) =>
      receivePakta(ctx.db, { payload, source, kioskId: ctx.kioskId, now: ctx.now() }),
    'pakta.markReceived': ({ ceremonyId, employeeId }) =>
      receivePaktaByHand(ctx.db, { ceremonyId, employeeId, kioskId: ctx.kioskId, now: ctx.now() }),
    'pakta.tracking': ({ ceremonyId }) => paktaTracking(ctx.db, ceremonyId),
    'pakta.outstanding': ({ ceremonyId, opdId }) => paktaOutstanding(ctx.db, ceremonyId, opdId),
  }
}
