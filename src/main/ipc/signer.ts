import type { signerContract } from '../../shared/contract/signer'
import type { KioskContext } from '../context'
import { listSigners, setSigner } from '../export/signers'
import type { HandlersFor } from './handlers'

export function signerHandlers(ctx: KioskContext): HandlersFor<keyof typeof signerContract> {
  return {
    'signer.list': () => listSigners(ctx.db),
    'signer.set': ({ opdId, ...signer }) => {
      setSigner(ctx.db, ctx.now(), opdId, signer)
      return listSigners(ctx.db)
    },
  }
}
