import type { Db } from './db/connection'

/** Everything a handler may touch. Side effects that need Electron come in as callbacks. */
export interface KioskContext {
  db: Db
  dbPath: string
  kioskId: string
  now(): Date
  dialogs: {
    /** Absolute path of a roster file the officer picked, or null when cancelled. */
    openRosterFile(): Promise<string | null>
    /** Absolute path of the folder to export into, or null when cancelled. */
    chooseExportFolder(): Promise<string | null>
  }
}
