import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createDurableSync } from './durable-file'

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
 * Publishes a new record only if none exists (durable, create-only): when two processes start
 * at once, the one that loses reads the winner's id.
 */
function create(file: string, now: Date): void {
  const record: InstallationRecord = {
    id: randomBytes(16).toString('hex'),
    createdAt: now.toISOString(),
  }
  createDurableSync(file, `${JSON.stringify(record, null, 2)}\n`)
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
