import { useState } from 'react'
import type { PaktaFields } from '../../../shared/contract/pakta'
import { PLACEHOLDER_LIST } from '../../../shared/ikrar'
import type { PaktaCopy } from '../../../shared/pakta'
import { api } from '../api'
import { useAction } from '../data/query'

const fieldsOf = ({
  ceremonyId: _c,
  templateId: _t,
  updatedAt: _u,
  ...f
}: PaktaCopy): PaktaFields => f

type TextField = Exclude<keyof PaktaFields, 'points' | 'meterai'>
const TEXT_FIELDS: [TextField, string][] = [
  ['heading', 'Judul'],
  ['subheading', 'Baris di bawah judul (pemilihan)'],
  ['opening', 'Kalimat pembuka (sebelum Nama, NIP, …)'],
  ['statement', 'Kalimat pernyataan (sebelum butir)'],
  ['sanction', 'Kalimat sanksi'],
  ['closing', 'Kalimat penutup'],
  ['place', 'Tempat penandatanganan (kota), kosong: titik-titik'],
]

/** The ceremony's own copy of the pakta, edited like the ikrar's; the template stays shipped. */
export function PaktaEditor({ copy }: { copy: PaktaCopy }) {
  const [draft, setDraft] = useState<PaktaFields>(() => fieldsOf(copy))
  const action = useAction()
  const set = <K extends keyof PaktaFields>(key: K, value: PaktaFields[K]) =>
    setDraft({ ...draft, [key]: value })
  const save = () =>
    action.run(async () => {
      // A blank line between points is not a point.
      const points = draft.points.map((p) => p.trim()).filter(Boolean)
      const saved = await api('pakta.save', { ceremonyId: copy.ceremonyId, ...draft, points })
      setDraft(fieldsOf(saved))
      return 'Teks pakta acara ini disimpan.'
    })
  return (
    <details className="card pakta-editor">
      <summary>Teks pakta integritas untuk acara ini</summary>
      <p className="muted">
        Penanda yang bisa dipakai: {PLACEHOLDER_LIST}. Nama, NIP, pangkat/golongan, jabatan dan unit
        kerja diisi dari data pegawai (yang kosong dicetak sebagai titik-titik).
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {TEXT_FIELDS.map(([key, label]) => (
          <label key={key} className="field">
            {label}
            <textarea
              rows={key === 'sanction' || key === 'closing' ? 3 : 1}
              value={draft[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          </label>
        ))}
        <label className="field">
          Butir pernyataan (satu butir per baris)
          <textarea
            rows={8}
            value={draft.points.join('\n')}
            onChange={(e) => set('points', e.target.value.split('\n'))}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.meterai}
            onChange={(e) => set('meterai', e.target.checked)}
          />{' '}
          Kotak meterai di samping tanda tangan
        </label>
        <div className="actions">
          <button className="primary" disabled={action.busy}>
            Simpan teks pakta
          </button>
        </div>
      </form>
      {action.notice}
    </details>
  )
}
