// The "Paket acara" file: a ceremony as BKPSDM made it (global id, settings, ikrar text, the
// roster of the OPD it goes to), signed with BKPSDM's key, for an OPD kiosk to run the same
// apel offline (docs/antar-kiosk.md). Read strictly: a file is data from outside.
import { z } from 'zod'
import { ceremonyFields } from '../../shared/contract/ceremony'
import { ikrarFields } from '../../shared/contract/ikrar'
import { JENIS_PEGAWAI } from '../../shared/domain'
import { canonicalJson, type CanonicalValue } from '../log/canonical'

export const PAKET_FORMAT = 'kiosk-apel-paket-acara/1'
export const PAKET_EXT = '.paket.json'
export const MAX_PAKET_BYTES = 32 * 1024 * 1024

const text = (max: number) => z.string().max(max)

const rosterEntry = z
  .object({
    nip: text(18).min(9),
    name: text(300).min(1),
    opd: text(300).min(1),
    jabatan: text(300),
    pangkat: text(300),
    jenis: z.enum(JENIS_PEGAWAI),
  })
  .strict()
const MAX_ROSTER = 100_000

/**
 * A ceremony as it travels to another kiosk, in a Paket acara file or as a gate's take from its
 * hub: its settings under its global id, its ikrar text, the staff it brings.
 */
export const packageSchema = z
  .object({
    ceremony: ceremonyFields
      .omit({ opdIds: true })
      .extend({
        globalId: text(64).min(1),
        election: text(200),
        /** The OPD the ceremony expects, by name (ids differ between kiosks); null: every OPD. */
        opd: z.array(text(300)).min(1).max(1000).nullable(),
      })
      .strict(),
    ikrar: ikrarFields.extend({ templateId: text(64) }).strict(),
    roster: z.array(rosterEntry).max(MAX_ROSTER),
  })
  .strict()
export type CeremonyPackage = z.infer<typeof packageSchema>

export const paketSchema = packageSchema
  .extend({
    format: z.literal(PAKET_FORMAT),
    roster: z.array(rosterEntry).min(1).max(MAX_ROSTER),
    issuer: z
      .object({ kioskId: text(128), label: text(300), publicKey: text(64), fingerprint: text(128) })
      .strict(),
    writtenAt: text(40),
    /** Ed25519 over paketSignedBytes, base64. */
    signature: text(128),
  })
  .strict()
export type Paket = z.infer<typeof paketSchema>

/** What the signature covers: everything in the file but the signature itself. */
export function paketSignedBytes(paket: Omit<Paket, 'signature'>): Buffer {
  const { format, ceremony, ikrar, roster, issuer, writtenAt } = paket
  return Buffer.from(
    canonicalJson({ format, ceremony, ikrar, roster, issuer, writtenAt } as CanonicalValue),
  )
}
