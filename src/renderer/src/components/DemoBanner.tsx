import { useState } from 'react'
import type { DemoCounts } from '../../../shared/contract/app'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction } from '../data/query'

/** What the demo holds, in one sentence; the import's confirmation says the same. */
function demoSummary(d: DemoCounts): string {
  return `${formatCount(d.employees)} pegawai contoh di ${formatCount(d.opd)} OPD, dan acara demo beserta kehadirannya`
}

/**
 * Asked before real data comes in where demo data is (a roster import, a Paket acara): the
 * demo goes first, in the same call, once the officer agrees.
 */
export function ConfirmDemoRemoval(props: {
  demo: DemoCounts
  /** What comes in after the demo goes: "data sungguhan diimpor". */
  before: string
  confirm: string
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <div className="card confirm" role="group" aria-label="Hapus data contoh">
      <p>
        <strong>Data contoh akan dihapus</strong> sebelum {props.before}: {demoSummary(props.demo)}.
      </p>
      <div className="actions">
        <button className="primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button disabled={props.busy} onClick={props.onCancel}>
          Batal
        </button>
      </div>
    </div>
  )
}

/**
 * On every screen while demo data is in the database, so nobody mistakes the demo's counts for
 * a real apel. The officer can remove it here; a real import removes it too, after asking.
 */
export function DemoBanner({ demo }: { demo: DemoCounts }) {
  const [confirming, setConfirming] = useState(false)
  // Removing is a roster and ceremony change from main: the status (and this banner) follow.
  const action = useAction()
  const error = action.message?.kind === 'error' ? action.message.text : null
  const remove = () =>
    action.run(async () => {
      await api('app.removeDemo')
      setConfirming(false)
      return null
    })
  return (
    <div className="demo-banner" role="region" aria-label="Mode demo" data-testid="demo-banner">
      <strong>MODE DEMO</strong>
      <span>Data contoh, bukan data sungguhan: {demoSummary(demo)}.</span>
      {error && <span role="alert">{error}</span>}
      {confirming ? (
        <span className="actions">
          Hapus semua data contoh?{' '}
          <button disabled={action.busy} onClick={remove}>
            Ya, hapus data contoh
          </button>
          <button onClick={() => setConfirming(false)}>Batal</button>
        </span>
      ) : (
        <button onClick={() => setConfirming(true)}>Hapus data contoh…</button>
      )}
    </div>
  )
}
