import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { ImportPreview, ImportResult } from '../../shared/domain'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry } from '../log/append'
import { parseRoster, type ParsedRoster } from './parse-roster'
import { removeDemo as removeDemoData } from './demo-mode'
import type { ReadProgress } from './read-progress'
import { applyRoster, diffRoster } from './repository'
import { readTableFile } from './table-file'

export async function readRosterFile(file: string, progress?: ReadProgress): Promise<ParsedRoster> {
  const fileName = path.basename(file)
  const parsed = parseRoster(await readTableFile(file, progress), fileName, progress)
  if ('error' in parsed) throw new UserError('ROSTER_HEADER', parsed.error)
  return parsed
}

const SAMPLE_SIZE = 20

/** What the officer sees before anything is written. */
export function previewRoster(db: Db, parsed: ParsedRoster, fileName: string): ImportPreview {
  const diff = diffRoster(db, parsed.rows, parsed.held)
  return {
    previewId: randomUUID(),
    fileName,
    sheetName: parsed.sheetName,
    headerRow: parsed.headerRow,
    toAdd: diff.toAdd.length,
    toUpdate: diff.toUpdate.length,
    unchanged: diff.unchanged,
    toDeactivate: diff.toDeactivate.length,
    rejected: parsed.rejected,
    opdMerged: parsed.opdMerged,
    opdNew: diff.opdNew,
    sample: [
      ...diff.toAdd.map((r) => ({
        nip: r.nip,
        name: r.name,
        opd: r.opdName,
        action: 'tambah' as const,
      })),
      ...diff.toUpdate.map((r) => ({
        nip: r.nip,
        name: r.name,
        opd: r.opdName,
        action: 'ubah' as const,
      })),
    ].slice(0, SAMPLE_SIZE),
  }
}

export interface ImportApplied {
  rows: ParsedRoster['rows']
  held: ParsedRoster['held']
  /** The file as it was read for the preview: its name, digest and rejected rows. */
  file: { fileName: string; fileSha256: string; rejected: number }
  removeDemo: boolean
  now: Date
  kioskId: string
}

/**
 * Applies a previewed roster in one transaction with its log entry (file name, digest, counts),
 * removing the demo first when the officer agreed: all of it, or none of it.
 */
export function applyImport(db: Db, input: ImportApplied): ImportResult {
  const { file, now } = input
  return db
    .transaction(() => {
      if (input.removeDemo) removeDemoData(db, now)
      const applied = applyRoster(db, input.rows, now, input.held)
      appendEntry(db, {
        kind: 'roster.imported',
        at: now.toISOString(),
        kioskId: input.kioskId,
        body: {
          fileName: file.fileName,
          fileSha256: file.fileSha256,
          added: applied.added,
          updated: applied.updated,
          deactivated: applied.deactivated,
          rejected: file.rejected,
        },
      })
      return applied
    })
    .immediate()
}
