import { z } from 'zod'
import { call } from './define'

/** One line of a person's history at a ceremony, as the log holds it. */
export interface HistoryLine {
  /** The log entry's sequence number: the order things happened in, whatever the clock said. */
  seq: number
  at: string
  /**
   * What happened, in Indonesian: the scan's outcome and input, a cancellation, a reason, or a
   * change to the person on the roster (registered at the gate, added, edited, deactivated).
   */
  what: string
  /** Who: the officer who set a reason, the kiosk that scanned or cancelled. */
  by: string
}

export interface PersonHistory {
  nip: string
  ceremonyId: number
  lines: HistoryLine[]
}

/** A head just signed: which entry, and the key that signed it. */
export interface SignedHeadInfo {
  seq: number
  hash: string
  fingerprint: string
}

export const logContract = {
  /** Signs the log's head now (on request); null when nothing new was logged since the last. */
  'log.signHead': call<SignedHeadInfo | null>({ officer: true })(z.undefined()),
  /**
   * Every attempt, cancellation and reason for one NIP at a ceremony (the active one unless
   * named), with who and when: what an officer answers a dispute with.
   */
  'log.personHistory': call<PersonHistory>({ officer: true })(
    z
      .object({
        nip: z.string().trim().min(1).max(40),
        ceremonyId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
}
