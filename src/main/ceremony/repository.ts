import type { CeremonyFields } from '../../shared/contract/ceremony'
import type { Ceremony } from '../../shared/domain'
import { proposeElection } from '../../shared/election'
import { localToUtc, type TimeZoneId } from '../../shared/time'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { deriveWaiting } from '../hub/merge'
import { appendEntry, kioskOf, uuidv7 } from '../log/append'
import { getSetting, setSetting } from '../settings'

interface CeremonyRow {
  id: number
  name: string
  date: string
  start_time: string
  late_time: string
  starts_at: string
  late_at: string
  place: string
  time_zone: TimeZoneId
  all_opd: number
  unknown_policy: 'review' | 'refuse'
  election: string
  global_id: string
}

/** The setting that names the ceremony the gate is running. */
export const ACTIVE_KEY = 'active_ceremony_id'

export function activeCeremonyId(db: Db): number | null {
  const value = getSetting(db, ACTIVE_KEY)
  return value === null ? null : Number(value)
}

function toCeremony(db: Db, row: CeremonyRow): Ceremony {
  const opdIds = row.all_opd
    ? null
    : (db
        .prepare('SELECT opd_id FROM ceremony_opd WHERE ceremony_id = ? ORDER BY opd_id')
        .pluck()
        .all(row.id) as number[])
  return {
    id: row.id,
    name: row.name,
    date: row.date,
    startTime: row.start_time,
    lateTime: row.late_time,
    startsAt: row.starts_at,
    lateAt: row.late_at,
    place: row.place,
    timeZone: row.time_zone,
    opdIds,
    unknownPolicy: row.unknown_policy,
    election: row.election,
    globalId: row.global_id,
    active: activeCeremonyId(db) === row.id,
  }
}

export function getCeremony(db: Db, id: number): Ceremony {
  const row = db.prepare('SELECT * FROM ceremony WHERE id = ?').get(id) as CeremonyRow | undefined
  if (!row) throw new UserError('NOT_FOUND', `Acara dengan id ${id} tidak ditemukan.`)
  return toCeremony(db, row)
}

export function listCeremonies(db: Db): Ceremony[] {
  const rows = db
    .prepare('SELECT * FROM ceremony ORDER BY date DESC, start_time DESC, id DESC')
    .all() as CeremonyRow[]
  return rows.map((r) => toCeremony(db, r))
}

/** Typed wall-clock times become UTC instants in the ceremony's own zone. */
function timesOf(f: CeremonyFields) {
  const startTime = f.startTime.replace('.', ':')
  const lateTime = f.lateTime.replace('.', ':')
  if (lateTime < startTime) {
    throw new UserError(
      'BAD_INPUT',
      `Batas terlambat (${lateTime}) tidak boleh sebelum jam mulai (${startTime}).`,
    )
  }
  return {
    startTime,
    lateTime,
    startsAt: localToUtc(f.date, startTime, f.timeZone),
    lateAt: localToUtc(f.date, lateTime, f.timeZone),
  }
}

function writeOpdList(db: Db, id: number, opdIds: number[] | null): void {
  db.prepare('DELETE FROM ceremony_opd WHERE ceremony_id = ?').run(id)
  if (!opdIds) return
  const known = db.prepare('SELECT 1 FROM opd WHERE id = ?')
  const insert = db.prepare(
    'INSERT OR IGNORE INTO ceremony_opd (ceremony_id, opd_id) VALUES (?, ?)',
  )
  for (const opdId of opdIds) {
    if (!known.get(opdId))
      throw new UserError('NOT_FOUND', `OPD dengan id ${opdId} tidak ditemukan.`)
    insert.run(id, opdId)
  }
}

/**
 * A new ceremony, under a fresh global id or, for a ceremony another kiosk made (a paket acara,
 * a hub's ceremony taken by a gate), under that one: the id is what joins their logs.
 */
