import type { EventName, EventPayload } from '../shared/contract'

type Listener = (name: EventName, payload: unknown) => void

/**
 * Main's side of the contract's events: handlers and jobs emit, the transport (ipc to every
 * window in the app, page bindings in the browser tests) listens. A failing listener never
 * stops the emitter or the others: an event is news, the state it names is already on disk.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload)
      } catch (error) {
        console.error(`[event ${name}]`, error)
      }
    }
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
