import type { authContract } from '../../shared/contract/auth'
import type { OfficerLock } from '../auth/officer-lock'
import type { HandlersFor } from './handlers'

export function authHandlers(officer: OfficerLock): HandlersFor<keyof typeof authContract> {
  return {
    'auth.status': () => officer.status(),
    'auth.setPin': ({ pin }) => {
      officer.setPin(pin)
      return officer.status()
    },
    'auth.unlock': ({ pin }) => officer.unlock(pin),
    'auth.lock': () => {
      officer.lock()
      return officer.status()
    },
  }
}
