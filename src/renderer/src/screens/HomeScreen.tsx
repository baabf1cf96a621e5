import type { AppStatus } from '../../../shared/contract/app'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { SetPinCard } from '../components/SetPinCard'
import { useAction } from '../data/query'

interface Props {
  status: AppStatus | undefined
  pinSet: boolean
  go: (screen: 'kehadiran' | 'pegawai' | 'acara') => void
}

/** The status, the lock and the counts follow main's events: nothing here reloads by hand. */
export function HomeScreen({ status, pinSet, go }: Props) {
  const action = useAction()
  if (!status) return <p>Memuat…</p>

  const loadDemo = () =>
    action.run(async () => {
      const r = await api('app.loadDemo')
      return `Data contoh dimuat: ${r.employees.toLocaleString('id-ID')} pegawai di ${r.opd} OPD, dan satu acara demo.`
    })

  const leaveKiosk = () =>
    action.run(async () => {
      const { left } = await api('app.leaveKiosk')
      if (!left) throw new Error('Hanya berlaku di aplikasi desktop.')
      return 'Mode kiosk ditinggalkan: jendela kini bisa ditutup.'
    })

  const firstRun = status.employees === 0
  return (
    <section className="screen home">
      {status.notice && <Notice kind="error">{status.notice}</Notice>}
      {action.notice}
      {firstRun ? (
        <div className="card hero">
          <h2>Selamat datang</h2>
          <p>
            Kiosk ini mencatat kehadiran Apel Netralitas ASN dari pindaian QR NIP. Belum ada data
            pegawai.
          </p>
          <div className="actions">
            <button className="primary big" disabled={action.busy} onClick={loadDemo}>
              Coba dengan data contoh
            </button>
            <button className="big" onClick={() => go('pegawai')}>
              Impor data pegawai (Excel/CSV)
            </button>
          </div>
        </div>
      ) : (
        <div className="card">
          <h2>Siap</h2>
          <dl className="facts">
            <dt>Pegawai</dt>
            <dd data-testid="employee-count">{status.employees.toLocaleString('id-ID')}</dd>
            <dt>Acara</dt>
            <dd>{status.ceremonies}</dd>
          </dl>
          <div className="actions">
            <button className="primary big" onClick={() => go('kehadiran')}>
              Mulai pemindaian
            </button>
            <button onClick={() => go('pegawai')}>Data Pegawai</button>
            <button onClick={() => go('acara')}>Atur acara</button>
            <button onClick={leaveKiosk}>Keluar dari mode kiosk</button>
          </div>
        </div>
      )}
      {!firstRun && !pinSet && <SetPinCard />}
    </section>
  )
}
