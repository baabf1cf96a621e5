import type { Opd } from '../../../shared/domain'
import { FIELD_MAX } from '../../../shared/field-limits'

/**
 * The two fields every way of adding a person asks first. `opdId` null: nothing picked yet,
 * and the list asks for a choice instead of defaulting to the first OPD.
 */
export function NameAndOpd({
  name,
  onName,
  opdId,
  onOpd,
  opd,
}: {
  name: string
  onName: (name: string) => void
  opdId: number | null
  onOpd: (opdId: number | null) => void
  opd: readonly Pick<Opd, 'id' | 'name'>[]
}) {
  return (
    <>
      <label>
        Nama
        {/* Opened from a button elsewhere: the keyboard lands in the form, not behind it. */}
        <input
          value={name}
          onChange={(e) => onName(e.target.value)}
          required
          maxLength={FIELD_MAX.name}
          autoFocus
        />
      </label>
      <label>
        OPD
        <select
          value={opdId ?? ''}
          onChange={(e) => onOpd(e.target.value ? Number(e.target.value) : null)}
          required
        >
          {opdId === null && <option value="">Pilih OPD…</option>}
          {opd.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
