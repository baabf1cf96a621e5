import { z } from 'zod'
import { call } from './define'

export interface AppStatus {
  dbPath: string
  kioskId: string
  employees: number
  ceremonies: number
  activeCeremonyId: number | null
  notice: string | null
  /** Demo data in the database (every screen then says "MODE DEMO"); null on a real kiosk. */
  demo: DemoCounts | null
}

export interface DemoResult {
  employees: number
  opd: number
  ceremonyId: number
}

/** Rows marked demo: what the demo holds, or what removing it took away. */
export interface DemoCounts {
  employees: number
  opd: number
  ceremonies: number
}

/** The lock-down: kiosk mode and start at login, both behind the PIN. */
export interface Lockdown {
  /** What the officer's setting (or, unset, the kind of run) makes the next start do. */
  kioskMode: boolean
  /** Whether the window is in kiosk mode now (false after "Keluar dari mode kiosk"). */
  kioskNow: boolean
  /** Started with --kiosk: kiosk mode is on whatever the setting says. */
  forced: boolean
  /** Start at login; null where it is not available (a run from source, Linux, a browser). */
  startAtLogin: boolean | null
}

export const appContract = {
  'app.status': call<AppStatus>()(z.undefined()),
  /** Leaves full-screen kiosk mode so the laptop can be closed or used otherwise. */
  'app.leaveKiosk': call<{ left: boolean }>({ officer: true })(z.undefined()),
  'app.lockdown': call<Lockdown>()(z.undefined()),
  /** Changes the lock-down; kiosk mode applies at once and at every later start. */
  'app.setLockdown': call<Lockdown>({ officer: true })(
    z.object({ kioskMode: z.boolean().optional(), startAtLogin: z.boolean().optional() }).strict(),
  ),
  /** Closes the kiosk cleanly (database closed, locks released), kiosk mode or not. */
  'app.quit': call<{ quitting: boolean }>({ officer: true })(z.undefined()),
  'app.loadDemo': call<DemoResult>({
    officer: true,
    changes: ['roster.changed', 'ceremony.changed'],
  })(z.undefined()),
  /** Removes every demo row (employees, OPD, the demo ceremony and its check-ins) at once. */
  'app.removeDemo': call<DemoCounts>({
    officer: true,
    changes: ['roster.changed', 'ceremony.changed'],
  })(z.undefined()),
}
