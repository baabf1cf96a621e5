import type { Db } from './db/connection'
import type { EventHub } from './events'
import type { DisplayFacts } from './preflight/display'
import type { KioskKey } from './keys/signature'

/** Everything a handler may touch. Side effects that need Electron come in as callbacks. */
export interface KioskContext {
  db: Db
  dbPath: string
  kioskId: string
  /** This installation's signing key (src/main/keys): every export is signed with it. */
  key: KioskKey
  /** The better-sqlite3 binding the main connection uses; job workers open theirs with it. */
  nativeBinding?: string
  /** Something the officer must hear about from start-up, such as a damaged file moved aside. */
  startupNotice?: string
  /** Wall time: what is recorded and shown. It can jump when someone sets the laptop's clock. */
  now(): Date
  /** Where handlers and jobs announce changes to every window. */
  events: EventHub
  /**
   * Milliseconds from a clock that only moves forward while this process runs, for waits and
   * timeouts that a clock change must neither skip nor stretch. Defaults to performance.now().
   */
  monotonicMs?(): number
  /**
   * Calls `fire` once `ms` have passed on the monotonicMs clock; returns the cancel. Defaults
   * to an unref'd setTimeout. Given with monotonicMs, so a test that moves one moves both.
   */
  afterMs?(ms: number, fire: () => void): () => void
  /**
   * The hub and gate (src/main/hub, src/main/gate): where the hub's TLS key is sealed (default:
   * a file beside the database), what seals the gate's credential in the database (default:
   * nothing, it is kept plain), whether mDNS runs (default on), and the gate pusher's timings
   * (tests shorten them).
   */
  network?: {
    tlsStore?: import('./keys/kiosk-key').KeyStore
    /** The OS's safeStorage in the app, when it has a secret store. */
    sealer?: import('./keys/kiosk-key').Sealer
    /** mDNS both ways: the hub announcing itself, a gate looking (off in tests and the fuzz). */
    mdns?: boolean
    pusher?: import('./gate/service').GateDeps['pusher']
  }
  /** The desktop shell, absent when the renderer runs in a browser (tests). */
  shell?: {
    leaveKiosk(): void
    restart(): void
    /** Puts the window into kiosk mode or out of it, now. */
    setKiosk(on: boolean): void
    kioskNow(): boolean
    /** Closes the window and quits; the database closes on the way out. */
    quit(): void
    /** How this run was started, for the rules in window/kiosk-mode.ts. */
    launch: import('./window/kiosk-mode').LaunchFacts & { platform: string }
    /** Hands a start-at-login decision to the OS. */
    setLoginItem(item: import('./window/kiosk-mode').LoginItem): void
  }
  dialogs: {
    /** Absolute path of a roster file the officer picked, or null when cancelled. */
    openRosterFile(): Promise<string | null>
    /** Absolute path of the folder to export into, or null when cancelled. */
    chooseExportFolder(): Promise<string | null>
    /** A workbook or CSV to check for authenticity, or null when cancelled. */
    openVerifyFile?(): Promise<string | null>
    /** An export folder to check for authenticity, or null when cancelled. */
    chooseVerifyFolder?(): Promise<string | null>
    /** "Kirim data" files from other kiosks to take in, or null when cancelled. */
    openBundleFiles?(): Promise<string[] | null>
    /** A "Paket acara" file to run here, or null when cancelled. */
    openPaketFile?(): Promise<string | null>
  }
  /** Whether a projector window shows the ikrar reading; absent where there is none (tests). */
  presenterShown?(): boolean
  /** Whether the OS mirrors the kiosk's screen to another (where Electron can tell); absent in tests. */
  displaysMirrored?(): boolean
  /** The screens and the one the kiosk window is on, for "Uji perangkat"; absent in tests. */
  displays?(): DisplayFacts
}
