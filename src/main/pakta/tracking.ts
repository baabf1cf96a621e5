import type { PaktaOutstanding, PaktaTracking } from '../../shared/pakta'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import type { PaktaExport } from '../export/pakta'
import { PAKTA_SIGNERS } from './forms'

/**
 * "Berapa ASN sudah menandatangani pakta integritas": received and expected per OPD, among the
 * ASN the ceremony asks to sign. A receipt whose person left the list since (moved OPD, made
 * inactive) is not counted: the figures are of today's list.
 */
export function paktaTracking(db: Db, ceremonyId: number): PaktaTracking {
  const ceremony = getCeremony(db, ceremonyId)
  const opd = db
    .prepare(
      `SELECT o.id AS opdId, o.name AS opdName, count(*) AS expected, count(p.id) AS received
       FROM (${PAKTA_SIGNERS}) AS e
       JOIN opd o ON o.id = e.opd_id
       LEFT JOIN pakta_receipt p ON p.ceremony_id = @ceremonyId AND p.employee_id = e.id
       GROUP BY o.id ORDER BY o.name COLLATE NOCASE`,
    )
    .all({ ceremonyId }) as PaktaTracking['opd']
  return {
    ceremonyId,
    ceremonyName: ceremony.name,
    expected: opd.reduce((n, o) => n + o.expected, 0),
    received: opd.reduce((n, o) => n + o.received, 0),
    opd,
  }
}

/** Who of an OPD (or everyone, opdId null) has not returned the pakta: the reminder list. */
export function paktaOutstanding(
  db: Db,
  ceremonyId: number,
  opdId: number | null,
): PaktaOutstanding[] {
  getCeremony(db, ceremonyId)
  return db
    .prepare(
      `SELECT e.id AS employeeId, e.nip, e.name, e.jabatan, o.name AS opdName,
         f.issued_at AS issuedAt
       FROM (${PAKTA_SIGNERS}) AS e
       JOIN opd o ON o.id = e.opd_id
       LEFT JOIN pakta_receipt p ON p.ceremony_id = @ceremonyId AND p.employee_id = e.id
       LEFT JOIN pakta_form f ON f.ceremony_id = @ceremonyId AND f.employee_id = e.id
       WHERE p.id IS NULL AND (@opdId IS NULL OR e.opd_id = @opdId)
       ORDER BY o.name COLLATE NOCASE, e.name COLLATE NOCASE, e.id`,
    )
    .all({ ceremonyId, opdId }) as PaktaOutstanding[]
}

/**
 * What an export reports of the pakta: who returned it when, and the counts per OPD. null for
 * a ceremony that never printed a form nor took one in: its exports carry no pakta at all,
 * rather than a column of "Belum" for a pakta nobody was asked to sign.
 */
export function paktaExport(db: Db, ceremonyId: number): PaktaExport | null {
  const used = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM pakta_form WHERE ceremony_id = @ceremonyId)
         OR EXISTS (SELECT 1 FROM pakta_receipt WHERE ceremony_id = @ceremonyId)`,
    )
    .pluck()
    .get({ ceremonyId })
  if (!used) return null
  return { received: paktaReceivedByNip(db, ceremonyId), tracking: paktaTracking(db, ceremonyId) }
}

/** Received pakta by NIP (UTC instant), for the exports' Pakta column. */
export function paktaReceivedByNip(db: Db, ceremonyId: number): Map<string, string> {
  const rows = db
    .prepare('SELECT nip, received_at FROM pakta_receipt WHERE ceremony_id = ?')
    .all(ceremonyId) as { nip: string; received_at: string }[]
  return new Map(rows.map((r) => [r.nip, r.received_at]))
}
