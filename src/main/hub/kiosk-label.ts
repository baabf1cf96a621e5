// How this kiosk names its own arrivals beside other kiosks' (exports' Kiosk column, the
// merge's "Sudah tercatat lebih awal di …"): by its role, so a standalone kiosk that took in an
// office's file does not call itself a hub.
import type { Db } from '../db/connection'
import { readLink } from '../gate/link'
import { kioskRole } from './role'

/** A hub's own arrivals, and the hub as its gates and screens name it. */
export const HUB_LABEL = 'Kiosk induk'
/** A gate's own arrivals while it has no pairing to give it its "Gerbang N". */
const GATE_LABEL = 'Kiosk gerbang'
/** A standalone kiosk's own arrivals. */
const OWN_LABEL = 'Kiosk ini'

/** This kiosk's own label: a hub's, the gate label its hub gave it, or a standalone kiosk's. */
export function ownKioskLabel(db: Db): string {
  const role = kioskRole(db)
  if (role === 'induk') return HUB_LABEL
  if (role === 'gerbang') return readLink(db)?.label ?? GATE_LABEL
  return OWN_LABEL
}
