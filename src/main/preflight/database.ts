import type { PreflightResult } from '../../shared/contract/preflight'
import { formatCount } from '../../shared/format'
import type { Db } from '../db/connection'

/** Enough lines to tell a damaged index from a damaged table, few enough to read. */
const MAX_ERRORS = 10

const RESTORE_ADVICE =
  'Jangan hapus berkasnya. Pulihkan cadangan terakhir di Pengaturan, bagian Cadangan basis data (keadaan sekarang disimpan lebih dulu), atau hubungi petugas TI sebelum apel.'

/**
 * "Integritas basis data": SQLite's integrity_check over every page, table and index, on the
 * connection given (a job's read-only one, so the gate keeps writing meanwhile).
 */
export function checkIntegrity(db: Db): PreflightResult {
  const started = performance.now()
  let problems: string[]
  try {
    problems = (db.pragma(`integrity_check(${MAX_ERRORS})`, { simple: false }) as object[])
      .map((row) => String(Object.values(row)[0]))
      .filter((line) => line !== 'ok')
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '')
    return {
      status: 'fail',
      detail: `Basis data tidak dapat diperiksa: ${/^SQLITE_(CORRUPT|NOTADB)/.test(code) ? 'berkasnya rusak' : `galat ${code || (error as Error).message}`}.`,
      advice: RESTORE_ADVICE,
    }
  }
  const ms = Math.round(performance.now() - started)
  if (problems.length === 0) {
    return {
      status: 'ok',
      detail: `Basis data utuh: seluruh isinya diperiksa dalam ${ms < 1 ? 'kurang dari 1' : formatCount(ms)} ms.`,
      advice: null,
    }
  }
  const more = problems.length >= MAX_ERRORS ? ' (dan mungkin lebih)' : ''
  return {
    status: 'fail',
    detail: `Basis data rusak: ${formatCount(problems.length)} masalah ditemukan${more}, antara lain "${problems[0]!.slice(0, 160)}".`,
    advice: RESTORE_ADVICE,
  }
}
