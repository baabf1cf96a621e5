import { z } from 'zod'
import { call } from './define'

export interface OfficerStatus {
  pinSet: boolean
  unlocked: boolean
  retryInMs: number
}

/**
 * A new PIN has 6 to 8 digits: a 4-digit PIN is recovered from a copy of the database in
 * minutes. PINs set before this rule (4 or 5 digits) still unlock until they are changed.
 */
export const NEW_PIN = { min: 6, max: 8 } as const
export const NEW_PIN_RULE = `PIN baru berupa ${NEW_PIN.min} sampai ${NEW_PIN.max} angka`
export const isNewPinValid = (pin: string): boolean =>
  new RegExp(`^\\d{${NEW_PIN.min},${NEW_PIN.max}}$`).test(pin)

const pin = z.string().refine(isNewPinValid, NEW_PIN_RULE)

export const authContract = {
  'auth.status': call<OfficerStatus>()(z.undefined()),
  /** Sets the first PIN, or changes it while unlocked. */
  'auth.setPin': call<OfficerStatus>({ changes: ['auth.changed'] })(z.object({ pin }).strict()),
  'auth.unlock': call<OfficerStatus>({ changes: ['auth.changed'] })(
    z.object({ pin: z.string().max(NEW_PIN.max) }).strict(),
  ),
  'auth.lock': call<OfficerStatus>({ changes: ['auth.changed'] })(z.undefined()),
}
