import type { rosterContract } from '../../shared/contract/roster'
import type { OfficerLock } from '../auth/officer-lock'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { jobsOf } from '../jobs/runner'
import { demoPresent } from '../roster/demo-mode'
import { applyImport } from '../roster/import'
import type { ParsedRoster } from '../roster/parse-roster'
import { addNonAsn, listOpd, searchEmployees, updateEmployee } from '../roster/repository'
import { getCardIdentity, setCardIdentity } from '../roster/card-identity'
import { listCardHolders, markCardsPrinted } from '../roster/cards'
import type { HandlersFor } from './handlers'

export function rosterHandlers(
  ctx: KioskContext,
  officer: Pick<OfficerLock, 'status'>,
): HandlersFor<keyof typeof rosterContract> {
  // The file the officer is looking at in the preview; only it can be applied.
  // The parsed rows stay JSON until applied: parsing them back is the apply's own cost.
  let pending: {
    previewId: string
    parsedJson: string
    fileName: string
    fileSha256: string
    rejected: number
  } | null = null
  return {
    'roster.listOpd': () => listOpd(ctx.db),
    'roster.search': (q) => searchEmployees(ctx.db, q),
    'roster.cardHolders': (filter) => listCardHolders(ctx.db, filter),
    'roster.cardIdentity': () => getCardIdentity(ctx.db),
    'roster.setCardIdentity': (identity) => setCardIdentity(ctx.db, identity),
    'roster.markCardsPrinted': ({ ids }) => markCardsPrinted(ctx.db, ctx.now(), ids),
    'roster.chooseImportFile': async () => {
      jobsOf(ctx).ensureIdle('roster-preview')
      const file = await ctx.dialogs.openRosterFile()
      if (!file) return null
      // Read, parsed and compared in a worker: a 20,000-row file never holds up a scan.
      const { preview, parsedJson, fileSha256 } = await jobsOf(ctx).run('roster-preview', { file })
      pending = {
        previewId: preview.previewId,
        parsedJson,
        fileName: preview.fileName,
        fileSha256,
        rejected: preview.rejected.length,
      }
      return preview
    },
    'roster.applyImport': ({ previewId, removeDemo }) => {
      // The first real import is already behind the PIN: before one exists, anyone could.
      if (!officer.status().pinSet) {
        throw new UserError(
          'PIN_FIRST',
          'Buat PIN petugas dulu (Beranda, langkah 1): data pegawai diimpor setelah PIN ada.',
        )
      }
      if (pending?.previewId !== previewId) {
        throw new UserError(
          'PREVIEW_STALE',
          'Pratinjau impor sudah tidak berlaku. Pilih berkas lagi.',
        )
      }
      if (demoPresent(ctx.db) && !removeDemo) {
        throw new UserError(
          'DEMO_PRESENT',
          'Data contoh akan dihapus sebelum data sungguhan diimpor: setujui dulu penghapusannya.',
        )
      }
      const { rows, held } = JSON.parse(pending.parsedJson) as ParsedRoster
      const result = applyImport(ctx.db, {
        rows,
        held,
        file: pending,
        removeDemo,
        now: ctx.now(),
        kioskId: ctx.kioskId,
      })
      pending = null
      return result
    },
    'roster.update': (edit) => updateEmployee(ctx.db, ctx.now(), edit),
    'roster.addNonAsn': (input) => addNonAsn(ctx.db, ctx.now(), input),
  }
}
