import type { checkinContract } from '../../shared/contract/checkin'
import type { ScanOutcome } from '../../shared/domain'
import { looksLikePaktaForm } from '../../shared/pakta'
import { dashboard } from '../checkin/dashboard'
import { gateDashboard, GateSearch } from '../checkin/gate-search'
import { cancelCheckin, decideScan, refuseScan, warmScan } from '../checkin/record'
import { registerArrival } from '../checkin/register'
import { periodicHeadSigner } from '../log/signed-head'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

const PAKTA_AT_GATE =
  'Ini formulir pakta integritas, bukan kartu NIP. Untuk menerimanya, buka layar Pakta dan nyalakan mode Pakta diterima.'

export function checkinHandlers(ctx: KioskContext): HandlersFor<keyof typeof checkinContract> {
  const gate = new GateSearch(() => ctx.now().getTime())
  // Compiled now, not on the first scan, which would otherwise wait for it at the gate.
  warmScan(ctx.db, ctx.kioskId)
  const signNowAndThen = periodicHeadSigner(ctx.db, ctx.key, ctx.kioskId, {
    monotonicMs: ctx.monotonicMs ?? (() => performance.now()),
    now: ctx.now,
  })
  return {
    'checkin.scan': ({ payload, source }) => {
      const picked = source === 'manual' ? gate.redeem(payload) : payload
      const scan = { payload: picked ?? payload, source, kioskId: ctx.kioskId, now: ctx.now() }
      const { outcome, ceremonyId } =
        picked === null
          ? refuseScan(ctx.db, scan, 'Hasil pencarian sudah lama; cari nama itu lagi.')
          : looksLikePaktaForm(picked)
            ? refuseScan(ctx.db, scan, PAKTA_AT_GATE)
            : decideScan(ctx.db, scan)
      // Every attempt is logged, so every one moves the gate's count of attempts.
      if (ceremonyId !== null)
        ctx.events.emit(isNewArrival(outcome) ? 'checkin.changed' : 'checkin.attempted', {
          ceremonyId,
        })
      signNowAndThen()
      return outcome
    },
    'checkin.findPerson': ({ query, limit }) => gate.find(ctx.db, query, limit),
    'checkin.undo': ({ checkinId, reason }) => {
      const ceremonyId = cancelCheckin(ctx.db, checkinId, reason, ctx.now(), ctx.kioskId)
      ctx.events.emit('checkin.changed', { ceremonyId })
      return { checkinId }
    },
    'checkin.registerUnknown': (input) => registerArrival(ctx.db, ctx.now(), input),
    'checkin.dashboard': ({ missingOpdId, recent, filter }) =>
      gateDashboard(
        dashboard(ctx.db, missingOpdId, recent, { now: ctx.now(), kioskId: ctx.kioskId }, filter),
      ),
  }
}

/** Only a new row changes the arrivals: a duplicate or a refusal moves only the attempts. */
function isNewArrival(outcome: ScanOutcome): boolean {
  return outcome.kind === 'recorded' || (outcome.kind === 'unknown' && outcome.checkinId !== null)
}
