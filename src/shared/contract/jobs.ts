import { z } from 'zod'
import { call } from './define'

export const jobsContract = {
  /**
   * Stops a running heavy job (an export, reading a roster file) by the id its `job.progress`
   * events carry; false when it had already ended. Not an officer call: stopping work loses
   * nothing, and a long export may outlast the officer's unlock.
   */
  'job.cancel': call<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(100) })),
}
