import { useState } from 'react'
import type { Arrival } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { formatTime, type TimeZoneId } from '../../../shared/time'

interface Props {
  arrivals: Arrival[]
  zone: TimeZoneId
  onUndo: (checkinId: number, reason: string) => Promise<void>
}

const SOURCE = { kamera: 'kamera', pemindai: 'pemindai', manual: 'manual' } as const

/** The last arrivals, each with an undo that asks why. */
export function RecentArrivals({ arrivals, zone, onUndo }: Props) {
  const [undoing, setUndoing] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  return (
    <div className="recent">
      <h3>Kedatangan terakhir</h3>
      <ol>
        {arrivals.map((a) => (
          <li key={a.checkinId} data-testid="arrival">
            <span className="recent-time">{formatTime(a.at, zone)}</span>
            <span className="recent-who">
              {a.name ?? <i>Tidak terdaftar</i>}{' '}
              <span className="mono muted">{formatNip(a.nip)}</span>
              {a.late && <span className="badge late">terlambat</span>}
              <span className="muted"> · {SOURCE[a.source]}</span>
            </span>
            {undoing === a.checkinId ? (
              <form
                className="undo-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  void onUndo(a.checkinId, reason).then(() => {
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
