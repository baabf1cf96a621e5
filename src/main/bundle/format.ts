// The "Kirim data" file: one office kiosk's chain segment for one ceremony, signed, as JSON
// (docs/antar-kiosk.md). Read strictly: a file is data from outside.
import { z } from 'zod'
import { canonicalJson } from '../log/canonical'

export const BUNDLE_FORMAT = 'kiosk-apel-kirim-data/1'
export const BUNDLE_EXT = '.kirim.json'
/** A ceremony of 20,000 arrivals and their repeats stays far below; a bigger file is refused unread. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024
export const MAX_BUNDLE_ENTRIES = 200_000

const text = (max: number) => z.string().max(max)

/** One entry of the chain as the file carries it: the log's columns and the two hashes. */
export type BundleEntry = {
  seq: number
  id: string
  kind: string
  at: string
  kioskId: string | null
  body: Record<string, unknown>
  prevHash: string
  hash: string
}

const HEX64 = /^[0-9a-f]{64}$/
const ENTRY_KEYS = 8
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max
const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The entry's form, as strictly as a zod object with .strict() would check it (exactly these
 * keys, each of its type and length; the body a plain object whose content the chain's hash
 * checks), written out because a file holds tens of thousands of entries and a zod object per
 * entry cost twice the file's JSON.parse.
 */
function isBundleEntry(v: unknown): v is BundleEntry {
  if (!isPlainObject(v)) return false
  const e = v as Record<string, unknown>
  if (Object.keys(e).length !== ENTRY_KEYS) return false
  return (
    typeof e['seq'] === 'number' &&
    Number.isSafeInteger(e['seq']) &&
    e['seq'] > 0 &&
    isText(e['id'], 64) &&
    isText(e['kind'], 64) &&
    isText(e['at'], 40) &&
    (e['kioskId'] === null || isText(e['kioskId'], 128)) &&
    isPlainObject(e['body']) &&
    typeof e['prevHash'] === 'string' &&
    HEX64.test(e['prevHash']) &&
    typeof e['hash'] === 'string' &&
    HEX64.test(e['hash'])
  )
}

export const bundleEntrySchema = z.custom<BundleEntry>(isBundleEntry)

export const ceremonyHeaderSchema = z
  .object({
    globalId: text(64),
    name: text(300),
    date: text(10),
    /** The OPD the ceremony expects, by name; null: every OPD. */
    opd: z.array(text(300)).max(1000).nullable(),
  })
  .strict()
export type CeremonyHeader = z.infer<typeof ceremonyHeaderSchema>

const headerFields = {
  format: z.literal(BUNDLE_FORMAT),
  kioskId: text(128),
  /** What the receiving officer reads: the office's OPD, or the kiosk's instansi. */
  label: text(300),
  publicKey: text(64),
  fingerprint: text(128),
  ceremony: ceremonyHeaderSchema,
}

export const bundleSchema = z
  .object({
    ...headerFields,
    entries: z.array(bundleEntrySchema).min(1).max(MAX_BUNDLE_ENTRIES),
    /** Ed25519 over bundleSignedBytes, base64. */
    signature: text(128),
  })
  .strict()
export type Bundle = z.infer<typeof bundleSchema>
export type BundleHeader = Omit<Bundle, 'entries' | 'signature'>

/**
 * What the file's signature covers: the header and the last entry (its number and hash), and
 * through the chain's hashes every entry before it.
 */
export function bundleSignedBytes(header: BundleHeader, head: { seq: number; hash: string }) {
  return Buffer.from(
    canonicalJson({
      format: header.format,
      kioskId: header.kioskId,
      label: header.label,
      publicKey: header.publicKey,
      fingerprint: header.fingerprint,
      ceremony: header.ceremony,
      head: { seq: head.seq, hash: head.hash },
    }),
  )
}
