import type { z } from 'zod'
import type { ChangeEvent } from './events'

/**
 * One call between renderer and main: its input schema (checked at runtime in main)
 * and its result type (main is trusted, so the result is typed only).
 */
export interface Call<In extends z.ZodType, Out> {
  readonly input: In
  /** Needs the officer's PIN (unlocked recently); scanning and the live count never do. */
  readonly officer: boolean
  /**
   * What a successful call changes: the handler table announces these events after it, so no
   * handler has to remember to and every window re-reads what they name.
   */
  readonly changes: readonly ChangeEvent[]
  /** Phantom field: carries the result type, never set at runtime. */
  readonly output?: Out
}

export function call<Out>(options: { officer?: boolean; changes?: readonly ChangeEvent[] } = {}) {
  return <In extends z.ZodType>(input: In): Call<In, Out> => ({
    input,
    officer: options.officer ?? false,
    changes: options.changes ?? [],
  })
}

export type CallInput<C> = C extends Call<infer In, unknown> ? z.input<In> : never
export type CallParsed<C> = C extends Call<infer In, unknown> ? z.output<In> : never
export type CallOutput<C> = C extends Call<z.ZodType, infer Out> ? Out : never

/** What crosses the bridge: never a thrown error, always a value or a message for the officer. */
export type CallResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** One change main pushes to every app window: a name and its payload, defined once. */
export interface KioskEvent<Payload> {
  /** Phantom field: carries the payload type, never set at runtime. */
  readonly payload?: Payload
}

export const event = <Payload>(): KioskEvent<Payload> => ({})

export type EventPayloadOf<E> = E extends KioskEvent<infer P> ? P : never
