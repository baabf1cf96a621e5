import { backUpIfActive } from '../jobs/backup'
import type { appContract, Lockdown } from '../../shared/contract/app'
import { activeCeremonyId } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { adoptLegacyDemo, demoPresent, loadDemo, removeDemo } from '../roster/demo-mode'
import { getFlag, KIOSK_MODE_KEY, setFlag, START_AT_LOGIN_KEY } from '../settings'
import { KIOSK_FLAG, kioskModeFor, loginItemFor } from '../window/kiosk-mode'
import type { HandlersFor } from './handlers'

const count = (ctx: KioskContext, table: string) =>
  ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

/** The lock-down as the settings and this run make it; in a browser (tests) there is no shell. */
function lockdown(ctx: KioskContext): Lockdown {
  const launch = ctx.shell?.launch ?? { packaged: false, argv: [], platform: 'browser' }
  const loginItem = loginItemFor({ ...launch, setting: getFlag(ctx.db, START_AT_LOGIN_KEY) })
  return {
    kioskMode: kioskModeFor({ ...launch, setting: getFlag(ctx.db, KIOSK_MODE_KEY) }),
    kioskNow: ctx.shell?.kioskNow() ?? false,
    forced: launch.argv.includes(KIOSK_FLAG),
    startAtLogin: loginItem?.openAtLogin ?? null,
  }
}

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
    'app.lockdown': () => lockdown(ctx),
    'app.setLockdown': ({ kioskMode, startAtLogin }) => {
      if (kioskMode !== undefined) {
        setFlag(ctx.db, KIOSK_MODE_KEY, kioskMode)
        ctx.shell?.setKiosk(lockdown(ctx).kioskMode)
      }
      if (startAtLogin !== undefined) {
        setFlag(ctx.db, START_AT_LOGIN_KEY, startAtLogin)
        const item = ctx.shell && loginItemFor({ ...ctx.shell.launch, setting: startAtLogin })
        if (item) ctx.shell?.setLoginItem(item)
      }
      return lockdown(ctx)
    },
    'app.quit': () => {
      // After the answer has gone back to the window that asked.
      if (ctx.shell) setTimeout(() => ctx.shell?.quit(), 0)
      return { quitting: ctx.shell !== undefined }
    },
    'app.loadDemo': async () => {
      const { ceremony, ...result } = loadDemo(ctx.db, ctx.now())
      await backUpIfActive(ctx, ceremony)
      return result
    },
    'app.removeDemo': () => removeDemo(ctx.db, ctx.now()),
  }
}
