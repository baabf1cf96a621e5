import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors'

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOSPC') return 'penyimpanan penuh'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'folder tidak dapat ditulisi (hanya-baca atau tanpa izin)'
  }
  if (code === 'ENOENT') return 'folder tujuan tidak ditemukan; apakah flashdisk dicabut?'
  if (code === 'EIO') return 'gagal menulis ke disk atau flashdisk'
  return (error as Error).message ?? String(error)
}

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
    throw new UserError(
      'EXPORT_WRITE',
      `Gagal menyimpan berkas "${name}": ${reasonOf(error)}. Berkas lama dengan nama itu (bila ada) tidak berubah.`,
    )
  }
}
