import type {
  Channel,
  EventName,
  EventPayload,
  Input,
  KioskBridge,
  Output,
} from '../../shared/contract'
import type { CallResult } from '../../shared/contract/define'

declare global {
  interface Window {
    kiosk: KioskBridge
  }
}

/** A refusal from main, with the Indonesian message to show the officer. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Asks the officer for the PIN; resolves true once main is unlocked, false if they cancel. */
let askForPin: (() => Promise<boolean>) | null = null

export function setPinPrompt(prompt: (() => Promise<boolean>) | null): void {
  askForPin = prompt
}

let promptless = false

/**
 * Runs `start` with the PIN prompt off for the calls it makes as it runs (synchronously): a
 * guarded call that finds the kiosk locked is then just refused. For re-reads nobody asked
 * for, such as the lists a lock takes off the screen, which must not pop the PIN dialog up.
 */
export function withoutPinPrompt<T>(start: () => T): T {
  promptless = true
  try {
    return start()
  } finally {
    promptless = false
  }
}

/**
 * Calls main. A call that needs the officer and finds the kiosk locked asks for the PIN and,
 * once it is given, runs once more; so no screen has to know which calls are guarded.
 */
export async function api<C extends Channel>(
  channel: C,
  ...args: Input<C> extends undefined ? [] : [Input<C>]
): Promise<Output<C>> {
  const ask = promptless ? null : askForPin
  const send = async () => (await window.kiosk.invoke(channel, args[0])) as CallResult<Output<C>>
  let result = await send()
  if (!result.ok && result.error.code === 'LOCKED' && ask && (await ask())) result = await send()
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value
}

/** Listens to one of the contract's events from main; returns the unsubscribe. */
export function subscribe<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return window.kiosk.subscribe(name, listener as (payload: unknown) => void)
}
