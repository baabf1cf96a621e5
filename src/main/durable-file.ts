import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The one way a file is replaced or published so that a pulled USB stick, a power cut or a
 * full disk leaves the old file or the new one, never half a file: write under a temporary
 * name in the same folder, flush it to the device, rename it into place (atomic within one
 * folder), then flush the folder so the rename itself survives. Errors come back as Node threw
 * them; each caller says them to the officer in its own words (fs-errors.ts).
 */

/** The temporary files made here ("~Rekap.xlsx.0a1b2c3d.tmp"): what a killed writer leaves. */
export const TEMP_FILE = /^~.+\.[0-9a-f]{8}\.tmp$/

function tempFor(target: string): string {
  const name = `~${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`
  return path.join(path.dirname(target), name)
}

/** Windows cannot open a folder to flush it, and needs not: its renames are journalled. */
const FOLDERS_SYNC = process.platform !== 'win32'

async function syncPath(file: string, flags: string): Promise<void> {
  const handle = await fs.promises.open(file, flags)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function syncPathSync(file: string, flags: string): void {
  const fd = fs.openSync(file, flags)
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes a rename or a new file in `dir` durable. */
export function syncFolderSync(dir: string): void {
  if (FOLDERS_SYNC) syncPathSync(dir, 'r')
}

/**
 * Replaces (or creates) `target` with what `write` puts in the temporary file it is given.
 * On any failure the temporary file is removed and `target` is as it was.
 */
export async function writeDurable(
  target: string,
  write: (tempFile: string) => Promise<void>,
): Promise<void> {
  const temp = tempFor(target)
  try {
    await write(temp)
    await syncPath(temp, 'r+')
    await fs.promises.rename(temp, target)
    if (FOLDERS_SYNC) await syncPath(path.dirname(target), 'r')
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/**
 * Publishes `content` at `target` only if nothing is there yet: written and flushed under a
 * temporary name, then hard-linked into place, which fails when another process got there
 * first. Where the file system has no hard links (FAT on a USB stick), a rename does the same
 * job minus that race. Returns whether this call published it.
 */
export function createDurableSync(target: string, content: string): boolean {
  const temp = tempFor(target)
  let created = false
  try {
    const fd = fs.openSync(temp, 'wx')
    try {
      fs.writeSync(fd, content)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    created = linkOrRename(temp, target)
    if (created) syncFolderSync(path.dirname(target))
  } finally {
    fs.rmSync(temp, { force: true })
  }
  return created
}

function linkOrRename(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(target)) return false
    fs.renameSync(temp, target)
    return true
  }
}
