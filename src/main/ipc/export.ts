import type { exportContract } from '../../shared/contract/export'
import type { KioskContext } from '../context'
import { listReadings } from '../ikrar/repository'
import { logExport } from '../export/log-export'
import { chainHead } from '../log/chain'
import { signHead } from '../log/signed-head'
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
      // The manifest signs the log's head as it stands when the export starts.
      const signing = { key: ctx.key, chainHead: chainHead(ctx.db), at: ctx.now().toISOString() }
      const summary = await runExportJob(jobsOf(ctx), ctx.db, {
        ceremonyId,
        folder,
        order,
        ikrar,
        signing,
      })
      // The worker's connection is read-only: the export's log entry is written here, then the
      // head that now includes it is signed, both before the backup, so the backup holds them.
      await logExport(ctx.db, { ceremonyId, summary, at: ctx.now() })
      signHead(ctx.db, ctx.key, { reason: 'ekspor', at: ctx.now(), kioskId: ctx.kioskId })
      await backUpInJob(ctx, 'ekspor')
      return summary
    },
  }
}
