import { backUpIfActive } from '../backup/backups'
import type { appContract } from '../../shared/contract/app'
import { activeCeremonyId, createCeremony } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { DEMO_REGION, demoRoster } from '../roster/demo'
import { applyRoster, listOpd } from '../roster/repository'
import { utcToLocal } from '../../shared/time'
import type { HandlersFor } from './handlers'

const count = (ctx: KioskContext, table: string) =>
  ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

export function appHandlers(ctx: KioskContext): HandlersFor<keyof typeof appContract> {
  return {
    'app.status': () => ({
      dbPath: ctx.dbPath,
      kioskId: ctx.kioskId,
      employees: count(ctx, 'employee'),
      ceremonies: count(ctx, 'ceremony'),
      activeCeremonyId: activeCeremonyId(ctx.db),
      notice: ctx.startupNotice ?? null,
    }),
    'app.leaveKiosk': () => {
      ctx.shell?.leaveKiosk()
      return { left: ctx.shell !== undefined }
    },
    'app.loadDemo': async () => {
      const now = ctx.now()
      applyRoster(ctx.db, demoRoster(), now)
      const ceremony = createCeremony(ctx.db, now, {
        name: `Apel Netralitas ASN ${DEMO_REGION} (demo)`,
        date: utcToLocal(now.toISOString(), 'Asia/Jakarta').date,
        startTime: '07:30',
        lateTime: '07:45',
        place: 'Halaman Kantor Bupati',
        timeZone: 'Asia/Jakarta',
        opdIds: null,
        unknownPolicy: 'review',
      })
      await backUpIfActive(ctx, ceremony)
      return {
        employees: count(ctx, 'employee'),
        opd: listOpd(ctx.db).length,
        ceremonyId: ceremony.id,
      }
    },
  }
}
