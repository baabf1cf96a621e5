import { z } from 'zod'
import type { Backup } from '../domain'
import { call } from './define'

export const backupContract = {
  'backup.list': call<Backup[]>({ officer: true })(z.undefined()),
  'backup.create': call<Backup>({ officer: true })(z.undefined()),
  /** Stages the copy and restarts the kiosk on it; `restarting` false outside the desktop app. */
  'backup.restore': call<{ restarting: boolean }>({ officer: true })(
    z.object({ name: z.string().regex(/^[\w.-]{1,120}$/) }).strict(),
  ),
}
