import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { FileCheck } from '../../shared/contract/authenticity'
import { verifyChain } from '../log/chain'
import { signedBy, unreadable, wrongKey, type VerifyOptions } from './judge'

const WHAT = 'Basis data kiosk'
/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Whether the file starts as an SQLite database does, whatever it is named (a backup, --db). */
export function isSqliteFile(file: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length)
  let fd: number | null = null
  try {
    fd = fs.openSync(file, 'r')
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER)
  } catch {
    return false
  } finally {
    if (fd !== null) fs.closeSync(fd)
  }
}

/**
 * A kiosk database (the live one or a backup), opened read-only: its log's chain recomputed,
 * the first entry that breaks named, and the last signed head said with its key. Nothing is
 * written to the file.
 */
export function verifyDatabase(file: string, options: VerifyOptions): FileCheck {
  const name = path.basename(file)
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const hasLog = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'log_entry'")
      .pluck()
      .get()
    if (!hasLog) return unreadable(name, WHAT, `${name} bukan basis data kiosk yang memiliki log.`)
    return judgeChain(name, verifyChain(db), options)
  } catch (error) {
    return unreadable(name, WHAT, `${name} tidak dapat dibaca sebagai basis data: ${String(error)}`)
  } finally {
    db?.close()
  }
}

function judgeChain(
  name: string,
  check: ReturnType<typeof verifyChain>,
  options: VerifyOptions,
): FileCheck {
  const base = { name, what: WHAT, code: null, rows: check.entries }
  if (!check.ok) {
    return { ...base, verdict: 'diubah', signedBy: null, findings: [check.message], note: null }
  }
  const signer = check.signed && signedBy(check.signed.publicKey, check.signed.at, options)
  const keyProblem = check.signed && wrongKey(check.signed.publicKey, options)
  if (keyProblem) {
    return { ...base, verdict: 'diubah', signedBy: signer, findings: [keyProblem], note: null }
  }
  return { ...base, verdict: 'asli', signedBy: signer, findings: [], note: check.message }
}
