import { useState } from 'react'
import { ARRIVAL_FILTERS, type ArrivalFilter, type Dashboard } from '../../../shared/domain'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import { formatTime, type TimeZoneId } from '../../../shared/time'

interface Props {
  dash: Pick<Dashboard, 'recent' | 'filter' | 'filterCounts'>
  zone: TimeZoneId
  onFilter: (filter: ArrivalFilter) => void
  /** Resolves true once cancelled; a refusal is told by the screen. */
  onUndo: (checkinId: number, reason: string) => Promise<boolean>
}

const FILTER_LABEL: Record<ArrivalFilter, string> = {
  semua: 'Semua',
  terlambat: 'Terlambat',
  manual: 'Manual',
  'tidak-terdaftar': 'Tidak terdaftar',
  dibatalkan: 'Dibatalkan',
}

/** The last arrivals, filtered main-side; each live one with an undo that asks why. */
export function RecentArrivals({ dash, zone, onFilter, onUndo }: Props) {
  const [undoing, setUndoing] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const arrivals = dash.recent
  return (
    <div className="gate-panel recent">
      <h3>Kedatangan terakhir</h3>
      <div className="recent-filters" role="group" aria-label="Saring kedatangan">
        {ARRIVAL_FILTERS.map((f) => (
          <button
            key={f}
            aria-pressed={dash.filter === f}
            className={dash.filter === f ? 'chip active' : 'chip'}
            onClick={() => onFilter(f)}
            data-testid={`filter-${f}`}
          >
            {FILTER_LABEL[f]} ({formatCount(dash.filterCounts[f])})
          </button>
        ))}
      </div>
      {arrivals.length === 0 && <p className="recent-empty muted">Belum ada.</p>}
      <ol className="gate-scroll">
        {arrivals.map((a) => (
          <li key={a.checkinId} data-testid="arrival">
            <span className="recent-time">{formatTime(a.at, zone)}</span>
            <span className="recent-who">
              <span className="recent-name">{a.name ?? <i>Tidak terdaftar</i>}</span>
              <span className="recent-meta">
                <span className="mono">{formatNip(a.nip)}</span> · {a.source}
                {a.late && <span className="badge late">terlambat</span>}
              </span>
              {a.cancelledAt && (
                <span className="recent-cancel">
                  <span className="badge cancelled">
                    dibatalkan {formatTime(a.cancelledAt, zone)}
                  </span>{' '}
                  {a.cancelReason}
                </span>
              )}
            </span>
            {a.cancelledAt ? null : undoing === a.checkinId ? (
              <form
                className="undo-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  // A refusal is shown by the screen; the form stays open to try again.
                  void onUndo(a.checkinId, reason).then((done) => {
                    if (!done) return
                    setUndoing(null)
                    setReason('')
                  })
                }}
              >
                <input
                  aria-label="Alasan pembatalan"
                  placeholder="Alasan"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  autoFocus
                />
                <button type="submit">Batalkan catatan</button>
                <button type="button" onClick={() => setUndoing(null)}>
                  Tutup
                </button>
              </form>
            ) : (
              <button
                onClick={() => setUndoing(a.checkinId)}
                aria-label={`Batalkan ${a.name ?? a.nip}`}
              >
                Batalkan
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
