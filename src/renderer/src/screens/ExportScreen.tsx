import { useState } from 'react'
import type { RecapOrder } from '../../../shared/contract/export'
import type { Ceremony } from '../../../shared/domain'
import { formatDate } from '../../../shared/time'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { JobProgress } from '../components/JobProgress'
import { Notice } from '../components/Notice'
import { useCall } from '../hooks/useCall'
import { AbsencePanel } from './AbsencePanel'

type Message = { kind: 'ok' | 'error'; text: string } | null

/** The officer on duty: every reason they set carries this name. */
function OfficerForm({ name, onSaved }: { name: string | null; onSaved: () => void }) {
  const [draft, setDraft] = useState(name ?? '')
  const [error, setError] = useState<string | null>(null)
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      await api('attendance.setOfficer', { name: draft })
      setError(null)
      onSaved()
    } catch (err) {
      setError((err as Error).message)
    }
  }
  return (
    <form className="row export-officer" onSubmit={save} aria-label="Petugas">
      <label>
        Nama petugas{' '}
        <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
      </label>
      <button type="submit">Simpan nama</button>
      {name && <span className="muted">Petugas saat ini: {name}</span>}
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  )
}

function ExportPanel({ ceremony }: { ceremony: Ceremony }) {
  const [order, setOrder] = useState<RecapOrder>('name')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  const [files, setFiles] = useState<string[]>([])
  const run = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const result = await api('export.run', { ceremonyId: ceremony.id, order })
      if (result) {
        setFiles(result.files)
        setMessage({
          kind: 'ok',
          text: `Ekspor selesai: ${formatCount(result.files.length)} berkas di ${result.folder}`,
        })
      }
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
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
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
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
  const officer = useCall('attendance.officer')
  const ceremonies = useCall('ceremony.list')
  const [chosen, setChosen] = useState<number | null>(null)
  const list = ceremonies.data ?? []
  const ceremony = list.find((c) => c.id === chosen) ?? list.find((c) => c.active) ?? list[0]

  return (
    <section className="screen export">
      <OfficerForm key={officer.data ?? ''} name={officer.data ?? null} onSaved={officer.reload} />
      {ceremonies.error && <Notice kind="error">{ceremonies.error}</Notice>}
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
