import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const INSTALLATION_FILE = 'installation.json'

interface InstallationRecord {
  /** 128 random bits in hex: two laptops never draw the same one. */
  id: string
  createdAt: string
}

const ID = /^[0-9a-f]{32}$/

function read(file: string): InstallationRecord | 'absent' | 'damaged' {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent'
    throw error
  }
  try {
    const record = JSON.parse(text) as Partial<InstallationRecord>
    if (typeof record.id === 'string' && ID.test(record.id)) return record as InstallationRecord
  } catch {
    // damaged: handled below
  }
  return 'damaged'
}

/**
 * Publishes a new record only if none exists: written in full and flushed under a temporary
 * name, then hard-linked into place, which fails when another process got there first. Where
 * the file system has no hard links (FAT on a USB stick), a rename does the same job minus
 * that race.
 */
function create(file: string, now: Date): void {
  const record: InstallationRecord = {
    id: randomBytes(16).toString('hex'),
    createdAt: now.toISOString(),
  }
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  const fd = fs.openSync(temp, 'wx')
  try {
    fs.writeSync(fd, `${JSON.stringify(record, null, 2)}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  try {
    fs.linkSync(temp, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EEXIST' && !fs.existsSync(file)) fs.renameSync(temp, file)
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * This installation's id, made once and kept in `installation.json` in the app's data folder.
 * It names the laptop, not the database: a copied database file or a USB stick moved between
 * laptops keeps telling their records apart. A damaged file is moved aside, never overwritten.
 */
export function installationId(dataDir: string, now: Date = new Date()): string {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, INSTALLATION_FILE)
  let found = read(file)
  if (found === 'damaged') {
    fs.renameSync(file, `${file}.rusak-${now.toISOString().replace(/[:.]/g, '-')}`)
    found = 'absent'
  }
  if (found === 'absent') {
    create(file, now)
    found = read(file)
    if (typeof found === 'string') throw new Error(`${file} could not be created (${found})`)
  }
  return found.id
}
