import type { IkrarReading } from '../ikrar'
import type { GateLink } from './hub'
import type { JobProgress } from '../jobs'
import { event, type EventPayloadOf } from './define'

/**
 * Every change main pushes to the app's windows. A window re-reads what an event names
 * instead of polling; nothing else is pushed across the bridge.
 */
export const events = {
  /**
   * An arrival was recorded, cancelled or re-linked, from any input (later: any gate), or an
   * absence reason was set: that ceremony's counts and lists are stale.
   */
  'checkin.changed': event<{ ceremonyId: number }>(),
  /**
   * A scan attempt was logged that recorded nothing (a code with no NIP, a repeat, a refusal):
   * the gate's count of attempts and the person's history are stale, the arrivals are not.
   */
  'checkin.attempted': event<{ ceremonyId: number }>(),
  /** The ikrar reading moved, changed mode, started or ended (null: none running). */
  'ikrar.reading': event<IkrarReading | null>(),
  /** Employees, OPD, cards or signers changed. */
  'roster.changed': event<null>(),
  /** A ceremony was created, edited or made active. */
  'ceremony.changed': event<null>(),
  /** The officer unlocked, locked, or the lock timed out. */
  'auth.changed': event<null>(),
  /** A pakta copy was saved, forms were issued or a returned pakta was received. */
  'pakta.changed': event<null>(),
  /**
   * The kiosk's role, hub mode, the open pairing offer or the gates (paired, revoked, online or
   * not, a batch pushed) changed: the role badge, the hub's gate list and dashboard are stale.
   */
  'hub.changed': event<null>(),
  /** At a gate: the link to the hub changed (online, backlog "belum terkirim: N", clock offset). */
  'gate.link': event<GateLink>(),
  /** A heavy job's progress, from start to its end state. */
  'job.progress': event<JobProgress>(),
}

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = EventPayloadOf<Events[E]>
/** The events without a payload: the ones a call can declare it `changes` (see `call`). */
export type ChangeEvent = {
  [E in EventName]: null extends EventPayload<E>
    ? EventPayload<E> extends null
      ? E
      : never
    : never
}[EventName]
export const EVENT_NAMES = Object.keys(events) as EventName[]

/** The ipc channel an event travels on, apart from the calls' channels. */
export const eventChannel = (name: EventName) => `event:${name}`
