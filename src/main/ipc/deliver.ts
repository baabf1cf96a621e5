// What main's Electron shell does with events, as plain functions: register.ts and index.ts
// only hand them Electron's objects, so the choices are tested without Electron.
import { eventChannel, type EventName } from '../../shared/contract'
import type { EventHub } from '../events'
import type { Handlers } from './handlers'

/** A window's web contents, reduced to what delivering an event needs (Electron's fits). */
export interface EventReceiver {
  isDestroyed(): boolean
  getURL(): string
  send(channel: string, payload: unknown): void
}

/**
 * One event to every live receiver showing the app's own page (kiosk and projector), and no
 * other: a page that navigated elsewhere, or any other web contents, hears nothing.
 */
export function deliverEvent(
  receivers: readonly EventReceiver[],
  isAppFrame: (url: string) => boolean,
  name: EventName,
  payload: unknown,
): void {
  for (const receiver of receivers) {
    if (!receiver.isDestroyed() && isAppFrame(receiver.getURL())) {
      receiver.send(eventChannel(name), payload)
    }
  }
}

/**
 * After the projector window came or went: the reading under way, if any, announced again, so
 * both windows learn that it is (or is no longer) shown on the projector. None, nothing said.
 */
export async function reannounceReading(handlers: Handlers, events: EventHub): Promise<void> {
  const reading = await handlers['ikrar.reading'](undefined)
  if (reading) events.emit('ikrar.reading', reading)
}
