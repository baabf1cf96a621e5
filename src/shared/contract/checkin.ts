import { z } from 'zod'
import {
  ARRIVAL_FILTERS,
  SCAN_SOURCES,
  type Dashboard,
  type GateMatch,
  type RegisteredArrival,
  type ScanOutcome,
} from '../domain'
import { MAX_PAYLOAD_LENGTH } from '../payload'
import { call } from './define'
import { employeeFields } from './roster'

const id = z.number().int().positive()

export const checkinContract = {
  /** Anything a camera, scanner or officer produced; main finds the NIP in it. */
  'checkin.scan': call<ScanOutcome>()(
    z
      .object({ payload: z.string().max(MAX_PAYLOAD_LENGTH), source: z.enum(SCAN_SOURCES) })
      .strict(),
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
   * An unknown NIP that arrived, put on the roster from the gate: its check-ins link to the new
   * employee, so the arrival counts in the chosen OPD.
   */
  'checkin.registerUnknown': call<RegisteredArrival>({
    officer: true,
    changes: ['roster.changed'],
  })(
    employeeFields
      .pick({ name: true, opdId: true })
      .extend({ nip: z.string().trim().max(40) })
      .strict(),
  ),
  'checkin.dashboard': call<Dashboard | null>()(
    z
      .object({
        missingOpdId: id.nullable(),
        recent: z.number().int().min(0).max(100),
        filter: z.enum(ARRIVAL_FILTERS).default('semua'),
      })
      .strict(),
  ),
  /**
   * The gate's manual search for a forgotten card: active roster people by name or whole NIP,
   * each with whether they are here, NIPs masked. Fewer than 3 characters find nobody: two
   * letters would match half the roster.
   */
  'checkin.findPerson': call<{ total: number; rows: GateMatch[] }>()(
    z
      .object({
        query: z.string().trim().max(100),
        limit: z.number().int().min(1).max(50),
      })
      .strict(),
  ),
}
