import type { checkinContract } from '../../shared/contract/checkin'
import { dashboard } from '../checkin/dashboard'
import { gateDashboard, GateSearch } from '../checkin/gate-search'
import { cancelCheckin, recordScan } from '../checkin/record'
import { registerArrival } from '../checkin/register'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

export function checkinHandlers(ctx: KioskContext): HandlersFor<keyof typeof checkinContract> {
  const gate = new GateSearch(() => ctx.now().getTime())
  return {
    'checkin.scan': ({ payload, source }) => {
      const picked = source === 'manual' ? gate.redeem(payload) : payload
      if (picked === null)
        return { kind: 'invalid', reason: 'Hasil pencarian sudah lama; cari nama itu lagi.' }
      return recordScan(ctx.db, { payload: picked, source, kioskId: ctx.kioskId, now: ctx.now() })
    },
    'checkin.findPerson': ({ query, limit }) => gate.find(ctx.db, query, limit),
    'checkin.undo': ({ checkinId, reason }) => {
      cancelCheckin(ctx.db, checkinId, reason, ctx.now(), ctx.kioskId)
      return { checkinId }
    },
    'checkin.registerUnknown': (input) => registerArrival(ctx.db, ctx.now(), input),
    'checkin.dashboard': ({ missingOpdId, recent, filter }) =>
      gateDashboard(
        dashboard(ctx.db, missingOpdId, recent, { now: ctx.now(), kioskId: ctx.kioskId }, filter),
      ),
  }
}
