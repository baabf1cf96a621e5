import type { Db } from './db/connection'

/** Everything a handler may touch. Side effects that need Electron come in as callbacks. */
export interface KioskContext {
  db: Db
  dbPath: string
  kioskId: string
  /** Something the officer must hear about from start-up, such as a damaged file moved aside. */
  startupNotice?: string
  now(): Date
  /** The desktop shell, absent when the renderer runs in a browser (tests). */
  shell?: { leaveKiosk(): void; restart(): void }
  dialogs: {
    /** Absolute path of a roster file the officer picked, or null when cancelled. */
    openRosterFile(): Promise<string | null>
    /** Absolute path of the folder to export into, or null when cancelled. */
    chooseExportFolder(): Promise<string | null>
  }
  /** Whether a projector window shows the ikrar reading; absent where there is none (tests). */
  presenterShown?(): boolean
  /** Whether the OS mirrors the kiosk's screen to another (where Electron can tell); absent in tests. */
  displaysMirrored?(): boolean
}
