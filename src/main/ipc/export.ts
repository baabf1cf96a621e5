import fs from 'node:fs'
import type { exportContract } from '../../shared/contract/export'
import { getCeremony } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { exportFolder } from '../export/export'
import { clearUnfinished } from '../export/manifest'
import { listReadings } from '../ikrar/repository'
import { backUpInJob } from '../jobs/backup'
import { jobsOf } from '../jobs/runner'
import type { HandlersFor } from './handlers'

export function exportHandlers(ctx: KioskContext): HandlersFor<keyof typeof exportContract> {
  return {
    'export.run': async ({ ceremonyId, order }) => {
      // Told before the folder dialog, not after the officer has picked one.
      jobsOf(ctx).ensureIdle('export')
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      // The print sheets carry the text as it was last read at this apel; never read, none.
      const ikrar = listReadings(ctx.db, ceremonyId).at(-1)?.text ?? null
      const out = exportFolder(folder, getCeremony(ctx.db, ceremonyId))
      const summary = await jobsOf(ctx).run(
        'export',
        { ceremonyId, folder, order, ikrar },
        // A stopped worker may leave a temporary file; without a manifest the set reads as incomplete.
        { cleanup: async () => fs.existsSync(out) && clearUnfinished(out) },
      )
      await backUpInJob(ctx, 'ekspor')
      return summary
    },
  }
}
