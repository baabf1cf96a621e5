// "Ekspor paket acara": BKPSDM writes a ceremony for OPD kiosks to run offline.
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PaketWritten } from '../../shared/contract/exchange'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { writeAtomic } from '../export/atomic'
import { safeFileName } from '../export/file-name'
import { fingerprintOf, signBytes } from '../keys/signature'
import { appendEntry, sha256Hex } from '../log/append'
import type { Sender } from '../bundle/write'
import { getCardIdentity } from '../roster/card-identity'
import { packageOf } from './contents'
import { PAKET_EXT, PAKET_FORMAT, paketSignedBytes, type Paket } from './format'

export function buildPaket(
  db: Db,
  sender: Sender,
  request: { ceremonyId: number; opdIds: number[] | null },
  now: Date,
): Paket {
  const pkg = packageOf(db, request.ceremonyId, { opdIds: request.opdIds })
  if (pkg.roster.length === 0) {
    throw new UserError(
      'PAKET_EMPTY',
      'OPD yang dipilih tidak punya pegawai aktif: paket acara tidak dibuat.',
    )
  }
  const unsigned: Omit<Paket, 'signature'> = {
    format: PAKET_FORMAT,
    ...pkg,
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
