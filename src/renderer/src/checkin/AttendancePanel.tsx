import type { Dashboard } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { formatCount } from '../../../shared/format'

const pct = (present: number, expected: number) =>
  expected ? Math.round((present / expected) * 100) : 0

/** Present over expected, overall and per OPD; choosing an OPD lists who is still missing there. */
export function AttendancePanel({
  dash,
  onPickOpd,
}: {
  dash: Dashboard
  onPickOpd: (opdId: number | null) => void
}) {
  const picked = dash.missing?.opdId ?? null
  return (
    <div className="attendance">
      <div className="totals">
        <div className="total-main" data-testid="present-total">
          {formatCount(dash.present)} / {formatCount(dash.expected)}
        </div>
        <div className="total-sub">
          hadir ({pct(dash.present, dash.expected)}%) ·{' '}
          <span data-testid="late-total">{formatCount(dash.late)}</span> terlambat ·{' '}
          <span data-testid="unregistered-total">{formatCount(dash.unregistered)}</span> tidak
          terdaftar
        </div>
      </div>
      <div className="opd-table">
        <table>
          <thead>
            <tr>
              <th>OPD</th>
              <th>Hadir</th>
              <th>Terlambat</th>
            </tr>
          </thead>
          <tbody>
            {dash.perOpd.map((o) => (
              <tr
                key={o.opdId}
                className={o.opdId === picked ? 'picked' : ''}
                onClick={() => onPickOpd(o.opdId === picked ? null : o.opdId)}
                data-testid="opd-count"
              >
                <td>{o.name}</td>
                <td>
                  {formatCount(o.present)}/{formatCount(o.expected)}
                </td>
                <td>{formatCount(o.late)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dash.missing && (
        <div className="missing" aria-label="Belum hadir">
          <h3>
            Belum hadir: {dash.perOpd.find((o) => o.opdId === picked)?.name} (
            {formatCount(dash.missing.people.length)})
          </h3>
          <ul>
            {/* NIPs arrive masked (two people may share one): the list's order is the key. */}
            {dash.missing.people.map((p, i) => (
              <li key={i}>
                {p.name} <span className="mono muted">{formatNip(p.nip)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
