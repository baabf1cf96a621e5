// What a paired gate takes from the hub: the active ceremony (with its global id), its ikrar
// text and the roster (never the demo's), read through the same repositories the hub's own
// screens use.
import { activeCeremonyId, getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { getIkrarCopy } from '../ikrar/repository'
import type { AcaraResponse } from './wire'

export function acaraForGates(db: Db): AcaraResponse {
  const id = activeCeremonyId(db)
  if (id === null)
    throw new UserError(
      'NO_CEREMONY',
      'Kiosk induk belum punya acara aktif. Pilih acara di kiosk induk.',
    )
  // Demo people must never be counted at a real apel: a gate would take them as real staff.
  if (db.prepare('SELECT demo FROM ceremony WHERE id = ?').pluck().get(id) === 1)
    throw new UserError(
      'DEMO_CEREMONY',
      'Acara aktif di kiosk induk adalah acara contoh: gerbang hanya mengambil acara sungguhan. Impor data pegawai dan pilih acara sungguhan di kiosk induk.',
    )
  const c = getCeremony(db, id)
  const opdName = db.prepare('SELECT name FROM opd WHERE id = ?').pluck()
  const ikrar = getIkrarCopy(db, id)
  const roster = db
    .prepare(
      `SELECT e.nip, e.name, o.name AS opdName, e.jabatan, e.pangkat, e.jenis
       FROM employee e JOIN opd o ON o.id = e.opd_id
       WHERE e.active = 1 AND e.demo = 0 AND o.demo = 0 ORDER BY e.id`,
    )
    .all() as AcaraResponse['roster']
  return {
    ceremony: {
      globalId: c.globalId,
      name: c.name,
      date: c.date,
      startTime: c.startTime,
      lateTime: c.lateTime,
      place: c.place,
      timeZone: c.timeZone,
      opdNames: c.opdIds === null ? null : c.opdIds.map((o) => opdName.get(o) as string),
      unknownPolicy: c.unknownPolicy,
      election: c.election,
    },
    ikrar: {
      instansi: ikrar.instansi,
      heading: ikrar.heading,
      opening: ikrar.opening,
      points: ikrar.points,
      closing: ikrar.closing,
    },
    roster,
  }
}
