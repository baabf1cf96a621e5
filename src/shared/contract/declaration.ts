import { z } from 'zod'
import { MAX_LEADERS, type Declaration, type RegionalLeader } from '../declaration'
import { call } from './define'

const text = (max: number) => z.string().max(max)

const leader = z.object({ title: text(200), name: text(120), nip: text(40) }).strict()

export const declarationContract = {
  /** The "Lembar Penandatanganan Ikrar Netralitas" of a ceremony, ready to print. */
  'declaration.get': call<Declaration>({ officer: true })(
    z.object({ ceremonyId: z.number().int().positive() }).strict(),
  ),
  /** The region's leaders who sign above the OPD heads, in order. */
  'declaration.leaders': call<RegionalLeader[]>({ officer: true })(z.undefined()),
  /** Replaces the whole list as arranged: added, edited, moved and removed in one save. */
  'declaration.setLeaders': call<RegionalLeader[]>({ officer: true, changes: ['roster.changed'] })(
    z
      .object({
        leaders: z.array(leader).max(MAX_LEADERS, `Paling banyak ${MAX_LEADERS} pejabat daerah`),
      })
      .strict(),
  ),
}
