import type { checkinContract } from '../../shared/contract/checkin'
import { dashboard } from '../checkin/dashboard'
import { findPerson } from '../checkin/find-person'
import { cancelCheckin, recordScan } from '../checkin/record'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

export function checkinHandlers(ctx: KioskContext): HandlersFor<keyof typeof checkinContract> {
  return {
    'checkin.scan': ({ payload, source }) =>
      recordScan(ctx.db, { payload, source, kioskId: ctx.kioskId, now: ctx.now() }),
    'checkin.undo': ({ checkinId, reason }) => {
      cancelCheckin(ctx.db, checkinId, reason, ctx.now())
      return { checkinId }
    },
    'checkin.dashboard': ({ missingOpdId, recent, filter }) =>
      dashboard(ctx.db, missingOpdId, recent, { now: ctx.now(), kioskId: ctx.kioskId }, filter),
    'checkin.findPerson': ({ query, limit }) => findPerson(ctx.db, query, limit),
  }
}
