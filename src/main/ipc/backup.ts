import type { backupContract } from '../../shared/contract/backup'
import { listBackups, stageRestore, type RestoreSteps } from '../backup/backups'
import type { KioskContext } from '../context'
import { backUpInWorker } from '../jobs/backup'
import { jobsOf } from '../jobs/runner'
import type { HandlersFor } from './handlers'

export function backupHandlers(ctx: KioskContext): HandlersFor<keyof typeof backupContract> {
  // The copies and the integrity check read whole databases: all run in worker threads.
  const inWorkers: RestoreSteps = {
    copyAndCheck: (source, copy, label) =>
      jobsOf(ctx).run('restore-check', { source, copy, label }),
    backUp: (_db, _dbPath, reason) => backUpInWorker(ctx, reason),
  }
  return {
    'backup.list': () => listBackups(ctx.dbPath),
    'backup.create': () => backUpInWorker(ctx, 'manual'),
    'backup.restore': async ({ name }) => {
      await stageRestore(ctx.db, ctx.dbPath, name, ctx.now(), inWorkers)
      ctx.shell?.restart()
      return { restarting: ctx.shell !== undefined }
    },
  }
}
