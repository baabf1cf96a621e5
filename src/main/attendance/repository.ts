import {
  STATUS_LABEL,
  UNREGISTERED_WHY,
  type AbsenceReason,
  type AttendanceRow,
  type AttendanceStatus,
} from '../../shared/attendance'
import { EXPECTED_EMPLOYEES } from '../ceremony/expected'
import { getCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'
import { ikrarClassifier } from '../ikrar/attendance'
import { getSetting, setSetting } from '../settings'

const OFFICER_KEY = 'officer_name'

/** The officer on duty, typed at the start of a session; every reason they set carries it. */
export function getOfficer(db: Db): string | null {
  return getSetting(db, OFFICER_KEY)
}

export function setOfficer(db: Db, name: string): string {
  setSetting(db, OFFICER_KEY, name)
  return name
}

/** An AttendanceRow as SQLite returns it, before its status is worked out. */
type Row = Omit<AttendanceRow, 'expected' | 'status' | 'note' | 'ikrar'> & {
  expected: number
  active: number | null
  late: number | null
  reason: AbsenceReason | null
  note: string | null
}

// Expected people with their live check-in and reason, then arrivals the ceremony did not
// expect, joined to the roster by NIP so an arrival from another OPD lands in its own OPD.
const ATTENDANCE = `
  WITH expected AS (${EXPECTED_EMPLOYEES}),
  live AS (
    SELECT nip, scanned_at, late, source, kiosk_id FROM checkin
    WHERE ceremony_id = @ceremonyId AND cancelled_at IS NULL
  ),
  everyone AS (
    SELECT x.id AS employeeId, x.nip, x.name, x.jabatan, x.pangkat, o.id AS opdId,
      o.name AS opdName, 1 AS expected, 1 AS active, l.scanned_at AS scannedAt, l.late, l.source,
      l.kiosk_id AS kioskId, a.reason, a.note, a.set_by AS reasonBy, a.set_at AS reasonAt
    FROM expected x
    JOIN opd o ON o.id = x.opd_id
    LEFT JOIN live l ON l.nip = x.nip
    LEFT JOIN absence a ON a.ceremony_id = @ceremonyId AND a.employee_id = x.id
    UNION ALL
    SELECT e.id, l.nip, coalesce(e.name, ''), coalesce(e.jabatan, ''), coalesce(e.pangkat, ''),
      o.id, coalesce(o.name, ''), 0, e.active, l.scanned_at, l.late, l.source, l.kiosk_id, NULL,
      NULL, NULL, NULL
    FROM live l
    LEFT JOIN employee e ON e.nip = l.nip
    LEFT JOIN opd o ON o.id = e.opd_id
    WHERE l.nip NOT IN (SELECT nip FROM expected)
  )
  SELECT * FROM everyone
  WHERE @opdId IS NULL OR opdId = @opdId
  ORDER BY opdName COLLATE NOCASE, name COLLATE NOCASE, nip`

function statusOf(r: Row): AttendanceStatus {
  if (!r.expected) return 'TIDAK_TERDAFTAR'
  if (r.scannedAt !== null) return r.late ? 'TERLAMBAT' : 'HADIR'
  return r.reason ?? 'TIDAK_HADIR'
}

function noteOf(r: Row): string {
  if (r.expected) return r.scannedAt === null ? (r.note ?? '') : ''
  const why = r.employeeId === null ? 'unknown' : r.active ? 'not-invited' : 'inactive'
  const late = r.late ? ', datang terlambat' : ''
  const text = UNREGISTERED_WHY[why]
  return `${text[0]!.toUpperCase()}${text.slice(1)}${late}`
}

function toAttendance(r: Row): Omit<AttendanceRow, 'ikrar'> {
  const reasonShown = r.expected === 1 && r.scannedAt === null && r.reason !== null
  return {
    employeeId: r.employeeId,
    nip: r.nip,
    name: r.name,
    jabatan: r.jabatan,
    pangkat: r.pangkat,
    opdId: r.opdId,
    opdName: r.opdName,
    expected: r.expected === 1,
    status: statusOf(r),
    scannedAt: r.scannedAt,
    source: r.source,
    kioskId: r.kioskId,
    note: noteOf(r),
    reasonBy: reasonShown ? r.reasonBy : null,
    reasonAt: reasonShown ? r.reasonAt : null,
  }
}

/** The attendance list of a ceremony (one OPD, or all when opdId is null), by OPD then name. */
export function attendanceRows(db: Db, ceremonyId: number, opdId: number | null): AttendanceRow[] {
  getCeremony(db, ceremonyId)
  const rows = db.prepare(ATTENDANCE).all({ ceremonyId, opdId }) as Row[]
  const ikrar = ikrarClassifier(db, ceremonyId)
  return rows.map((r) => ({
    ...toAttendance(r),
    ikrar: r.scannedAt === null ? null : ikrar(r.nip),
  }))
}

export interface ReasonChange {
  ceremonyId: number
  employeeId: number
  /** null: back to "Tidak Hadir". */
  reason: AbsenceReason | null
  note: string
  /** The reason the officer saw; a different one in the database means someone changed it since. */
  previous: AbsenceReason | null
}

function requireOfficer(db: Db): string {
  const officer = getOfficer(db)
  if (!officer) {
    throw new UserError(
      'NO_OFFICER',
      'Isi nama petugas terlebih dahulu sebelum mengubah keterangan.',
    )
  }
  return officer
}

function expectedPerson(db: Db, ceremonyId: number, employeeId: number) {
  const person = db
    .prepare(
      `WITH expected AS (${EXPECTED_EMPLOYEES}) SELECT id, nip, name, opd_id AS opdId FROM expected WHERE id = @employeeId`,
    )
    .get({ ceremonyId, employeeId }) as
    { id: number; nip: string; name: string; opdId: number } | undefined
  if (!person) {
    throw new UserError('NOT_EXPECTED', `Pegawai dengan id ${employeeId} bukan peserta acara ini.`)
  }
  return person
}

function currentReason(db: Db, ceremonyId: number, employeeId: number) {
  return db
    .prepare(
      'SELECT reason, note, set_by AS setBy FROM absence WHERE ceremony_id = ? AND employee_id = ?',
    )
    .get(ceremonyId, employeeId) as
    { reason: AbsenceReason; note: string; setBy: string } | undefined
}

function hasLiveCheckin(db: Db, ceremonyId: number, nip: string): boolean {
  return !!db
    .prepare('SELECT 1 FROM checkin WHERE ceremony_id = ? AND nip = ? AND cancelled_at IS NULL')
    .get(ceremonyId, nip)
}

/** Writes one change and its history line; the caller has checked it is wanted. */
function writeReason(
  db: Db,
  at: { officer: string; now: string },
  change: Omit<ReasonChange, 'previous'> & { nip: string },
  old: { reason: AbsenceReason; note: string } | undefined,
): void {
  const key = { ceremonyId: change.ceremonyId, employeeId: change.employeeId }
  if (change.reason === null) {
    db.prepare(
      'DELETE FROM absence WHERE ceremony_id = @ceremonyId AND employee_id = @employeeId',
    ).run(key)
  } else {
    db.prepare(
      `INSERT INTO absence (ceremony_id, employee_id, reason, note, set_by, set_at)
       VALUES (@ceremonyId, @employeeId, @reason, @note, @officer, @now)
       ON CONFLICT (ceremony_id, employee_id) DO UPDATE SET reason = excluded.reason,
         note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run({ ...key, reason: change.reason, note: change.note, ...at })
  }
  db.prepare(
    `INSERT INTO absence_history (ceremony_id, employee_id, old_reason, old_note, new_reason,
       new_note, changed_by, changed_at)
     VALUES (@ceremonyId, @employeeId, @oldReason, @oldNote, @newReason, @newNote, @officer, @now)`,
  ).run({
    ...key,
    oldReason: old?.reason ?? null,
    oldNote: old?.note ?? null,
    newReason: change.reason,
    newNote: change.reason === null ? null : change.note,
    ...at,
  })
  appendEntry(db, {
    kind: 'absence.set',
    at: at.now,
    kioskId: kioskOf(db),
    body: {
      ...key,
      nip: change.nip,
      reason: change.reason,
      note: change.reason === null ? '' : change.note,
      previousReason: old?.reason ?? null,
      previousNote: old?.note ?? null,
      by: at.officer,
      migrated: false,
    },
  })
}

/** Sets or clears one person's reason, refusing when it was changed since the officer looked. */
export function setReason(db: Db, now: Date, change: ReasonChange): AttendanceRow {
  const officer = requireOfficer(db)
  const opdId = db
    .transaction(() => {
      const person = expectedPerson(db, change.ceremonyId, change.employeeId)
      if (hasLiveCheckin(db, change.ceremonyId, person.nip)) {
        throw new UserError(
          'ALREADY_PRESENT',
          `${person.name} sudah tercatat hadir; keterangan tidak hadir tidak dapat diisi.`,
        )
      }
      const old = currentReason(db, change.ceremonyId, change.employeeId)
      if ((old?.reason ?? null) !== change.previous) {
        const shown = old ? STATUS_LABEL[old.reason] : STATUS_LABEL.TIDAK_HADIR
        throw new UserError(
          'STALE',
          `Keterangan ${person.name} sudah diubah${old ? ` oleh ${old.setBy}` : ''} menjadi ${shown}. Periksa lagi lalu ulangi.`,
        )
      }
      const note = change.reason === null ? '' : change.note
      const unchanged = (old?.reason ?? null) === change.reason && (old?.note ?? '') === note
      if (!unchanged)
        writeReason(
          db,
          { officer, now: now.toISOString() },
          { ...change, note, nip: person.nip },
          old,
        )
      return person.opdId
    })
    .immediate()
  return attendanceRows(db, change.ceremonyId, opdId).find(
    (r) => r.employeeId === change.employeeId,
  )!
}

/**
 * Gives a reason to everyone of one OPD who neither scanned nor has a reason yet: a reason
 * another officer already set is kept and counted as skipped, never overwritten in bulk.
 */
export function setReasonForOpd(
  db: Db,
  now: Date,
  input: { ceremonyId: number; opdId: number; reason: AbsenceReason; note: string },
): { changed: number; skipped: number } {
  const officer = requireOfficer(db)
  return db
    .transaction(() => {
      const all = attendanceRows(db, input.ceremonyId, input.opdId)
      if (!all.some((r) => r.expected)) {
        throw new UserError('NOT_EXPECTED', `OPD dengan id ${input.opdId} bukan peserta acara ini.`)
      }
      const rows = all.filter((r) => r.expected && r.scannedAt === null)
      const at = { officer, now: now.toISOString() }
      let changed = 0
      for (const r of rows) {
        if (r.status !== 'TIDAK_HADIR') continue
        writeReason(db, at, { ...input, employeeId: r.employeeId!, nip: r.nip }, undefined)
        changed++
      }
      return { changed, skipped: rows.length - changed }
    })
    .immediate()
}
