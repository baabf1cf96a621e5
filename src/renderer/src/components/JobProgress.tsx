import { useEffect, useState } from 'react'
import type { JobKind, JobProgress as Progress } from '../../../shared/jobs'
import { formatCount } from '../../../shared/format'
import { api, subscribe } from '../api'

/** What the bar is about, for screen readers and for the tests that find it. */
const ABOUT: Record<JobKind, string> = {
  export: 'Kemajuan ekspor',
  'roster-preview': 'Kemajuan pembacaan berkas',
  backup: 'Kemajuan pembuatan cadangan',
  'restore-check': 'Kemajuan pemeriksaan cadangan',
  'integrity-check': 'Kemajuan pemeriksaan basis data',
  verify: 'Kemajuan pemeriksaan keaslian',
  bundle: 'Kemajuan penulisan berkas Kirim data',
}

/**
 * A running heavy job of one kind: what it is doing, a bar (files written of the total, or
 * moving without a total while a file is read), and "Batalkan". Gone when the job ends; the
 * screen that started it says how it ended.
 */
export function JobProgress({ kind }: { kind: JobKind }) {
  const [job, setJob] = useState<Progress | null>(null)
  const [cancelling, setCancelling] = useState(false)
  useEffect(
    () =>
      subscribe('job.progress', (p) => {
        if (p.kind !== kind) return
        setJob(p.state === 'running' ? p : null)
        if (p.state !== 'running') setCancelling(false)
      }),
    [kind],
  )
  if (!job) return null
  const cancel = () => {
    setCancelling(true)
    // A job that has just ended finds nothing to stop; its end event clears the bar.
    void api('job.cancel', { jobId: job.jobId }).catch(() => setCancelling(false))
  }
  return (
    <div className="job-progress" role="group" aria-label={ABOUT[kind]}>
      <div className="job-progress-label" role="status">
        {job.label}
      </div>
      <div className="job-progress-row">
        <progress
          aria-label={ABOUT[kind]}
          value={job.total ? job.done : undefined}
          max={job.total ?? undefined}
        />
        {job.total ? (
          <span className="job-progress-count">
            {formatCount(job.done)} dari {formatCount(job.total)}
          </span>
        ) : null}
        <button type="button" onClick={cancel} disabled={cancelling}>
          {cancelling ? 'Membatalkan…' : 'Batalkan'}
        </button>
      </div>
    </div>
  )
}
