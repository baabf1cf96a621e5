import type { Db } from './db/connection'
import { perDb } from './db/per-db'

/** Prepared once per connection: every scan reads the kiosk's role. */
const prepared = perDb((db) => ({
  get: db.prepare('SELECT value FROM setting WHERE key = ?').pluck(),
  set: db.prepare(
    'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ),
}))

export function getSetting(db: Db, key: string): string | null {
  return (prepared(db).get.get(key) as string | undefined) ?? null
}

export function setSetting(db: Db, key: string, value: string): void {
  prepared(db).set.run(key, value)
}

/** A yes/no setting: null while the officer has never chosen, so the default can depend on the run. */
export function getFlag(db: Db, key: string): boolean | null {
  const value = getSetting(db, key)
  return value === null ? null : value === '1'
}

export function setFlag(db: Db, key: string, on: boolean): void {
  setSetting(db, key, on ? '1' : '0')
}

/** Kiosk mode and start at login (src/main/window/kiosk-mode.ts decides what they mean). */
export const KIOSK_MODE_KEY = 'kiosk_mode'
export const START_AT_LOGIN_KEY = 'start_at_login'
