import type { PaktaFields } from '../../shared/contract/pakta'
import {
  fillPlaceholders,
  IKRAR_PLACEHOLDERS,
  PLACEHOLDER_LIST,
  unknownPlaceholders,
  usedPlaceholders,
} from '../../shared/ikrar'
import { paktaParts, type PaktaCopy, type PaktaText } from '../../shared/pakta'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { getIkrarCopy, ikrarValues } from '../ikrar/repository'
import { logCopyChanged } from '../log/copy-changed'
import { DEFAULT_PAKTA_TEMPLATE, findPaktaTemplate } from './templates'

interface CopyRow {
  ceremony_id: number
  template_id: string
  heading: string
  subheading: string
  opening: string
  statement: string
  points: string
  sanction: string
  closing: string
  place: string
  meterai: number
  updated_at: string
}

function toCopy(row: CopyRow): PaktaCopy {
  return {
    ceremonyId: row.ceremony_id,
    templateId: row.template_id,
    heading: row.heading,
    subheading: row.subheading,
    opening: row.opening,
    statement: row.statement,
    points: JSON.parse(row.points) as string[],
    sanction: row.sanction,
    closing: row.closing,
    place: row.place,
    meterai: row.meterai === 1,
    updatedAt: row.updated_at,
  }
}

/** The town rarely changes between ceremonies: a new copy starts with the last one typed. */
function lastPlace(db: Db): string {
  const value = db
    .prepare("SELECT place FROM ceremony_pakta WHERE place <> '' ORDER BY updated_at DESC LIMIT 1")
    .pluck()
    .get() as string | undefined
  return value ?? ''
}

function freshCopy(db: Db, ceremonyId: number): PaktaCopy {
  const template = findPaktaTemplate(DEFAULT_PAKTA_TEMPLATE)!
  const { id, title: _title, source: _source, ...text } = template
  return {
    ...text,
    ceremonyId,
    templateId: id,
    place: lastPlace(db),
    meterai: false,
    updatedAt: null,
  }
}

/** The ceremony's copy; a ceremony that has none yet prints the default template. */
export function getPaktaCopy(db: Db, ceremonyId: number): PaktaCopy {
  getCeremony(db, ceremonyId)
  const row = db.prepare('SELECT * FROM ceremony_pakta WHERE ceremony_id = ?').get(ceremonyId) as
    CopyRow | undefined
  return row ? toCopy(row) : freshCopy(db, ceremonyId)
}

/** Stores the officer's edits as the ceremony's copy; the shipped template stays as it is. */
export function savePaktaCopy(
  db: Db,
  now: Date,
  ceremonyId: number,
  fields: PaktaFields,
): PaktaCopy {
  const unknown = paktaParts(fields).flatMap(unknownPlaceholders)
  if (unknown.length) {
    throw new UserError(
      'BAD_INPUT',
      `Penanda {${unknown[0]}} tidak dikenal. Yang bisa dipakai: ${PLACEHOLDER_LIST}.`,
    )
  }
  return db
    .transaction(() => {
      const before = getPaktaCopy(db, ceremonyId)
      db.prepare(
        `INSERT INTO ceremony_pakta (ceremony_id, template_id, heading, subheading, opening, statement,
       points, sanction, closing, place, meterai, updated_at)
     VALUES (@ceremonyId, @templateId, @heading, @subheading, @opening, @statement, @points,
       @sanction, @closing, @place, @meterai, @updatedAt)
     ON CONFLICT(ceremony_id) DO UPDATE SET heading = excluded.heading,
       subheading = excluded.subheading, opening = excluded.opening,
       statement = excluded.statement, points = excluded.points, sanction = excluded.sanction,
       closing = excluded.closing, place = excluded.place, meterai = excluded.meterai,
       updated_at = excluded.updated_at`,
      ).run({
        ...fields,
        ceremonyId,
        templateId: before.templateId,
        points: JSON.stringify(fields.points),
        meterai: fields.meterai ? 1 : 0,
        updatedAt: now.toISOString(),
      })
      const after = getPaktaCopy(db, ceremonyId)
      logCopyChanged(db, 'pakta.changed', now, before, after)
      return after
    })
    .immediate()
}

/**
 * The text as printed: the ikrar's placeholders, filled from the ceremony and the agency named
 * in its ikrar copy. A placeholder left empty is refused rather than printed blank on every form.
 */
export function printablePakta(db: Db, copy: PaktaCopy): PaktaText {
  const values = ikrarValues(db, getIkrarCopy(db, copy.ceremonyId))
  const fill = (text: string) => fillPlaceholders(text, values)
  const empty = paktaParts(copy)
    .flatMap(usedPlaceholders)
    .find((p) => !values[p].trim())
  if (empty) {
    throw new UserError(
      'PAKTA_INCOMPLETE',
      `Formulir pakta belum bisa dicetak: teksnya memakai {${empty}} (${IKRAR_PLACEHOLDERS[empty].label}) tetapi isinya masih kosong. Isi di ${IKRAR_PLACEHOLDERS[empty].filledIn}.`,
    )
  }
  return {
    heading: fill(copy.heading),
    subheading: fill(copy.subheading),
    opening: fill(copy.opening),
    statement: fill(copy.statement),
    points: copy.points.map(fill),
    sanction: fill(copy.sanction),
    closing: fill(copy.closing),
  }
}
