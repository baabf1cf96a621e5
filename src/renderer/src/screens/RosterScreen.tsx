import { useState } from 'react'
import type { CardFilter, CardHolder, Employee, ImportPreview, Opd } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { api, ApiError } from '../api'
import { ConfirmDemoRemoval } from '../components/DemoBanner'
import { JobProgress } from '../components/JobProgress'
import { Notice } from '../components/Notice'
import { formatCount } from '../../../shared/format'
import { useAction, useKiosk } from '../data/query'
import { CardSheet } from '../roster/CardSheet'
import { EmployeeForm } from './EmployeeForm'
import { ImportPreviewPanel } from './ImportPreviewPanel'
import { OpdSignerPanel } from './SignerPanel'

const PAGE = 50

const CARD_FILTER_LABEL: Record<CardFilter, string> = {
  any: 'Semua kartu',
  none: 'Belum punya kartu',
  printed: 'Kartu sudah dicetak',
}

/** Every change made here is a `roster.changed` from main: lists and counts follow by themselves. */
export function RosterScreen() {
  const [query, setQuery] = useState('')
  const [opdId, setOpdId] = useState<number | null>(null)
  const [includeInactive, setIncludeInactive] = useState(false)
  const [card, setCard] = useState<CardFilter>('any')
  const [offset, setOffset] = useState(0)
  const [sheet, setSheet] = useState<{ title: string; holders: CardHolder[] } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [editing, setEditing] = useState<Employee | 'new' | null>(null)
  const [confirmDemo, setConfirmDemo] = useState(false)
  const action = useAction()
  const { run, busy } = action
  const opd = useKiosk('roster.listOpd')
  const app = useKiosk('app.status')
  const demo = app.data?.demo ?? null
  const filter = { query, opdId, includeInactive, card }
  const list = useKiosk('roster.search', { ...filter, limit: PAGE, offset })

  const chooseFile = () =>
    run(async () => {
      setPreview(await api('roster.chooseImportFile'))
      return null
    })
  // Before the first real import the demo goes, and the officer is asked first.
  const apply = (removeDemo = false) =>
    run(async () => {
      if (demo && !removeDemo) {
        setConfirmDemo(true)
        return null
      }
      const r = await api('roster.applyImport', { previewId: preview!.previewId, removeDemo })
      setPreview(null)
      setConfirmDemo(false)
      const removed = removeDemo ? 'Data contoh dihapus. ' : ''
      return `${removed}Impor selesai: ${formatCount(r.added)} ditambah, ${formatCount(r.updated)} diubah, ${formatCount(r.deactivated)} dinonaktifkan.`
    })

  const printFiltered = () =>
    run(async () => {
      const holders = await api('roster.cardHolders', filter)
      setSheet({ title: filterTitle(filter, opd.data ?? []), holders })
      return null
    })

  // Locked, main returns nothing personal; nor does the screen keep an earlier page on show.
  const locked = list.error instanceof ApiError && list.error.code === 'LOCKED'
  const rows = locked ? [] : (list.data?.rows ?? [])
  const total = locked ? 0 : (list.data?.total ?? 0)
  return (
    <section className="screen roster">
      <div className="toolbar">
        <button className="primary" disabled={busy} onClick={chooseFile}>
          Impor dari Excel/CSV…
        </button>
        <button disabled={busy || !opd.data?.length} onClick={() => setEditing('new')}>
          Tambah pegawai non-ASN
        </button>
        <button disabled={busy || total === 0} onClick={printFiltered}>
          Cetak kartu QR ({formatCount(total)})…
        </button>
      </div>
      <JobProgress kind="roster-preview" />
      {action.notice}
      {list.error && !locked && <Notice kind="error">{list.error.message}</Notice>}
      {locked && (
        <div className="card" data-testid="roster-locked">
          <p>
            Data pegawai terkunci: nama dan NIP hanya tampil untuk petugas. Pemindaian di gerbang
            tetap berjalan.
          </p>
          {/* The officer's own retry: it asks for the PIN, then reads the list again. */}
          <button className="primary" onClick={() => void list.refetch()}>
            Buka kunci
          </button>
        </div>
      )}
      {preview && (
        <ImportPreviewPanel
          preview={preview}
          busy={busy}
          onApply={() => apply()}
          onCancel={() => {
            setPreview(null)
            setConfirmDemo(false)
          }}
        />
      )}
      {preview && confirmDemo && demo && (
        <ConfirmDemoRemoval
          demo={demo}
          before="data sungguhan diimpor"
          confirm="Hapus data contoh dan impor"
          busy={busy}
          onConfirm={() => apply(true)}
          onCancel={() => setConfirmDemo(false)}
        />
      )}
      {editing && opd.data && (
        <EmployeeForm
          employee={editing === 'new' ? null : editing}
          opd={opd.data}
          onDone={(text) => {
            setEditing(null)
            if (text) action.say({ kind: 'ok', text })
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
              {o.name} ({formatCount(o.employees)})
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
        <select
          aria-label="Filter kartu"
          value={card}
          onChange={(e) => {
            setCard(e.target.value as CardFilter)
            setOffset(0)
          }}
        >
          {(Object.keys(CARD_FILTER_LABEL) as CardFilter[]).map((c) => (
            <option key={c} value={c}>
              {CARD_FILTER_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" data-testid="roster-total">
        {formatCount(total)} pegawai
      </p>
      <table className="list roster-table" aria-label="Daftar pegawai">
        <colgroup>
          <col className="col-nip" />
          <col />
          <col />
          <col />
          <col className="col-pangkat" />
          <col className="col-jenis" />
          <col className="col-kartu" />
          <col className="col-aksi" />
        </colgroup>
        <thead>
          <tr>
            <th>NIP / ID</th>
            <th>Nama</th>
            <th>OPD</th>
            <th>Jabatan</th>
            <th title="Pangkat/Golongan">Pangkat/Gol.</th>
            <th>Jenis</th>
            <th>Kartu</th>
            <th>
              <span className="visually-hidden">Tindakan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className={e.active ? '' : 'inactive'}>
              <td className="mono">{formatNip(e.nip)}</td>
              <td className="wrap">{e.name}</td>
              <Clipped text={e.opdName} />
              <Clipped text={e.jabatan} />
              <Clipped text={e.pangkat} />
              <td>{e.jenis === 'NON_ASN' ? 'Non-ASN' : e.jenis}</td>
              <td>{e.cardPrintedAt ? formatDay(e.cardPrintedAt) : 'Belum'}</td>
              <td>
                <div className="row-actions">
                  <button onClick={() => setEditing(e)} aria-label={`Ubah ${e.name}`}>
                    Ubah
                  </button>
                  <button
                    onClick={() => setSheet({ title: e.name, holders: [e] })}
                    aria-label={`Kartu ${e.name}`}
                  >
                    Kartu
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sheet && (
        <CardSheet title={sheet.title} holders={sheet.holders} onClose={() => setSheet(null)} />
      )}
      <div className="pager">
        <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Sebelumnya
        </button>
        <span>
          {formatCount(total ? offset + 1 : 0)}–{formatCount(Math.min(offset + PAGE, total))} dari{' '}
          {formatCount(total)}
        </span>
        <button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Berikutnya
        </button>
      </div>
      <OpdSignerPanel />
    </section>
  )
}

/** A cell that keeps to its column: long text ends in "…", and the whole of it is the tooltip. */
function Clipped({ text }: { text: string }) {
  return (
    <td className="clip" title={text}>
      {text}
    </td>
  )
}

/** "Dinas Sosial · "budi" · belum punya kartu": the sheet says which selection it holds. */
function filterTitle(
  f: { query: string; opdId: number | null; includeInactive: boolean; card: CardFilter },
  opd: Opd[],
): string {
  const parts = [opd.find((o) => o.id === f.opdId)?.name ?? 'Semua OPD']
  if (f.query.trim()) parts.push(`"${f.query.trim()}"`)
  if (f.card !== 'any') parts.push(CARD_FILTER_LABEL[f.card].toLowerCase())
  if (f.includeInactive) parts.push('termasuk nonaktif')
  return parts.join(' · ')
}

/** The day a card was printed, as the laptop's clock reads it, e.g. "22/11/2026". */
const formatDay = (iso: string) => new Date(iso).toLocaleDateString('id-ID')
