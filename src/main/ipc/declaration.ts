import type { declarationContract } from '../../shared/contract/declaration'
import type { KioskContext } from '../context'
import { declaration, listLeaders, setLeaders } from '../ikrar/declaration'
import type { HandlersFor } from './handlers'

export function declarationHandlers(
  ctx: KioskContext,
): HandlersFor<keyof typeof declarationContract> {
  return {
    'declaration.get': ({ ceremonyId }) => declaration(ctx.db, ceremonyId),
    'declaration.leaders': () => listLeaders(ctx.db),
    'declaration.setLeaders': ({ leaders }) => setLeaders(ctx.db, ctx.now(), leaders),
  }
}
