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

export const appContract = {
  'app.status': call<AppStatus>()(z.undefined()),
  /** Leaves full-screen kiosk mode so the laptop can be closed or used otherwise. */
  'app.leaveKiosk': call<{ left: boolean }>({ officer: true })(z.undefined()),
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
