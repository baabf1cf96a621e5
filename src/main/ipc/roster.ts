import path from 'node:path'
import type { rosterContract } from '../../shared/contract/roster'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { previewRoster, readRosterFile } from '../roster/import'
import type { ParsedRoster } from '../roster/parse-roster'
import {
  addNonAsn,
  applyRoster,
  listOpd,
  searchEmployees,
  updateEmployee,
} from '../roster/repository'
import { listCardHolders, markCardsPrinted } from '../roster/cards'
import type { HandlersFor } from './handlers'

export function rosterHandlers(ctx: KioskContext): HandlersFor<keyof typeof rosterContract> {
  // The file the officer is looking at in the preview; only it can be applied.
  let pending: { previewId: string; parsed: ParsedRoster } | null = null
  return {
    'roster.listOpd': () => listOpd(ctx.db),
    'roster.search': (q) => searchEmployees(ctx.db, q),
    'roster.cardHolders': (filter) => listCardHolders(ctx.db, filter),
    'roster.markCardsPrinted': ({ ids }) => markCardsPrinted(ctx.db, ctx.now(), ids),
    'roster.chooseImportFile': async () => {
      const file = await ctx.dialogs.openRosterFile()
      if (!file) return null
      const parsed = await readRosterFile(file)
      const preview = previewRoster(ctx.db, parsed, path.basename(file))
      pending = { previewId: preview.previewId, parsed }
      return preview
    },
    'roster.applyImport': ({ previewId }) => {
      if (pending?.previewId !== previewId) {
        throw new UserError(
          'PREVIEW_STALE',
          'Pratinjau impor sudah tidak berlaku. Pilih berkas lagi.',
        )
      }
      const result = applyRoster(ctx.db, pending.parsed.rows, ctx.now(), pending.parsed.held)
      pending = null
      return result
    },
    'roster.update': (edit) => updateEmployee(ctx.db, ctx.now(), edit),
    'roster.addNonAsn': (input) => addNonAsn(ctx.db, ctx.now(), input),
  }
}
