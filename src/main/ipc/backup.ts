import type { backupContract } from '../../shared/contract/backup'
import { createBackup, listBackups, stageRestore } from '../backup/backups'
import type { KioskContext } from '../context'
import type { HandlersFor } from './handlers'

export function backupHandlers(ctx: KioskContext): HandlersFor<keyof typeof backupContract> {
  return {
    'backup.list': () => listBackups(ctx.dbPath),
    'backup.create': () => createBackup(ctx.db, ctx.dbPath, 'manual', ctx.now()),
    'backup.restore': async ({ name }) => {
      await stageRestore(ctx.db, ctx.dbPath, name, ctx.now())
      ctx.shell?.restart()
      return { restarting: ctx.shell !== undefined }
    },
  }
}
