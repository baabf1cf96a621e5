import type { PreflightItem, PreflightResult } from '../../shared/contract/preflight'
import type { preflightContract } from '../../shared/contract/preflight'
import { backupDir } from '../backup/backups'
import { activeCeremonyId, getCeremony } from '../ceremony/repository'
import type { KioskContext } from '../context'
import { jobsOf } from '../jobs/runner'
import { checkClock, laptopClock } from '../preflight/clock'
import { checkDisplay } from '../preflight/display'
import { checkBackupFolder, checkDataFolder } from '../preflight/storage'
import { getSetting } from '../settings'
import type { HandlersFor } from './handlers'
import { MIRROR_KEY } from './ikrar'

/** A check that outlasts this is stopped: the officer is told, and nothing waits on it. */
export const INTEGRITY_LIMIT_MS = 120_000

/**
 * The integrity check reads every page: it runs in a worker thread, so scans go on meanwhile,
 * and a second request while it runs waits for the same answer instead of being refused.
 */
function integrityInWorker(ctx: KioskContext, limitMs: number) {
  let running: Promise<PreflightResult> | null = null
  return (): Promise<PreflightResult> => {
    running ??= boundedJob(ctx, limitMs).finally(() => (running = null))
    return running
  }
}

async function boundedJob(ctx: KioskContext, limitMs: number): Promise<PreflightResult> {
  const jobs = jobsOf(ctx)
  const job = jobs.run('integrity-check', null)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    const id = jobs.runningId('integrity-check')
    if (id) jobs.cancel(id)
  }, limitMs)
  try {
    return await job
  } catch (error) {
    if (!timedOut) throw error
    return {
      status: 'warn',
      detail: `Pemeriksaan basis data dihentikan setelah ${Math.round(limitMs / 1000)} detik: basis data besar atau laptop sedang sibuk.`,
      advice:
        'Ulangi saat laptop tidak sedang mengekspor atau mengimpor; pemindaian tidak terganggu.',
    }
  } finally {
    clearTimeout(timer)
  }
}

export function preflightHandlers(
  ctx: KioskContext,
  { integrityLimitMs = INTEGRITY_LIMIT_MS } = {},
): HandlersFor<keyof typeof preflightContract> {
  const integrity = integrityInWorker(ctx, integrityLimitMs)
  const activeCeremony = () => {
    const id = activeCeremonyId(ctx.db)
    return id === null ? null : getCeremony(ctx.db, id)
  }
  const checks: Record<PreflightItem, () => PreflightResult | Promise<PreflightResult>> = {
    disk: () => checkDataFolder(ctx.dbPath),
    backup: () => checkBackupFolder('Folder cadangan', backupDir(ctx.dbPath), ctx.dbPath),
    clock: () => checkClock(ctx.db, activeCeremony(), ctx.kioskId, laptopClock(ctx.now())),
    display: () => checkDisplay(ctx.displays?.(), getSetting(ctx.db, MIRROR_KEY) === '1'),
    database: integrity,
  }
  return {
    'preflight.check': ({ item }) => checks[item](),
    'preflight.checkFolder': async () => {
      const folder = await ctx.dialogs.chooseExportFolder()
      if (!folder) return null
      return { folder, ...checkBackupFolder('Folder', folder, ctx.dbPath) }
    },
  }
}
