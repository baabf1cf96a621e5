import type { exportContract } from '../../shared/contract/export'
import { backUpQuietly } from '../backup/backups'
import type { KioskContext } from '../context'
import { exportCeremony } from '../export/export'
import { listReadings } from '../ikrar/repository'
import type { HandlersFor } from './handlers'

export function exportHandlers(ctx: KioskContext): HandlersFor<keyof typeof exportContract> {
  return {
    'export.run': async ({ ceremonyId, order }) => {
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      // The print sheets carry the text as it was last read at this apel; never read, none.
      const ikrar = listReadings(ctx.db, ceremonyId).at(-1)?.text ?? null
      const summary = await exportCeremony(ctx.db, { ceremonyId, folder, order, ikrar })
      await backUpQuietly(ctx, 'ekspor')
      return summary
    },
  }
}
