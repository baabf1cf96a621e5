import { z } from 'zod'
import { call } from './define'

export interface OfficerStatus {
  pinSet: boolean
  unlocked: boolean
  retryInMs: number
}

const pin = z.string().regex(/^\d{4,8}$/, 'PIN berupa 4 sampai 8 angka')

export const authContract = {
  'auth.status': call<OfficerStatus>()(z.undefined()),
  /** Sets the first PIN, or changes it while unlocked. */
  'auth.setPin': call<OfficerStatus>({ changes: ['auth.changed'] })(z.object({ pin }).strict()),
  'auth.unlock': call<OfficerStatus>({ changes: ['auth.changed'] })(
    z.object({ pin: z.string().max(8) }).strict(),
  ),
  'auth.lock': call<OfficerStatus>({ changes: ['auth.changed'] })(z.undefined()),
}
