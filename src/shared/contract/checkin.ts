import { z } from 'zod'
import { SCAN_SOURCES, type Dashboard, type ScanOutcome } from '../domain'
import { call } from './define'

export interface GatePerson {
  pick: string
  name: string
  opdName: string
  nipMasked: string
}

const id = z.number().int().positive()

export const checkinContract = {
  /** Anything a camera, scanner or officer produced; main finds the NIP in it. */
  'checkin.scan': call<ScanOutcome>()(
    z.object({ payload: z.string().max(4096), source: z.enum(SCAN_SOURCES) }).strict(),
  ),
  'checkin.undo': call<{ checkinId: number }>({ officer: true })(
    z
      .object({
        checkinId: id,
        reason: z.string().trim().min(3, 'Tulis alasan pembatalan').max(300),
      })
      .strict(),
  ),
  /**
   * The gate's search for a forgotten card: names with masked NIPs only, since anyone may stand
   * at the gate. `pick` is a short-lived payload for 'checkin.scan' (source 'manual').
   */
  'checkin.findPerson': call<GatePerson[]>()(
    z
      .object({ query: z.string().trim().max(100), limit: z.number().int().min(1).max(20) })
      .strict(),
  ),
  'checkin.dashboard': call<Dashboard | null>()(
    z.object({ missingOpdId: id.nullable(), recent: z.number().int().min(0).max(100) }).strict(),
  ),
}
