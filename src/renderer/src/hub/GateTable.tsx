import { useState } from 'react'
import type { GateRow } from '../../../shared/contract/hub'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction } from '../data/query'
import { describeAgo, describeOffset } from './time-words'
import { useNow } from './useNow'

const perMinute = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

function linkState(g: GateRow): string {
  if (g.revoked) return 'Dicabut'
  if (g.isHub) return 'Laptop ini'
  return g.online ? 'Tersambung' : 'Terputus'
}

/** "Cabut" asks first: a revoked gate cannot send again, though what it sent stays counted. */
function RevokeButton({ gate }: { gate: GateRow }) {
  const [asking, setAsking] = useState(false)
  const action = useAction()
  const revoke = () =>
    action.run(async () => {
      await api('hub.revokeGate', { kioskId: gate.kioskId })
      setAsking(false)
      return null
    })
  if (!asking) return <button onClick={() => setAsking(true)}>Cabut…</button>
  return (
    <span className="actions revoke-ask">
      {action.notice}
      Cabut {gate.label}? Gerbang ini tidak bisa mengirim lagi; kedatangan yang sudah terkirim tetap
      dihitung.
      <button disabled={action.busy} onClick={() => void revoke()}>
        Ya, cabut
      </button>
      <button onClick={() => setAsking(false)}>Batal</button>
    </span>
  )
}

/** Every source of arrivals: the hub's own gate first, then each paired gate. */
export function GateTable({ gates }: { gates: GateRow[] }) {
  const now = useNow()
  return (
    <div className="card" role="group" aria-label="Gerbang">
      <h2>Gerbang</h2>
      {gates.length <= 1 && (
        <p className="muted">Belum ada gerbang tersambung. Buat kode pasangan di atas.</p>
      )}
      <table className="list hub-gates" aria-label="Daftar gerbang">
        <thead>
          <tr>
            <th>Gerbang</th>
            <th>Sambungan</th>
            <th>Terakhir terlihat</th>
            <th>Belum terkirim</th>
            <th>Selisih jam</th>
            <th>Hadir</th>
            <th>Orang/menit</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {gates.map((g) => (
            <tr
              key={g.kioskId}
              data-testid="hub-gate"
              data-online={g.online}
              data-revoked={g.revoked}
              className={g.revoked ? 'revoked' : undefined}
            >
              <td>
                <strong>{g.label}</strong>
                <div className="muted mono hub-gate-key">{g.fingerprint}</div>
              </td>
              <td className={g.online || g.isHub ? undefined : 'bad'}>{linkState(g)}</td>
              <td>{g.isHub ? '' : describeAgo(g.lastSeen, now)}</td>
              <td>{g.backlog === null ? '' : formatCount(g.backlog)}</td>
              <td>{g.isHub ? '' : describeOffset(g.offsetMs)}</td>
              <td data-testid="hub-gate-present">{formatCount(g.present)}</td>
              <td>{perMinute.format(g.perMinute)}</td>
              <td>{!g.isHub && !g.revoked && <RevokeButton gate={g} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
