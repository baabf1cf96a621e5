import { MAX_LOGO_BYTES, MAX_LOGO_SIDE, type CardIdentity } from '../../shared/contract/roster'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { getSetting, setSetting } from '../settings'

const INSTANSI_KEY = 'card_instansi'
const LOGO_KEY = 'card_logo'
const PNG_PREFIX = 'data:image/png;base64,'
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function getCardIdentity(db: Db): CardIdentity {
  return { instansi: getSetting(db, INSTANSI_KEY) ?? '', logo: getSetting(db, LOGO_KEY) || null }
}

/**
 * A logo the card sheet can draw: a real PNG (signature and header read, not trusted from the
 * name), small enough to sit in the database and to print 3,000 times without weighing down
 * the sheet.
 */
function checkLogo(dataUrl: string): void {
  const refuse = (why: string) => {
    throw new UserError('BAD_LOGO', `Logo tidak bisa dipakai: ${why}`)
  }
  if (!dataUrl.startsWith(PNG_PREFIX)) refuse('pilih berkas gambar PNG.')
  const bytes = Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64')
  if (bytes.length > MAX_LOGO_BYTES) {
    refuse(
      `ukurannya ${Math.ceil(bytes.length / 1024)} KB, paling besar ${MAX_LOGO_BYTES / 1024} KB. Perkecil gambarnya lalu pilih lagi.`,
    )
  }
  // Signature, then the IHDR chunk: width and height as 4-byte big-endian numbers.
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    refuse('isi berkas bukan gambar PNG.')
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') refuse('berkas PNG rusak.')
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE) {
    refuse(
      `gambarnya ${width} x ${height} piksel, paling besar ${MAX_LOGO_SIDE} x ${MAX_LOGO_SIDE}.`,
    )
  }
}

export function setCardIdentity(db: Db, identity: CardIdentity): CardIdentity {
  if (identity.logo !== null) checkLogo(identity.logo)
  db.transaction(() => {
    setSetting(db, INSTANSI_KEY, identity.instansi.trim())
    setSetting(db, LOGO_KEY, identity.logo ?? '')
  }).immediate()
  return getCardIdentity(db)
}
