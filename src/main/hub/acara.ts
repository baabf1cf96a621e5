// What a paired gate takes from the hub: the active ceremony as a package (src/main/paket/
// contents.ts), with every active person (never the demo's).
import { activeCeremonyId } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { packageOf } from '../paket/contents'
import type { CeremonyPackage } from '../paket/format'

export function acaraForGates(db: Db): CeremonyPackage {
  const id = activeCeremonyId(db)
  if (id === null)
    throw new UserError(
      'NO_CEREMONY',
      'Kiosk induk belum punya acara aktif. Pilih acara di kiosk induk.',
    )
  // Demo people must never be counted at a real apel: a gate would take them as real staff.
  if (db.prepare('SELECT demo FROM ceremony WHERE id = ?').pluck().get(id) === 1)
    throw new UserError(
      'DEMO_CEREMONY',
      'Acara aktif di kiosk induk adalah acara contoh: gerbang hanya mengambil acara sungguhan. Impor data pegawai dan pilih acara sungguhan di kiosk induk.',
    )
  return packageOf(db, id, { opdIds: null, everyone: true })
}
