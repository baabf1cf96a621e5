import type { authenticityContract } from '../../shared/contract/authenticity'
import type { KioskContext } from '../context'
import { jobsOf } from '../jobs/runner'
import { fingerprintOf } from '../keys/signature'
import type { HandlersFor } from './handlers'

export function authenticityHandlers(
  ctx: KioskContext,
): HandlersFor<keyof typeof authenticityContract> {
  return {
    'authenticity.key': () => ({
      fingerprint: fingerprintOf(ctx.key.publicKey),
      publicKey: ctx.key.publicKey,
    }),
    'authenticity.verify': async ({ pick }) => {
      // Told before the dialog, not after the officer has picked.
      jobsOf(ctx).ensureIdle('verify')
      const choose = {
        file: ctx.dialogs.openVerifyFile,
        folder: ctx.dialogs.chooseVerifyFolder,
        // Read by the worker's own read-only connection while the gate goes on writing.
        database: async () => ctx.dbPath,
      }[pick]
      const target = choose ? await choose() : null
      if (!target) return null
      // Off the scan path: reading a recap of 20,000 rows would hold up the gate.
      return jobsOf(ctx).run('verify', { target, ownKey: ctx.key.publicKey })
    },
  }
}
