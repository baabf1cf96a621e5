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
    <div className="gate-col attendance">
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
        <IkrarLine gate={dash.ikrar} />
        <AttemptsLine attempts={dash.attempts} />
      </div>
      <div className="gate-panel opd-table">
        <table>
          <thead>
            <tr>
              <th>OPD</th>
              <th>Hadir</th>
              <th>Terlambat</th>
            </tr>
          </thead>
          <tbody>
            {dash.perOpd.map((o) => {
              const pick = () => onPickOpd(o.opdId === picked ? null : o.opdId)
              return (
                <tr
                  key={o.opdId}
                  className={o.opdId === picked ? 'picked' : ''}
                  onClick={pick}
                  data-testid="opd-count"
                >
                  <td>
                    {/* The row is clickable; the button is how a keyboard reaches it. */}
                    <button
                      className="opd-pick"
                      aria-pressed={o.opdId === picked}
                      onClick={(e) => {
                        e.stopPropagation()
                        pick()
                      }}
                    >
                      {o.name}
                    </button>
                  </td>
                  <td>
                    {formatCount(o.present)}/{formatCount(o.expected)}
                  </td>
                  <td>{formatCount(o.late)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {dash.missing && (
        <div className="gate-panel missing" aria-label="Belum hadir">
          <h3>
            Belum hadir ({formatCount(dash.missing.people.length)}):{' '}
            {dash.perOpd.find((o) => o.opdId === picked)?.name}
          </h3>
          <ul className="gate-scroll">
            {dash.missing.people.map((p) => (
              <li key={p.nip}>
                {p.name} <span className="mono muted">{formatNip(p.nip)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

/** How many present arrived after the ikrar began: they are here but did not pledge with it. */
function IkrarLine({ gate }: { gate: Dashboard['ikrar'] }) {
  return (
    <div className="total-sub" data-testid="ikrar-after">
      {gate.readings === 0 ? (
        'Ikrar: belum ada pembacaan'
      ) : (
        <>
          {formatCount(gate.afterStart)} datang setelah ikrar dimulai
          {gate.repledged > 0 && ` (${formatCount(gate.repledged)} ikut pembacaan ulang)`}
        </>
      )}
    </div>
  )
}

/** The attempts that recorded no arrival, so a queue of bad cards or repeats shows at a glance. */
function AttemptsLine({ attempts }: { attempts: Dashboard['attempts'] }) {
  return (
    <div className="total-sub" data-testid="attempts">
      Kode tidak valid {formatCount(attempts.invalid)} · Pindai ulang{' '}
      {formatCount(attempts.duplicate)} · Ditolak {formatCount(attempts.refused)}
    </div>
  )
}
