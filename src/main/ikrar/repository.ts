import type { IkrarFields } from '../../shared/contract/ikrar'
import {
  fillIkrar,
  IKRAR_PLACEHOLDERS,
  PLACEHOLDER_LIST,
  textParts,
  unknownPlaceholders,
  usedPlaceholders,
  type IkrarCopy,
  type IkrarReadingRecord,
  type IkrarText,
  type IkrarValues,
} from '../../shared/ikrar'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { appendEntry, sha256Hex } from '../log/append'
import { logCopyChanged } from '../log/copy-changed'
import { UserError } from '../errors'
import { DEFAULT_TEMPLATE_ID, findTemplate } from './templates'

interface CopyRow {
  ceremony_id: number
  template_id: string
  instansi: string
  heading: string
  opening: string
  points: string
  closing: string | null
  updated_at: string
}

interface ReadingRow {
  id: number
  ceremony_id: number
  started_at: string
  ended_at: string | null
  text: string
}

function toCopy(row: CopyRow): IkrarCopy {
  return {
    ceremonyId: row.ceremony_id,
    templateId: row.template_id,
    instansi: row.instansi,
    heading: row.heading,
    opening: row.opening,
    points: JSON.parse(row.points) as string[],
    closing: row.closing,
    updatedAt: row.updated_at,
  }
}

/** The agency rarely changes between ceremonies: a new copy starts with the last one typed. */
function lastInstansi(db: Db): string {
  const value = db
    .prepare(
      "SELECT instansi FROM ceremony_ikrar WHERE instansi <> '' ORDER BY updated_at DESC LIMIT 1",
    )
    .pluck()
    .get() as string | undefined
  return value ?? ''
}

function templateOrFail(templateId: string) {
  const template = findTemplate(templateId)
  if (!template) throw new UserError('NOT_FOUND', `Template ikrar "${templateId}" tidak dikenal.`)
  return template
}

function freshCopy(ceremonyId: number, templateId: string, instansi: string): IkrarCopy {
  const { heading, opening, points, closing } = templateOrFail(templateId)
  return {
    ceremonyId,
    templateId,
    instansi,
    heading,
    opening,
    points,
    closing,
    updatedAt: null,
  }
}

/** The ceremony's copy; a ceremony that has none yet reads the default template. */
export function getIkrarCopy(db: Db, ceremonyId: number): IkrarCopy {
  getCeremony(db, ceremonyId)
  const row = db.prepare('SELECT * FROM ceremony_ikrar WHERE ceremony_id = ?').get(ceremonyId) as
    CopyRow | undefined
  return row ? toCopy(row) : freshCopy(ceremonyId, DEFAULT_TEMPLATE_ID, lastInstansi(db))
}

function writeCopy(db: Db, now: Date, copy: IkrarCopy): IkrarCopy {
  const unknown = textParts(copy).flatMap(unknownPlaceholders)
  if (unknown.length) {
    throw new UserError(
      'BAD_INPUT',
      `Penanda {${unknown[0]}} tidak dikenal. Yang bisa dipakai: ${PLACEHOLDER_LIST}.`,
    )
  }
  return db
    .transaction(() => {
      const before = getIkrarCopy(db, copy.ceremonyId)
      db.prepare(
        `INSERT INTO ceremony_ikrar (ceremony_id, template_id, instansi, heading, opening, points, closing, updated_at)
     VALUES (@ceremonyId, @templateId, @instansi, @heading, @opening, @points, @closing, @updatedAt)
     ON CONFLICT(ceremony_id) DO UPDATE SET template_id = excluded.template_id,
       instansi = excluded.instansi, heading = excluded.heading, opening = excluded.opening,
       points = excluded.points, closing = excluded.closing, updated_at = excluded.updated_at`,
      ).run({ ...copy, points: JSON.stringify(copy.points), updatedAt: now.toISOString() })
      const after = getIkrarCopy(db, copy.ceremonyId)
      logCopyChanged(db, 'ikrar.changed', now, before, after)
      return after
    })
    .immediate()
}

