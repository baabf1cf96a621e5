// "Ekspor paket acara": BKPSDM writes a ceremony for OPD kiosks to run offline.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PaketWritten } from '../../shared/contract/exchange'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { writeAtomic } from '../export/atomic'
import { safeFileName } from '../export/file-name'
import { getIkrarCopy } from '../ikrar/repository'
import { fingerprintOf, signBytes } from '../keys/signature'
import { appendEntry, sha256Hex } from '../log/append'
import type { Sender } from '../bundle/write'
import { getCardIdentity } from '../roster/card-identity'
import { PAKET_EXT, PAKET_FORMAT, paketSignedBytes, type Paket } from './format'

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',')

/**
 * The OPD the package goes to: those chosen, else the ceremony's own list, else every OPD with
 * staff. Their names, and their active staff (not the demo's).
 */
function rosterOf(db: Db, opdIds: number[] | null) {
  const where = opdIds ? `AND o.id IN (${placeholders(opdIds.length)})` : ''
  const roster = db
    .prepare(
      `SELECT e.nip, e.name, o.name AS opd, e.jabatan, e.pangkat, e.jenis
       FROM employee e JOIN opd o ON o.id = e.opd_id
       WHERE e.active = 1 AND e.demo = 0 AND o.demo = 0 ${where} ORDER BY o.name, e.name, e.nip`,
    )
    .all(...(opdIds ?? [])) as Paket['roster']
  if (roster.length === 0) {
    throw new UserError(
      'PAKET_EMPTY',
      'OPD yang dipilih tidak punya pegawai aktif: paket acara tidak dibuat.',
    )
  }
  const opd = opdIds
    ? (db
        .prepare(`SELECT name FROM opd WHERE id IN (${placeholders(opdIds.length)}) ORDER BY name`)
        .pluck()
        .all(...opdIds) as string[])
    : null
  return { roster, opd }
}

export function buildPaket(
  db: Db,
  sender: Sender,
  request: { ceremonyId: number; opdIds: number[] | null },
  now: Date,
): Paket {
  const c = getCeremony(db, request.ceremonyId)
  const { roster, opd } = rosterOf(db, request.opdIds ?? c.opdIds)
  const copy = getIkrarCopy(db, c.id)
  const unsigned: Omit<Paket, 'signature'> = {
    format: PAKET_FORMAT,
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
    issuer: {
      kioskId: sender.kioskId,
      label: getCardIdentity(db).instansi.trim() || 'BKPSDM',
      publicKey: sender.key.publicKey,
      fingerprint: fingerprintOf(sender.key.publicKey),
    },
    writtenAt: now.toISOString(),
  }
  return { ...unsigned, signature: signBytes(sender.key, paketSignedBytes(unsigned)) }
}

/** Writes the package into `folder` (the whole file or none) and logs it. */
export async function writePaket(
  db: Db,
  sender: Sender,
  request: { ceremonyId: number; opdIds: number[] | null },
  folder: string,
  now: Date,
): Promise<PaketWritten> {
  const paket = buildPaket(db, sender, request, now)
  const { ceremony } = paket
  const scope = ceremony.opd ? ` - ${ceremony.opd.join(', ')}` : ''
  const file = path.join(
    folder,
    safeFileName(`Paket acara ${ceremony.date} ${ceremony.name}${scope}`, PAKET_EXT),
  )
  const text = JSON.stringify(paket)
  await writeAtomic(file, (temp) => fs.writeFile(temp, text))
  appendEntry(db, {
    kind: 'paket.written',
    at: now.toISOString(),
    kioskId: sender.kioskId,
    body: {
      ceremonyId: request.ceremonyId,
      ceremonyGlobalId: ceremony.globalId,
      fileName: path.basename(file),
      fileSha256: sha256Hex(text),
      employees: paket.roster.length,
    },
  })
  return { file, employees: paket.roster.length, opd: ceremony.opd }
}
