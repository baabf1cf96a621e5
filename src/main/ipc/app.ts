import { backUpIfActive } from '../jobs/backup'
import type { appContract } from '../../shared/contract/app'
import { activeCeremonyId } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { adoptLegacyDemo, demoPresent, loadDemo, removeDemo } from '../roster/demo-mode'
import type { HandlersFor } from './handlers'

const count = (ctx: KioskContext, table: string) =>
  ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

export function appHandlers(ctx: KioskContext): HandlersFor<keyof typeof appContract> {
  // Once per start: a demo loaded by an earlier version is marked like today's.
  adoptLegacyDemo(ctx.db)
  return {
    'app.status': () => ({
      dbPath: ctx.dbPath,
      kioskId: ctx.kioskId,
      employees: count(ctx, 'employee'),
      ceremonies: count(ctx, 'ceremony'),
      activeCeremonyId: activeCeremonyId(ctx.db),
      notice: ctx.startupNotice ?? null,
      demo: demoPresent(ctx.db),
    }),
    'app.leaveKiosk': () => {
      ctx.shell?.leaveKiosk()
      return { left: ctx.shell !== undefined }
    },
    'app.loadDemo': async () => {
      const { ceremony, ...result } = loadDemo(ctx.db, ctx.now())
      await backUpIfActive(ctx, ceremony)
      return result
    },
    'app.removeDemo': () => removeDemo(ctx.db),
  }
}
