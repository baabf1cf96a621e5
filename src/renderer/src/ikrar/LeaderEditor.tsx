import { useState } from 'react'
import { MAX_LEADERS, type RegionalLeader } from '../../../shared/declaration'

const BLANK: RegionalLeader = { title: '', name: '', nip: '' }

/** Titles offered while typing; the officer writes the one that stands ("Pj. Bupati …"). */
const TITLES = [
  'Bupati',
  'Pj. Bupati',
  'Wali Kota',
  'Pj. Wali Kota',
  'Wakil Bupati',
  'Wakil Wali Kota',
  'Sekretaris Daerah',
  'Asisten Pemerintahan dan Kesejahteraan Rakyat',
  'Asisten Perekonomian dan Pembangunan',
  'Asisten Administrasi Umum',
]

/** The inputs of one row, with the limits the contract sets. */
const FIELDS: { key: keyof RegionalLeader; label: string; placeholder: string; max: number }[] = [
  { key: 'title', label: 'Jabatan', placeholder: 'Jabatan, mis. Pj. Bupati Contoh', max: 200 },
  { key: 'name', label: 'Nama', placeholder: 'Nama (kosong: ditulis tangan)', max: 120 },
  { key: 'nip', label: 'NIP', placeholder: 'NIP', max: 40 },
]

/** Moves item i by `by` places (-1 up, +1 down) in a copy of the list. */
function moved<T>(list: readonly T[], i: number, by: number): T[] {
  const next = [...list]
  const [item] = next.splice(i, 1)
  next.splice(i + by, 0, item!)
  return next
}

/**
 * The region's leaders who sign the declaration above the OPD heads: added, edited, ordered
 * and removed here, stored together with "Simpan". `key` it by the stored list, so a save
 * (or another window's) starts a fresh draft; a refused save keeps the draft to correct.
 */
export function LeaderEditor({
  stored,
  onSave,
  busy,
}: {
  stored: RegionalLeader[]
  onSave: (leaders: RegionalLeader[]) => void
  busy: boolean
}) {
  const [draft, setDraft] = useState<RegionalLeader[]>(stored)
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored)
  const edit = (i: number, key: keyof RegionalLeader, value: string) =>
    setDraft(draft.map((l, j) => (j === i ? { ...l, [key]: value } : l)))
  return (
    <form
      className="form leaders"
      aria-label="Pejabat daerah"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(draft)
      }}
    >
      <datalist id="leader-titles">
        {TITLES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {draft.length === 0 && (
        <p className="muted">Belum ada pejabat daerah; tabel berisi kepala OPD saja.</p>
      )}
      <ol className="leader-list">
        {draft.map((l, i) => (
          <li key={i} className="leader-row" data-testid="leader-row">
            {FIELDS.map((f) => (
              <input
                key={f.key}
                aria-label={`${f.label} pejabat ${i + 1}`}
                list={f.key === 'title' ? 'leader-titles' : undefined}
                inputMode={f.key === 'nip' ? 'numeric' : undefined}
                placeholder={f.placeholder}
                value={l[f.key]}
                maxLength={f.max}
                onChange={(e) => edit(i, f.key, e.target.value)}
              />
            ))}
            <button type="button" disabled={i === 0} onClick={() => setDraft(moved(draft, i, -1))}>
              Naik
            </button>
            <button
              type="button"
              disabled={i === draft.length - 1}
              onClick={() => setDraft(moved(draft, i, 1))}
            >
              Turun
            </button>
            <button type="button" onClick={() => setDraft(draft.filter((_l, j) => j !== i))}>
              Hapus
            </button>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          disabled={draft.length >= MAX_LEADERS}
          onClick={() => setDraft([...draft, BLANK])}
        >
          Tambah pejabat
        </button>
        <button type="submit" className="primary" disabled={!dirty || busy}>
          Simpan daftar pejabat
        </button>
        {dirty && <span className="muted">Belum disimpan.</span>}
      </div>
    </form>
  )
}
