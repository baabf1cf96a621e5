import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fsError, isFsError } from '../fs-errors'

const KEPT = 'Berkas lama dengan nama itu (bila ada) tidak berubah.'
/** The temporary files writeAtomic makes: what a killed export leaves behind. */
export const TEMP_FILE = /^~.+\.[0-9a-f]{8}\.tmp$/

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Makes the rename itself durable; Windows cannot open a folder for this, and needs not. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.promises.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes a file so that a pulled USB stick or a full disk leaves the old file or the new
 * one, never half a file: write under a temporary name in the same folder, flush it to the
 * device, then rename over the target (a rename within one folder is atomic).
 */
export async function writeAtomic(
  target: string,
  write: (tempFile: string) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(target)
  const name = path.basename(target)
  const temp = path.join(dir, `~${name}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await write(temp)
    await syncFile(temp)
    await fs.promises.rename(temp, target)
    await syncFolder(dir)
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined)
    // An error without a code is a fault of ours, not of the disk: it stays what it is.
    if (!isFsError(error)) throw error
    throw fsError('EXPORT_WRITE', error, 'menyimpan berkas', name, KEPT)
  }
}
