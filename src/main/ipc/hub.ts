import type { hubContract } from '../../shared/contract/hub'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { kioskRole, setKioskRole } from '../hub/role'
import type { HandlersFor } from './handlers'

const notYet = (): never => {
  throw new UserError('NOT_READY', 'Fitur kiosk induk/gerbang belum tersedia di versi ini.')
}

export function hubHandlers(ctx: KioskContext): HandlersFor<keyof typeof hubContract> {
  const status = () => {
    const role = kioskRole(ctx.db)
    return { role, label: role === 'induk' ? 'Kiosk induk' : null, hub: null, gate: null }
  }
  return {
    'hub.status': status,
    'hub.setRole': ({ role }) => {
      setKioskRole(ctx.db, role)
      return status()
    },
    'hub.addresses': notYet,
    'hub.start': notYet,
    'hub.stop': notYet,
    'hub.pairingOffer': notYet,
    'hub.revokeGate': notYet,
    'hub.dashboard': notYet,
    'hub.discover': notYet,
    'hub.pair': notYet,
    'hub.unpair': notYet,
    'hub.pushNow': notYet,
  }
}
