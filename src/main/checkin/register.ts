import type { RegisteredArrival } from '../../shared/domain'
import { formatNip, validateNip } from '../../shared/nip'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'
import { getEmployee, requireOpd } from '../roster/repository'
import { liveArrival } from './record'

export interface Registration {
  nip: string
  name: string
  opdId: number
}

/**
 * Puts a person whose NIP the gate did not know on the roster, on the spot: their check-ins,
 * kept for review, link to the new employee, so the arrival counts in the chosen OPD (when the
 * apel expects it) and is no longer "tidak terdaftar". Name and OPD now; the rest of the
 * record comes with the next roster import.
 */
export function registerArrival(db: Db, now: Date, input: Registration): RegisteredArrival {
  const check = validateNip(input.nip)
  if (!check.ok) {
    throw new UserError('INVALID_NIP', `NIP ${input.nip} tidak dapat didaftarkan: ${check.reason}.`)
  }
  const nip = check.nip
  requireOpd(db, input.opdId)
  return db
    .transaction(() => {
      const holder = db.prepare('SELECT name FROM employee WHERE nip = ?').pluck().get(nip)
      if (holder !== undefined) {
        throw new UserError(
          'NIP_TAKEN',
          `NIP ${formatNip(nip)} sudah ada di data pegawai atas nama ${String(holder)}.`,
        )
      }
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO employee (nip, name, opd_id, jabatan, pangkat, jenis, active, updated_at)
           VALUES (?, ?, ?, '', '', ?, 1, ?)`,
        )
        .run(nip, input.name, input.opdId, check.kind, now.toISOString())
      const id = Number(lastInsertRowid)
      const linkedIds = db
        .prepare(
          'UPDATE checkin SET employee_id = ? WHERE nip = ? AND employee_id IS NULL RETURNING id',
        )
        .pluck()
        .all(id, nip) as number[]
      const employee = getEmployee(db, id)
      appendEntry(db, {
        kind: 'employee.registered',
        at: now.toISOString(),
        kioskId: kioskOf(db),
        body: {
          employeeId: id,
          nip,
          name: employee.name,
          opd: employee.opdName,
          jenis: employee.jenis,
          // RETURNING gives no order; sorted, the same registration writes the same bytes.
          linkedCheckinIds: linkedIds.sort((a, b) => a - b),
        },
      })
      return { employee, linked: linkedIds.length, arrival: liveArrival(db, nip) }
    })
    .immediate()
}
