import { KIOSK_ROLES, type KioskRole } from '../../shared/contract/hub'
import type { Db } from '../db/connection'
import { getSetting, setSetting } from '../settings'

export const ROLE_KEY = 'kiosk.role'

/** This kiosk's role; anything unset or unknown is standalone, today's behaviour. */
export function kioskRole(db: Db): KioskRole {
  const value = getSetting(db, ROLE_KEY)
  return (KIOSK_ROLES as readonly string[]).includes(value ?? '') ? (value as KioskRole) : 'mandiri'
}

export function setKioskRole(db: Db, role: KioskRole): void {
  setSetting(db, ROLE_KEY, role)
}
