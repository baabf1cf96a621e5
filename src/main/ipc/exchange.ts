import type { BundleReport, exchangeContract } from '../../shared/contract/exchange'
import { CheckThread } from '../bundle/check-thread'
import { importBundles } from '../bundle/read'
import { clearUnfinishedBundle, signBundle } from '../bundle/write'
import { jobsOf } from '../jobs/runner'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { importPaket } from '../paket/read'
import { writePaket } from '../paket/write'
import type { HandlersFor } from './handlers'

/** A dialog this shell may not have (a browser test without one): said, not crashed. */
function dialog<T>(pick: (() => Promise<T>) | undefined): () => Promise<T> {
  if (pick) return pick
  return () => {
    throw new UserError('NO_DIALOG', 'Memilih berkas tidak tersedia di jendela ini.')
  }
}

export function exchangeHandlers(ctx: KioskContext): HandlersFor<keyof typeof exchangeContract> {
  return {
    'exchange.sendBundle': async ({ ceremonyId }) => {
      const jobs = jobsOf(ctx)
      jobs.ensureIdle('bundle')
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      // Signed here (the key and the log's head are this thread's); read and written off it.
      const signed = signBundle(ctx.db, ctx, ceremonyId, ctx.now())
      return jobs.run(
        'bundle',
        { signed, folder },
        { cleanup: () => clearUnfinishedBundle(folder, signed) },
      )
    },
    'exchange.receiveBundles': async () => {
      // Started before the dialog, so it is ready by the time the officer has picked the files.
      const checker = new CheckThread()
      let reports: BundleReport[]
      try {
        const files = await dialog(ctx.dialogs.openBundleFiles)()
        if (!files || files.length === 0) return null
        const checks = checker.check(files)
        await checks.ready()
        reports = importBundles(ctx.db, files, ctx.now(), ctx.kioskId, checks)
      } finally {
        checker.close()
      }
      const changed = new Set(reports.flatMap((r) => (r.ceremonyId === null ? [] : [r.ceremonyId])))
      for (const ceremonyId of changed) ctx.events.emit('checkin.changed', { ceremonyId })
      return reports
    },
    'exchange.writePaket': async ({ ceremonyId, opdIds }) => {
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      return writePaket(ctx.db, ctx, { ceremonyId, opdIds }, folder, ctx.now())
    },
    'exchange.importPaket': async ({ removeDemo }) => {
      const file = await dialog(ctx.dialogs.openPaketFile)()
      if (!file) return null
      const done = importPaket(ctx.db, file, { now: ctx.now(), kioskId: ctx.kioskId, removeDemo })
      // At a hub, gates' scans of this ceremony that came before it may now count.
      ctx.events.emit('checkin.changed', { ceremonyId: done.ceremony.id })
      return done
    },
  }
}
