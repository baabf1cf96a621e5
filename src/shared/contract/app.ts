import { z } from 'zod'
import { call } from './define'

export interface AppStatus {
  dbPath: string
  kioskId: string
  employees: number
  ceremonies: number
  activeCeremonyId: number | null
  notice: string | null
}

export interface DemoResult {
  employees: number
  opd: number
  ceremonyId: number
}

export const appContract = {
  'app.status': call<AppStatus>()(z.undefined()),
  /** Leaves full-screen kiosk mode so the laptop can be closed or used otherwise. */
  'app.leaveKiosk': call<{ left: boolean }>({ officer: true })(z.undefined()),
  'app.loadDemo': call<DemoResult>({
    officer: true,
    changes: ['roster.changed', 'ceremony.changed'],
  })(z.undefined()),
}
