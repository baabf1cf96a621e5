// What a ceremony package holds, made here and run elsewhere: shared by the Paket acara file
// (BKPSDM to an office) and a gate's take from its hub, so both carry the same ceremony alike.
import { createCeremony, getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { chooseTemplate, getIkrarCopy, saveIkrarCopy } from '../ikrar/repository'
import { findTemplate } from '../ikrar/templates'
import { applyImport } from '../roster/import'
import { opdKey } from '../roster/opd-key'
import { ensureOpd } from '../roster/repository'
import type { CeremonyPackage } from './format'

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',')

/**
 * A ceremony as another kiosk will run it. `opdIds`: the OPD it goes to (null: the ceremony's
 * own, or every OPD when it invites all). The staff are those OPD's active people, or with
 * `everyone` all active people (a gate knows everyone, so an uninvited arrival still has a
 * name); never the demo's.
 */
export function packageOf(
  db: Db,
  ceremonyId: number,
  scope: { opdIds: number[] | null; everyone?: boolean },
): CeremonyPackage {
  const c = getCeremony(db, ceremonyId)
  const expected = scope.opdIds ?? c.opdIds
  const within = expected && !scope.everyone
  const roster = db
    .prepare(
      `SELECT e.nip, e.name, o.name AS opd, e.jabatan, e.pangkat, e.jenis
       FROM employee e JOIN opd o ON o.id = e.opd_id
       WHERE e.active = 1 AND e.demo = 0 AND o.demo = 0
         ${within ? `AND o.id IN (${placeholders(expected.length)})` : ''}
       ORDER BY o.name, e.name, e.nip`,
    )
    .all(...(within ? expected : [])) as CeremonyPackage['roster']
  const opd = expected
    ? (db
        .prepare(
          `SELECT name FROM opd WHERE id IN (${placeholders(expected.length)}) ORDER BY name`,
        )
        .pluck()
        .all(...expected) as string[])
    : null
  const copy = getIkrarCopy(db, c.id)
  return {
    ceremony: {
      globalId: c.globalId,
      name: c.name,
      date: c.date,
      startTime: c.startTime,
      lateTime: c.lateTime,
      place: c.place,
      timeZone: c.timeZone,
      unknownPolicy: c.unknownPolicy,
      election: c.election,
      opd,
    },
    ikrar: {
      templateId: copy.templateId,
      instansi: copy.instansi,
      heading: copy.heading,
      opening: copy.opening,
      points: copy.points,
      closing: copy.closing,
    },
    roster,
  }
}

/**
 * Runs a package here, in the caller's transaction: its staff through the roster's own import
 * (logged as one, under `file`), the ceremony under its global id (the one already here when
 * it was taken before), its ikrar text. Returns the ceremony's id here.
 */
export function runPackage(
  db: Db,
  pkg: CeremonyPackage,
  from: {
    file: { fileName: string; fileSha256: string }
    now: Date
    kioskId: string
    removeDemo: boolean
  },
): number {
  applyImport(db, {
    rows: pkg.roster.map((r, i) => ({ ...r, row: i + 1, opdKey: opdKey(r.opd), opdName: r.opd })),
    held: [],
    file: { ...from.file, rejected: 0 },
    removeDemo: from.removeDemo,
    now: from.now,
    kioskId: from.kioskId,
  })
  const { globalId, opd, ...fields } = pkg.ceremony
  const existing = db.prepare('SELECT id FROM ceremony WHERE global_id = ?').pluck().get(globalId)
  const ceremonyId =
    (existing as number | undefined) ??
    createCeremony(
      db,
      from.now,
      { ...fields, opdIds: opd?.map((name) => ensureOpd(db, name)) ?? null },
      globalId,
    ).id
  const { templateId, ...text } = pkg.ikrar
  if (findTemplate(templateId)) chooseTemplate(db, from.now, ceremonyId, templateId)
  saveIkrarCopy(db, from.now, ceremonyId, text)
  return ceremonyId
}
