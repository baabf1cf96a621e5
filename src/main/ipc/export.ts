import type { exportContract } from '../../shared/contract/export'
import type { KioskContext } from '../context'
import { exportCeremony } from '../export/export'
import type { HandlersFor } from './handlers'

export function exportHandlers(ctx: KioskContext): HandlersFor<keyof typeof exportContract> {
  return {
    'export.run': async ({ ceremonyId, order }) => {
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      // Wiring point for the ceremony's ikrar (branch ikrar): pass its heading, opening and
      // points here and the print sheets carry them. Until then the block is left out.
      return exportCeremony(ctx.db, { ceremonyId, folder, order, ikrar: null })
    },
  }
}
