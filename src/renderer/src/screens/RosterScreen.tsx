import { useState } from 'react'
import type { Employee, ImportPreview } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { useCall } from '../hooks/useCall'
import { EmployeeForm } from './EmployeeForm'
import { ImportPreviewPanel } from './ImportPreviewPanel'

const PAGE = 50

export function RosterScreen({ onChanged }: { onChanged: () => void }) {
  const [query, setQuery] = useState('')
  const [opdId, setOpdId] = useState<number | null>(null)
  const [includeInactive, setIncludeInactive] = useState(false)
  const [offset, setOffset] = useState(0)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [editing, setEditing] = useState<Employee | 'new' | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const opd = useCall('roster.listOpd')
  const list = useCall('roster.search', { query, opdId, includeInactive, limit: PAGE, offset })

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true)
    try {
      const text = await work()
      if (text) setMessage({ kind: 'ok', text })
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const refresh = () => {
    opd.reload()
    list.reload()
    onChanged()
  }

  const chooseFile = () =>
    run(async () => {
      setMessage(null)
      setPreview(await api('roster.chooseImportFile'))
      return null
    })
  const apply = () =>
    run(async () => {
      const r = await api('roster.applyImport', { previewId: preview!.previewId })
      setPreview(null)
      refresh()
      return `Impor selesai: ${r.added} ditambah, ${r.updated} diubah, ${r.deactivated} dinonaktifkan.`
    })

  const total = list.data?.total ?? 0
  return (
    <section className="screen roster">
      <div className="toolbar">
        <button className="primary" disabled={busy} onClick={chooseFile}>
          Impor dari Excel/CSV…
        </button>
        <button disabled={busy || !opd.data?.length} onClick={() => setEditing('new')}>
          Tambah pegawai non-ASN
        </button>
      </div>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {list.error && <Notice kind="error">{list.error}</Notice>}
      {preview && (
        <ImportPreviewPanel
          preview={preview}
          busy={busy}
          onApply={apply}
          onCancel={() => setPreview(null)}
        />
      )}
      {editing && opd.data && (
        <EmployeeForm
          employee={editing === 'new' ? null : editing}
          opd={opd.data}
          onDone={(text) => {
            setEditing(null)
            if (text) {
              setMessage({ kind: 'ok', text })
              refresh()
            }
          }}
        />
      )}
      <div className="filters">
        <input
          type="search"
          aria-label="Cari nama atau NIP"
          placeholder="Cari nama atau NIP"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setOffset(0)
          }}
        />
        <select
          aria-label="Filter OPD"
          value={opdId ?? ''}
          onChange={(e) => {
            setOpdId(e.target.value ? Number(e.target.value) : null)
            setOffset(0)
          }}
        >
          <option value="">Semua OPD</option>
          {opd.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.employees})
            </option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.target.checked)}
          />{' '}
          Tampilkan nonaktif
        </label>
      </div>
      <p className="muted" data-testid="roster-total">
        {total.toLocaleString('id-ID')} pegawai
      </p>
      <table className="list">
        <thead>
          <tr>
            <th>NIP / ID</th>
            <th>Nama</th>
            <th>OPD</th>
            <th>Jabatan</th>
            <th>Pangkat/Gol.</th>
            <th>Jenis</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((e) => (
            <tr key={e.id} className={e.active ? '' : 'inactive'}>
              <td className="mono">{formatNip(e.nip)}</td>
              <td>{e.name}</td>
              <td>{e.opdName}</td>
              <td>{e.jabatan}</td>
              <td>{e.pangkat}</td>
              <td>{e.jenis === 'NON_ASN' ? 'Non-ASN' : e.jenis}</td>
              <td>
                <button onClick={() => setEditing(e)}>Ubah</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Sebelumnya
        </button>
        <span>
          {total ? offset + 1 : 0}–{Math.min(offset + PAGE, total)} dari {total}
        </span>
        <button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Berikutnya
        </button>
      </div>
    </section>
  )
}
