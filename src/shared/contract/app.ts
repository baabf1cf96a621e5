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
  'app.loadDemo': call<DemoResult>({ officer: true })(z.undefined()),
}
