import type { HubDashboard } from '../../../shared/contract/hub'
import { formatCount, formatPercent } from '../../../shared/format'
import { formatTime, type TimeZoneId } from '../../../shared/time'

const share = (present: number, expected: number) =>
  expected > 0 ? formatPercent(present / expected) : ''

/** Present/expected over every gate, per OPD: each person once, at the earliest scan. */
export function CombinedCounts({ dash, zone }: { dash: HubDashboard; zone: TimeZoneId }) {
  return (
    <div className="card" role="group" aria-label="Gabungan semua gerbang">
      <div className="toolbar">
        <h2>Gabungan semua gerbang</h2>
        <span className="total-main" data-testid="hub-total">
          {formatCount(dash.present)} / {formatCount(dash.expected)}
        </span>
        <span className="muted">{share(dash.present, dash.expected)} hadir</span>
      </div>
      <table className="list" aria-label="Hadir per OPD, semua gerbang">
        <thead>
          <tr>
            <th>OPD</th>
            <th>Hadir</th>
            <th>Diharapkan</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {dash.perOpd.map((o) => (
            <tr key={o.opdId} data-testid="hub-opd">
              <td>{o.name}</td>
              <td>{formatCount(o.present)}</td>
              <td>{formatCount(o.expected)}</td>
              <td className="muted">{share(o.present, o.expected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {dash.duplicates.length > 0 && (
        <>
          <h3>Tercatat di dua gerbang</h3>
          <p className="muted">
            Pindaian paling awal yang dihitung; yang berikutnya tetap di log sebagai pindai ulang.
          </p>
          <ul className="hub-duplicates" data-testid="hub-duplicates">
            {dash.duplicates.map((d) => (
              <li key={`${d.nip}-${d.laterAt}`}>
                <span className="mono">{d.nip}</span>: dihitung di {d.keptLabel} pukul{' '}
                {formatTime(d.keptAt, zone)}; {d.laterLabel} pukul {formatTime(d.laterAt, zone)}{' '}
                tidak dihitung lagi.
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