export function createCeremony(
  db: Db,
  now: Date,
  f: CeremonyFields,
  globalId: string = uuidv7(now.getTime()),
): Ceremony {
  return db
    .transaction(() => {
      const t = timesOf(f)
      if (db.prepare('SELECT 1 FROM ceremony WHERE global_id = ?').get(globalId)) {
        throw new UserError(
          'CONFLICT',
          `Acara dengan id global ${globalId} sudah ada di kiosk ini.`,
        )
      }
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO ceremony (name, date, start_time, late_time, starts_at, late_at, place, time_zone,
           all_opd, unknown_policy, election, created_at, global_id)
         VALUES (@name, @date, @startTime, @lateTime, @startsAt, @lateAt, @place, @timeZone, @allOpd, @unknownPolicy, @election, @now, @globalId)`,
        )
        .run({
          ...f,
          ...t,
          allOpd: f.opdIds ? 0 : 1,
          election: f.election ?? proposeElection(f.date),
          now: now.toISOString(),
          globalId,
        })
      const id = Number(lastInsertRowid)
      writeOpdList(db, id, f.opdIds)
      logCeremony(db, 'ceremony.created', now, getCeremony(db, id))
      // Peers' scans of it that came before it was known here (a paket acara taken in late).
      deriveWaiting(db, id)
      // The first ceremony is the one the gate will run.
      if (activeCeremonyId(db) === null) activate(db, now, id)
      return getCeremony(db, id)
    })
    .immediate()
}

export function updateCeremony(
  db: Db,
  f: CeremonyFields & { id: number },
  now: Date = new Date(),
): Ceremony {
  return db
    .transaction(() => {
      getCeremony(db, f.id)
      const t = timesOf(f)
      db.prepare(
        `UPDATE ceremony SET name = @name, date = @date, start_time = @startTime, late_time = @lateTime,
         starts_at = @startsAt, late_at = @lateAt, place = @place, time_zone = @timeZone,
         all_opd = @allOpd, unknown_policy = @unknownPolicy,
         election = coalesce(@election, election) WHERE id = @id`,
      ).run({ ...f, ...t, allOpd: f.opdIds ? 0 : 1, election: f.election ?? null })
      writeOpdList(db, f.id, f.opdIds)
      const changed = getCeremony(db, f.id)
      logCeremony(db, 'ceremony.changed', now, changed)
      return changed
    })
    .immediate()
}

/** A copy to prepare the next apel from: same settings, "(salinan)" in the name, nothing recorded. */
export function duplicateCeremony(db: Db, now: Date, id: number): Ceremony {
  const c = getCeremony(db, id)
  return createCeremony(db, now, {
    name: `${c.name} (salinan)`,
    date: c.date,
    startTime: c.startTime,
    lateTime: c.lateTime,
    place: c.place,
    timeZone: c.timeZone,
    opdIds: c.opdIds,
    unknownPolicy: c.unknownPolicy,
    election: c.election,
  })
}

function activate(db: Db, now: Date, id: number): void {
  setSetting(db, ACTIVE_KEY, String(id))
  appendEntry(db, {
    kind: 'ceremony.activated',
    at: now.toISOString(),
    kioskId: kioskOf(db),
    body: { ceremonyId: id },
  })
}

export function setActiveCeremony(db: Db, id: number, now: Date = new Date()): Ceremony {
  return db
    .transaction(() => {
      getCeremony(db, id)
      activate(db, now, id)
      return getCeremony(db, id)
    })
    .immediate()
}

/** A ceremony's settings as the log keeps them, after each create or change. */
function logCeremony(
  db: Db,
  kind: 'ceremony.created' | 'ceremony.changed',
  now: Date,
  c: Ceremony,
): void {
  appendEntry(db, {
    kind,
    at: now.toISOString(),
    kioskId: kioskOf(db),
    body: {
      ceremonyId: c.id,
      name: c.name,
      date: c.date,
      startTime: c.startTime,
      lateTime: c.lateTime,
      timeZone: c.timeZone,
      place: c.place,
      opdIds: c.opdIds,
      unknownPolicy: c.unknownPolicy,
      election: c.election,
      migrated: false,
      // Only a creation names the global id: it never changes afterwards.
      ...(kind === 'ceremony.created' ? { globalId: c.globalId } : {}),
    },
  })
}
