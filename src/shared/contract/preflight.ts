import { z } from 'zod'
import { call } from './define'

/** Green, amber, red: ready, works but needs a look, will fail at the gate. */
export type PreflightStatus = 'ok' | 'warn' | 'fail'

/** One item of "Uji perangkat": what was found and, unless all is well, what to do (Indonesian). */
export interface PreflightResult {
  status: PreflightStatus
  detail: string
  advice: string | null
}

/** The items main checks; the camera, the scanner and the sound are checked in the window. */
export const PREFLIGHT_ITEMS = ['disk', 'backup', 'clock', 'display', 'database'] as const
export type PreflightItem = (typeof PREFLIGHT_ITEMS)[number]

export const preflightContract = {
  /** Runs one check now; nothing is recorded (probe files are written and removed). */
  'preflight.check': call<PreflightResult>()(z.object({ item: z.enum(PREFLIGHT_ITEMS) }).strict()),
  /**
   * The officer picks a folder (a USB stick) and it is checked like the backup folder; null
   * when the dialog was cancelled. The path comes from main's dialog, never from the window.
   */
  'preflight.checkFolder': call<(PreflightResult & { folder: string }) | null>()(z.undefined()),
}
