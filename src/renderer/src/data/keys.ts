import type { QueryKey } from '@tanstack/query-core'
import type { Channel, Input } from '../../../shared/contract'

/**
 * The one key factory: a call's cached answer is keyed by its channel and its input, so two
 * screens asking the same thing share one answer, and a channel's prefix reaches them all.
 */
export const keys = {
  call: <C extends Channel>(channel: C, input?: Input<C>): QueryKey => [channel, input ?? null],
  /** Every cached answer of the channel, whatever its input. */
  channel: (channel: Channel): QueryKey => [channel],
  /** The channel's answers whose input includes `part` (TanStack matches keys partially). */
  where: <C extends Channel>(channel: C, part: Partial<NonNullable<Input<C>>>): QueryKey => [
    channel,
    part,
  ],
}
