import type { Channel, Input, KioskBridge, Output } from '../../shared/contract'
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

export async function api<C extends Channel>(
  channel: C,
  ...args: Input<C> extends undefined ? [] : [Input<C>]
): Promise<Output<C>> {
  const result = (await window.kiosk.invoke(channel, args[0])) as CallResult<Output<C>>
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value
}