/** Starts the ceremony's copy over from a template; the agency name typed so far is kept. */
export function chooseTemplate(
  db: Db,
  now: Date,
  ceremonyId: number,
  templateId: string,
): IkrarCopy {
  const { instansi } = getIkrarCopy(db, ceremonyId)
  return writeCopy(db, now, freshCopy(ceremonyId, templateId, instansi))
}

/** Stores the officer's edits as the ceremony's copy; the template it came from stays as shipped. */
export function saveIkrarCopy(
  db: Db,
  now: Date,
  ceremonyId: number,
  fields: IkrarFields,
): IkrarCopy {
  const { templateId } = getIkrarCopy(db, ceremonyId)
  const closing = fields.closing?.trim() ? fields.closing.trim() : null
  return writeCopy(db, now, { ...fields, closing, ceremonyId, templateId, updatedAt: null })
}

export function ikrarValues(db: Db, copy: IkrarCopy): IkrarValues {
  const ceremony = getCeremony(db, copy.ceremonyId)
  return { instansi: copy.instansi, acara: ceremony.name, pemilihan: ceremony.election }
}

/** The text as the crowd will see it; refused while a placeholder it uses has no value. */
export function readableIkrar(db: Db, ceremonyId: number): IkrarText {
  const copy = getIkrarCopy(db, ceremonyId)
  const values = ikrarValues(db, copy)
  const empty = textParts(copy)
    .flatMap(usedPlaceholders)
    .find((p) => !values[p].trim())
  if (empty) {
    throw new UserError(
      'IKRAR_INCOMPLETE',
      `Pembacaan belum bisa dimulai: teks ikrar memakai {${empty}} (${IKRAR_PLACEHOLDERS[empty].label}) tetapi isinya masih kosong. Isi di ${IKRAR_PLACEHOLDERS[empty].filledIn}.`,
    )
  }
  return fillIkrar(copy, values)
}

export function recordReadingStart(
  db: Db,
  now: Date,
  ceremonyId: number,
  text: IkrarText,
  kioskId: string,
): number {
  return db
    .transaction(() => {
      const stored = JSON.stringify(text)
      const at = now.toISOString()
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO ikrar_reading (ceremony_id, started_at, text, kiosk_id) VALUES (?, ?, ?, ?)',
        )
        .run(ceremonyId, at, stored, kioskId)
      const readingId = Number(lastInsertRowid)
      appendEntry(db, {
        kind: 'ikrar.started',
        at,
        kioskId,
        body: { ceremonyId, readingId, textSha256: sha256Hex(stored), migrated: false },
      })
      return readingId
    })
    .immediate()
}

export function recordReadingEnd(db: Db, now: Date, readingId: number): IkrarReadingRecord {
  return db
    .transaction(() => {
      const at = now.toISOString()
      const ended = db
        .prepare(
          'UPDATE ikrar_reading SET ended_at = ? WHERE id = ? AND ended_at IS NULL RETURNING ceremony_id AS ceremonyId, kiosk_id AS kioskId',
        )
        .get(at, readingId) as { ceremonyId: number; kioskId: string } | undefined
      if (ended) {
        appendEntry(db, {
          kind: 'ikrar.ended',
          at,
          kioskId: ended.kioskId,
          body: { ceremonyId: ended.ceremonyId, readingId, migrated: false },
        })
      }
      const row = db
        .prepare('SELECT * FROM ikrar_reading WHERE id = ?')
        .get(readingId) as ReadingRow
      return toRecord(row)
    })
    .immediate()
}

function toRecord(row: ReadingRow): IkrarReadingRecord {
  return {
    id: row.id,
    ceremonyId: row.ceremony_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    text: JSON.parse(row.text) as IkrarText,
  }
}

/**
 * Every reading of a ceremony, in the order they happened: what an export reports as read (the
 * last one). Ordered by the row's own sequence, not by its start time: a laptop clock set back
 * between two readings must not make the older text look like the later one.
 */
export function listReadings(db: Db, ceremonyId: number): IkrarReadingRecord[] {
  const rows = db
    .prepare('SELECT * FROM ikrar_reading WHERE ceremony_id = ? ORDER BY id')
    .all(ceremonyId) as ReadingRow[]
  return rows.map(toRecord)
}
