/** Heavy work that runs off the scan path, one of a kind at a time. */
export const JOB_KINDS = [
  'export',
  'roster-preview',
  'backup',
  'restore-check',
  'integrity-check',
  'verify',
  'bundle',
] as const
export type JobKind = (typeof JOB_KINDS)[number]

/** How far one job is, for the progress bar; `label` says in Indonesian what is happening. */
export interface JobProgress {
  jobId: string
  kind: JobKind
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  /** null: not known yet (rows of a file still being read). */
  total: number | null
  label: string
}
