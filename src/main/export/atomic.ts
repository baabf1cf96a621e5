import path from 'node:path'
import { writeDurable } from '../durable-file'
import { fsError, isFsError } from '../fs-errors'

const KEPT = 'Berkas lama dengan nama itu (bila ada) tidak berubah.'

/**
 * An export file written durably (durable-file.ts): the old file or the new one, never half.
 * A failure of the disk is said to the officer naming the file.
 */
export async function writeAtomic(
  target: string,
  write: (tempFile: string) => Promise<void>,
): Promise<void> {
  try {
    await writeDurable(target, write)
  } catch (error) {
    // An error without a code is a fault of ours, not of the disk: it stays what it is.
    if (!isFsError(error)) throw error
    throw fsError('EXPORT_WRITE', error, 'menyimpan berkas', path.basename(target), KEPT)
  }
}
