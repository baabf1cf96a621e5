import type { Backup, Ceremony } from '../../shared/domain'
import type { KioskContext } from '../context'
import { jobsOf } from './runner'

/**
 * The last backup job asked for in each context. Backups of one database are made one after
 * another in their order of asking: the runner's "one job of a kind" would otherwise refuse the
 * officer's own backup while an automatic one ran, with a message about a job they never
 * started. Each waits for the one before it to end, however it ended.
 */
const lines = new WeakMap<KioskContext, Promise<unknown>>()

function inLine<T>(ctx: KioskContext, reason: string, make: () => Promise<T>): Promise<T> {
  const before = lines.get(ctx)
  if (before) console.info(`[cadangan] "${reason}" menunggu cadangan yang sedang dibuat`)
  const turn = (before ?? Promise.resolve()).catch(() => undefined).then(make)
  lines.set(ctx, turn)
  void turn
    .catch(() => undefined)
    .then(() => {
      if (lines.get(ctx) === turn) lines.delete(ctx)
    })
  return turn
}

/** A backup made by a worker thread: the copy's reads never hold up the gate's scans. */
export async function backUpInWorker(ctx: KioskContext, reason: string): Promise<Backup> {
  return inLine(ctx, reason, () =>
    jobsOf(ctx).run('backup', { dbPath: ctx.dbPath, reason, now: ctx.now().toISOString() }),
  )
}

/**
 * The automatic backups (a ceremony becoming active, an export): a failed copy is logged,
 * never a reason to stop what the officer is doing.
 */
export async function backUpInJob(ctx: KioskContext, reason: string): Promise<void> {
  await backUpInWorker(ctx, reason).catch((e: unknown) => console.error('[cadangan]', e))
}

/** A ceremony that becomes the gate's active one starts with a backup. */
export async function backUpIfActive<C extends Pick<Ceremony, 'id' | 'active'>>(
  ctx: KioskContext,
  ceremony: C,
): Promise<C> {
  if (ceremony.active) await backUpInJob(ctx, `acara-${ceremony.id}`)
  return ceremony
}
