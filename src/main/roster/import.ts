import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { ImportPreview } from '../../shared/domain'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { parseRoster, type ParsedRoster } from './parse-roster'
import type { ReadProgress } from './read-progress'
import { diffRoster } from './repository'
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
