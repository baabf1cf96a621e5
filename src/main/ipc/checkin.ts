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
import { networkOf } from './hub'
import { headEntryId } from '../gate/outbox'
import { kioskRole } from '../hub/role'

/**
 * How long a gate's scan waits for the hub's word after its local commit: short enough that the
 * screen never feels it, long enough for a loopback or hotspot round trip.
 */
export const HUB_VERDICT_WAIT_MS = 300

const PAKTA_AT_GATE =
  'Ini formulir pakta integritas, bukan kartu NIP. Untuk menerimanya, buka layar Pakta dan nyalakan mode Pakta diterima.'

export function checkinHandlers(ctx: KioskContext): HandlersFor<keyof typeof checkinContract> {
  const gate = new GateSearch(() => ctx.now().getTime())
  // Compiled now, not on the first scan, which would otherwise wait for it at the gate.
  warmScan(ctx.db, ctx.kioskId)
  // Made on first use: a standalone kiosk's scans never build the network's services.
  const net = () => networkOf(ctx)
  /** "SUDAH TERCATAT di Gerbang 2 pukul 07.12" when another gate has the person earlier. */
  const hubWord = async (outcome: ScanOutcome, entryId: string | null): Promise<ScanOutcome> => {
    const verdict = entryId && (await net().gate.verdictFor(entryId, HUB_VERDICT_WAIT_MS))
    if (!verdict || verdict.verdict !== 'repeat' || outcome.kind !== 'recorded') return outcome
    return {
      kind: 'duplicate',
      person: outcome.person,
      firstAt: verdict.firstAt,
      where: verdict.where,
    }
  }
  const signNowAndThen = periodicHeadSigner(ctx.db, ctx.key, ctx.kioskId, {
    monotonicMs: ctx.monotonicMs ?? (() => performance.now()),
    now: ctx.now,
  })
  return {
    'checkin.scan': ({ payload, source }) => {
      const picked = source === 'manual' ? gate.redeem(payload) : payload
      const atGate = kioskRole(ctx.db) === 'gerbang' && net().gate.paired()
      const scan = {
        payload: picked ?? payload,
        source,
        kioskId: ctx.kioskId,
        now: ctx.now(),
        hubOffsetMs: atGate ? net().gate.offsetMs() : null,
      }
      const { outcome, ceremonyId } =
        picked === null
          ? refuseScan(ctx.db, scan, 'Hasil pencarian sudah lama; cari nama itu lagi.')
          : looksLikePaktaForm(picked)
            ? refuseScan(ctx.db, scan, PAKTA_AT_GATE)
            : decideScan(ctx.db, scan)
      // The scan's own entry, before a periodic head signing can follow it.
      const entryId = atGate ? headEntryId(ctx.db) : null
      // Every attempt is logged, so every one moves the gate's count of attempts.
      if (ceremonyId !== null)
        ctx.events.emit(isNewArrival(outcome) ? 'checkin.changed' : 'checkin.attempted', {
          ceremonyId,
        })
      signNowAndThen()
      if (!atGate || !isNewArrival(outcome)) return outcome
      // Committed here first; then the hub's word, if it comes in time, says who counts.
      return hubWord(outcome, entryId)
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
