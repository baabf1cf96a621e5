// Reading a file another kiosk made (a Kirim data file, a paket acara): bounded in size, JSON,
// and the form its schema says, or the reason it is not, in Indonesian.
import fs from 'node:fs'
import type { z } from 'zod'
import { formatBytes } from '../../shared/format'
import { fsReason } from '../fs-errors'

/** A file refused; the message says why, without the file's name (the caller adds it). */
export class FileRefused extends Error {}

export const refuseFile = (why: string): never => {
  throw new FileRefused(why)
}

/**
 * The file's bytes, its JSON as written (`raw`, what a signature covers) and as the schema
 * reads it (`data`). `what` names the kind of file in a refusal: "berkas Kirim data".
 */
export function readKioskFile<S extends z.ZodType>(
  file: string,
  limits: { maxBytes: number; schema: S; what: string },
): { bytes: Buffer; raw: unknown; data: z.infer<S> } {
  let bytes: Buffer
  try {
    const size = fs.statSync(file).size
    if (size > limits.maxBytes) {
      refuseFile(`ukurannya ${formatBytes(size)}, paling besar ${formatBytes(limits.maxBytes)}`)
    }
    bytes = fs.readFileSync(file)
  } catch (error) {
    if (error instanceof FileRefused) throw error
    return refuseFile(`tidak dapat dibaca: ${fsReason(error)}`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    return refuseFile(`bukan ${limits.what} (isinya bukan JSON)`)
  }
  const parsed = limits.schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? ` (bagian ${issue.path.join('.')})` : ''
    return refuseFile(`bukan ${limits.what} yang sah${where}`)
  }
  return { bytes, raw, data: parsed.data }
}
