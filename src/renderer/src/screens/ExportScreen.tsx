import { useState } from 'react'
import type { RecapOrder } from '../../../shared/contract/export'
import type { Ceremony } from '../../../shared/domain'
import { formatDate } from '../../../shared/time'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { JobProgress } from '../components/JobProgress'
import { Notice } from '../components/Notice'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'
import { AbsencePanel } from './AbsencePanel'

/** The officer on duty: every reason they set carries this name. */
function OfficerForm({ name }: { name: string | null }) {
  const [draft, setDraft] = useState(name ?? '')
  const action = useAction()
  const save = (e: React.FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      await api('attendance.setOfficer', { name: draft })
      return null
    }, [keys.call('attendance.officer')])
  }
  return (
    <form className="row export-officer" onSubmit={save} aria-label="Petugas">
      <label>
        Nama petugas{' '}
        <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
      </label>
      <button type="submit" disabled={action.busy}>
        Simpan nama
      </button>
      {name && <span className="muted">Petugas saat ini: {name}</span>}
      {action.notice}
    </form>
  )
}

function ExportPanel({ ceremony }: { ceremony: Ceremony }) {
  const [order, setOrder] = useState<RecapOrder>('name')
  const [files, setFiles] = useState<string[]>([])
  const action = useAction()
  const busy = action.busy
  const run = () =>
    action.run(async () => {
      const result = await api('export.run', { ceremonyId: ceremony.id, order })
      if (!result) return null
      setFiles(result.files)
      return `Ekspor selesai: ${formatCount(result.files.length)} berkas di ${result.folder}`
    })
  return (
    <div className="card export-run">
      <h3>Ekspor ke Excel dan CSV</h3>
      <p className="muted">
        Satu berkas Excel per OPD, satu rekap untuk semua OPD, dan satu CSV. Pilih folder tujuan,
        misalnya flashdisk.
      </p>
      <fieldset>
        <legend>Urutan rekap</legend>
        <label className="inline">
          <input type="radio" checked={order === 'name'} onChange={() => setOrder('name')} />
          Nama OPD
        </label>
        <label className="inline">
          <input type="radio" checked={order === 'rate'} onChange={() => setOrder('rate')} />
          Kehadiran terendah dahulu
        </label>
      </fieldset>
      <button className="primary" disabled={busy} onClick={run}>
        {busy ? 'Mengekspor…' : 'Ekspor ke folder…'}
      </button>
      <JobProgress kind="export" />
      {action.notice}
      {files.length > 0 && (
        <ul className="export-files" aria-label="Berkas hasil ekspor">
          {files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function ExportScreen() {
  const officer = useKiosk('attendance.officer')
  const ceremonies = useKiosk('ceremony.list')
  const [chosen, setChosen] = useState<number | null>(null)
  const list = ceremonies.data ?? []
  const ceremony = list.find((c) => c.id === chosen) ?? list.find((c) => c.active) ?? list[0]

  return (
    <section className="screen export">
      <OfficerForm key={officer.data ?? ''} name={officer.data ?? null} />
      {ceremonies.error && <Notice kind="error">{ceremonies.error.message}</Notice>}
      {ceremonies.data && !ceremony && <p className="muted">Belum ada acara.</p>}
      {ceremony && (
        <>
          <label className="row">
            Acara{' '}
            <select value={ceremony.id} onChange={(e) => setChosen(Number(e.target.value))}>
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({formatDate(c.startsAt, c.timeZone)})
                </option>
              ))}
            </select>
          </label>
          {/* Export first: a large OPD's list would push it far down. */}
          <ExportPanel key={ceremony.id} ceremony={ceremony} />
          <AbsencePanel key={ceremony.id} ceremony={ceremony} officer={officer.data ?? null} />
        </>
      )}
    </section>
  )
}
