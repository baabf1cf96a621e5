import fs from 'node:fs'
import type { ExportSummary } from '../../shared/contract/export'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { exportFolder, type ExportRequest } from '../export/export'
import { clearUnfinished } from '../export/manifest'
import type { JobRunner } from './runner'

/**
 * An export as a job. A worker stopped or crashed mid-write may leave a temporary file; it
 * is removed, and the folder, without a manifest, reads as an incomplete set.
 */
export function runExportJob(
  jobs: JobRunner,
  db: Db,
  request: ExportRequest,
): Promise<ExportSummary> {
  const out = exportFolder(request.folder, getCeremony(db, request.ceremonyId))
  return jobs.run('export', request, {
    cleanup: async () => fs.existsSync(out) && clearUnfinished(out),
  })
}
