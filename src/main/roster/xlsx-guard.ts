import unzipper from 'unzipper'
import { UserError } from '../errors'

/**
 * exceljs inflates every part of an .xlsx into memory and then builds a model several times
 * larger, so a small file that inflates to gigabytes (a zip bomb) would take the kiosk down.
 * These limits sit far above any real roster: 20,000 employees in a SIMPEG-like layout unpack
 * to about 6 MB with parts compressed about 7:1.
 */
export const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024
const MAX_ENTRIES = 1000
const MAX_RATIO = 100
/** Small parts (relationships, content types) can compress oddly well; only big ones are judged by ratio. */
const RATIO_FLOOR_BYTES = 1024 * 1024

const MB = (bytes: number) => Math.round(bytes / 1048576)

/** The refusal for anything that is not a readable .xlsx: a renamed .exe, a truncated download. */
export const notXlsx = (name: string) =>
  new UserError('FILE_CORRUPT', `Berkas ${name} bukan file Excel (.xlsx) yang valid atau rusak.`)

const refuse = (name: string, why: string) =>
  new UserError('FILE_SUSPICIOUS', `Berkas ${name} ditolak: ${why}`)

/**
 * Refuses an .xlsx before exceljs sees it, from the zip's central directory (declared sizes,
 * nothing inflated), then inflates each part as a stream, counting, to catch a part that
 * declares less than it holds. Memory stays at one chunk whatever the file claims.
 */
export async function checkXlsxBuffer(bytes: Buffer, name: string): Promise<void> {
  const directory = await unzipper.Open.buffer(bytes).catch(() => {
    throw notXlsx(name)
  })
  const files = directory.files.filter((f) => f.type === 'File')
  if (files.length > MAX_ENTRIES) {
    throw refuse(
      name,
      `berisi ${files.length} bagian (batas ${MAX_ENTRIES}); ini bukan file data pegawai.`,
    )
  }
  const total = files.reduce((sum, f) => sum + f.uncompressedSize, 0)
  if (total > MAX_UNZIPPED_BYTES) {
    throw refuse(
      name,
      `isinya mengembang menjadi ${MB(total)} MB saat dibuka (batas ${MB(MAX_UNZIPPED_BYTES)} MB).`,
    )
  }
  for (const f of files) {
    const ratio = f.uncompressedSize / Math.max(1, f.compressedSize)
    if (f.uncompressedSize >= RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
      throw refuse(
        name,
        `bagian ${f.path} dipadatkan ${Math.round(ratio)}:1, tidak wajar untuk data.`,
      )
    }
  }
  for (const f of files) await checkDeclaredSize(f, name)
}

/** Inflates one part chunk by chunk and stops as soon as it outgrows its declared size. */
async function checkDeclaredSize(file: unzipper.File, name: string): Promise<void> {
  let seen = 0
  const stream = file.stream()
  try {
    for await (const chunk of stream) {
      seen += (chunk as Buffer).length
      if (seen > file.uncompressedSize) {
        throw refuse(
          name,
          `bagian ${file.path} berisi lebih dari ukuran yang dinyatakan; berkas dimanipulasi atau rusak.`,
        )
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw notXlsx(name)
  } finally {
    stream.destroy()
  }
}
