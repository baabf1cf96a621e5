import type { QueryClient, QueryKey } from '@tanstack/query-core'
import {
  CHANNELS,
  contract,
  type Channel,
  type EventName,
  type EventPayload,
} from '../../../shared/contract'
import { keys } from './keys'

/** What one event from main does to the cache. */
export interface EventEffect {
  /** Answers that are stale now: re-read if on screen, on next use otherwise. */
  invalidate: QueryKey[]
  /** An answer the event carries itself: put in the cache as is, no call needed. */
  set?: { key: QueryKey; value: unknown }
  /** Answers that must leave the screen at once: dropped, then re-read if on screen. */
  reset?: QueryKey[]
}

const every = (...channels: Channel[]) => channels.map(keys.channel)

/** What only the officer may see (the contract marks the call): a lock takes it off the screen. */
const GUARDED = every(...CHANNELS.filter((c) => contract[c].officer))

/**
 * The one place that says which cached answers each of main's events makes stale. A screen
 * never refetches by hand: it reads through the cache, and this keeps the cache true.
 */
export const EVENT_EFFECTS: { [E in EventName]: (payload: EventPayload<E>) => EventEffect } = {
  'checkin.changed': ({ ceremonyId }) => ({
    invalidate: [
      // The gate shows the active ceremony, which is the one arrivals go to.
      ...every('checkin.dashboard', 'checkin.findPerson', 'log.personHistory', 'hub.dashboard'),
      keys.where('attendance.list', { ceremonyId }),
    ],
  }),
  // Cheaper than checkin.changed: no list of arrivals moved.
  'checkin.attempted': () => ({
    invalidate: every('checkin.dashboard', 'log.personHistory'),
  }),
  'ikrar.reading': (reading) => ({
    set: { key: keys.call('ikrar.reading'), value: reading },
    // A reading started or ended is a new line in the ceremony's log, and moves the gate's
    // count of who came after it began.
    invalidate: every('ikrar.readings', 'checkin.dashboard', 'declaration.get'),
  }),
  'roster.changed': () => ({
    invalidate: every(
      'app.status',
      'roster.listOpd',
      'roster.search',
      'roster.cardHolders',
      'roster.cardIdentity',
      'signer.list',
      // The declaration's rows: the leaders and the OPD heads (signers, who is expected).
      'declaration.leaders',
      'declaration.get',
      // Who is expected, and the names shown, come from the roster.
      'checkin.dashboard',
      'checkin.findPerson',
      'attendance.list',
      'pakta.tracking',
      'pakta.outstanding',
      // A person registered, added or edited is a new line in their history.
      'log.personHistory',
    ),
  }),
  'ceremony.changed': () => ({
    invalidate: every(
      'app.status',
      'ceremony.list',
      'checkin.dashboard',
      'attendance.list',
      'ikrar.get',
      'ikrar.readings',
      'declaration.get',
      // The election and the place the forms print come from the ceremony.
      'pakta.get',
      'pakta.tracking',
    ),
  }),
  'pakta.changed': () => ({
    invalidate: every('pakta.get', 'pakta.tracking', 'pakta.outstanding'),
  }),
  // Locked (by the officer or by the timeout) or unlocked: what was read under the PIN goes,
  // and is read again, now refused or allowed.
  'auth.changed': () => ({ invalidate: every('auth.status'), reset: GUARDED }),
  // The role badge, the hub's gate list and its dashboard (lane hub-ui may refine).
  'hub.changed': () => ({ invalidate: every('hub.status', 'hub.dashboard') }),
  // The gate's link state arrives whole: no call needed for the badge's backlog.
  'gate.link': () => ({ invalidate: every('hub.status') }),
  // Progress is shown by the job's own component as it arrives; it names no cached answer.
  'job.progress': () => ({ invalidate: [] }),
}

/**
 * One event from main, applied to the cache as EVENT_EFFECTS says. `unprompted` starts the
 * re-reads of reset answers (the app's: with the PIN prompt off, see api.ts).
 */
export async function applyEvent<E extends EventName>(
  client: QueryClient,
  name: E,
  payload: EventPayload<E>,
  unprompted: <T>(start: () => T) => T = (start) => start(),
): Promise<void> {
  const effect = EVENT_EFFECTS[name](payload)
  if (effect.set) client.setQueryData(effect.set.key, effect.set.value)
  await Promise.all([
    // Re-read without the PIN prompt: locked, the screen says so and offers "Buka kunci".
    ...(effect.reset ?? []).map((queryKey) => unprompted(() => client.resetQueries({ queryKey }))),
    ...effect.invalidate.map((queryKey) => client.invalidateQueries({ queryKey })),
  ])
}
