import type { jobsContract } from '../../shared/contract/jobs'
import type { KioskContext } from '../context'
import { jobsOf } from '../jobs/runner'
import type { HandlersFor } from './handlers'

export function jobsHandlers(ctx: KioskContext): HandlersFor<keyof typeof jobsContract> {
  return {
    'job.cancel': ({ jobId }) => ({ cancelled: jobsOf(ctx).cancel(jobId) }),
  }
}
