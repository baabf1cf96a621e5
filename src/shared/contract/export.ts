import { z } from 'zod'
import { call } from './define'

/** How the recap lists OPD: by name, or lowest attendance first (who to follow up). */
export const RECAP_ORDERS = ['name', 'rate'] as const
export type RecapOrder = (typeof RECAP_ORDERS)[number]

export interface ExportSummary {
  /** The subfolder the files went into. */
  folder: string
  /** File names written, recap first. */
  files: string[]
}

export const exportContract = {
  /** Asks main for a folder, then writes every file; null when the officer cancels. */
  'export.run': call<ExportSummary | null>({ officer: true })(
    z
      .object({
        ceremonyId: z.number().int().positive(),
        order: z.enum(RECAP_ORDERS),
      })
      .strict(),
  ),
}
