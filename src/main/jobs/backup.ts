import type { Backup } from '../../shared/domain'
import type { KioskContext } from '../context'
import { jobsOf } from './runner'

/** A backup made by a worker thread: the copy's reads never hold up the gate's scans. */
export async function backUpInWorker(ctx: KioskContext, reason: string): Promise<Backup> {
  return jobsOf(ctx).run('backup', { dbPath: ctx.dbPath, reason, now: ctx.now().toISOString() })
}

/** An automatic backup (after an export): a failed copy is logged, never a reason to stop. */
export async function backUpInJob(ctx: KioskContext, reason: string): Promise<void> {
  await backUpInWorker(ctx, reason).catch((e: unknown) => console.error('[cadangan]', e))
}
