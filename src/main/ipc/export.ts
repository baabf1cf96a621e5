import type { exportContract } from '../../shared/contract/export'
import type { KioskContext } from '../context'
import { listReadings } from '../ikrar/repository'
import { backUpInJob } from '../jobs/backup'
import { runExportJob } from '../jobs/export'
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
      // chainHead: the log's head once the log exists (src/main/log/chain.ts), wired at merge.
      const signing = { key: ctx.key, chainHead: null, at: ctx.now().toISOString() }
      const summary = await runExportJob(jobsOf(ctx), ctx.db, {
        ceremonyId,
        folder,
        order,
        ikrar,
        signing,
      })
      await backUpInJob(ctx, 'ekspor')
      return summary
    },
  }
}
