// "Impor paket acara": an OPD kiosk takes BKPSDM's ceremony and runs that same apel (same
// global id), its roster applied through the roster's own import, its ikrar text set.
import path from 'node:path'
import type { PaketImported } from '../../shared/contract/exchange'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { fingerprintOf, verifyBytes } from '../keys/signature'
import { appendEntry, sha256Hex } from '../log/append'
import { demoPresent } from '../roster/demo-mode'
import { FileRefused, readKioskFile } from '../bundle/file'
import { runPackage } from './contents'
import { MAX_PAKET_BYTES, paketSchema, paketSignedBytes, type Paket } from './format'

const refuse = (fileName: string, why: string): never => {
  throw new UserError('PAKET_REFUSED', `Paket acara "${fileName}" ditolak: ${why}.`)
}

function readPaket(file: string): { bytes: Buffer; paket: Paket } {
  const name = path.basename(file)
  let read: { bytes: Buffer; raw: unknown; data: Paket }
  try {
    read = readKioskFile(file, {
      maxBytes: MAX_PAKET_BYTES,
      schema: paketSchema,
      what: 'paket acara',
    })
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error
    return refuse(name, error.message)
  }
  const { bytes, raw } = read
  // The signature covers the file as written, not as read back through trimming rules.
  const signed = raw as Paket
  const { issuer } = signed
  if (fingerprintOf(issuer.publicKey) !== issuer.fingerprint) {
    refuse(name, 'sidik kunci di paket tidak cocok dengan kuncinya')
  }
  if (!verifyBytes(issuer.publicKey, paketSignedBytes(signed), signed.signature)) {
    refuse(
      name,
      `tanda tangan paket tidak sah untuk kunci ${issuer.fingerprint}: paket diubah sesudah ditandatangani`,
    )
  }
  return { bytes, paket: read.data }
}

/**
 * Verifies the package, then in one transaction: the roster (only the package's OPD, as a file
 * of those OPD would), the ceremony under its global id, its ikrar text, and the log entry.
 */
export function importPaket(
  db: Db,
  file: string,
  opts: { now: Date; kioskId: string; removeDemo: boolean },
): PaketImported {
  const fileName = path.basename(file)
  const { bytes, paket } = readPaket(file)
  const { ceremony: c, roster, issuer } = paket
  if (db.prepare('SELECT 1 FROM ceremony WHERE global_id = ?').get(c.globalId)) {
    refuse(fileName, `acara "${c.name}" dari paket ini sudah ada di kiosk ini`)
  }
  if (demoPresent(db) && !opts.removeDemo) {
    throw new UserError(
      'DEMO_PRESENT',
      'Data contoh akan dihapus sebelum paket acara diimpor: setujui dulu penghapusannya.',
    )
  }
  return db
    .transaction((): PaketImported => {
      const source = { fileName, fileSha256: sha256Hex(bytes) }
      const ceremonyId = runPackage(db, paket, { file: source, ...opts })
      const ceremony = getCeremony(db, ceremonyId)
      appendEntry(db, {
        kind: 'paket.imported',
        at: opts.now.toISOString(),
        kioskId: opts.kioskId,
        body: {
          ceremonyId,
          ceremonyGlobalId: c.globalId,
          ...source,
          fingerprint: issuer.fingerprint,
          employees: roster.length,
        },
      })
      return {
        ceremony,
        employees: roster.length,
        issuer: { label: issuer.label, fingerprint: issuer.fingerprint },
      }
    })
    .immediate()
}
