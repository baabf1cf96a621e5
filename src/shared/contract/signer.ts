import { z } from 'zod'
import type { SignerList } from '../signer'
import { call } from './define'

const text = (max: number) => z.string().max(max)

export const signerContract = {
  /** Every OPD with its signer and derived title, and the recap's signer (head of BKPSDM). */
  'signer.list': call<SignerList>({ officer: true })(z.undefined()),
  /** Sets who signs for an OPD (opdId) or the recap (null); an empty title clears it. */
  'signer.set': call<SignerList>({ officer: true, changes: ['roster.changed'] })(
    z
      .object({
        opdId: z.number().int().positive().nullable(),
        title: text(200),
        name: text(120),
        pangkat: text(80),
        nip: text(40),
      })
      .strict(),
  ),
}
