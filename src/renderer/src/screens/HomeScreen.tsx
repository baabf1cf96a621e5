import type { AppStatus } from '../../../shared/contract/app'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { SetPinCard } from '../components/SetPinCard'
import { useAction } from '../data/query'
import { formatCount } from '../../../shared/format'

interface Props {
  status: AppStatus | undefined
  pinSet: boolean
  go: (screen: 'kehadiran' | 'pegawai' | 'acara' | 'uji') => void
}

/** One numbered step of the first run: done, the one to do now, or waiting for an earlier one. */
function Step({
  n,
  title,
  done,
  current,
  children,
}: {
  n: number
  title: string
  done: boolean
  current: boolean
  children?: React.ReactNode
}) {
  const state = done ? 'selesai' : current ? 'sekarang' : 'menunggu'
  return (
    <li className={`step step-${state}`} aria-label={`Langkah ${n}: ${title}`}>
      <h3>
        <span className="step-n" aria-hidden="true">
          {done ? '✓' : n}
        </span>{' '}
        Langkah {n}: {title}
        {done && <span className="muted"> (selesai)</span>}
      </h3>
      {current && children}
    </li>
  )
}

/**
 * Beranda. Until the kiosk is ready it walks the officer through three steps in order: the PIN
 * first (so the first real import is already protected), then the roster, then the ceremony.
 */
export function HomeScreen({ status, pinSet, go }: Props) {
  // The status, the lock and the counts follow main's events: nothing here reloads by hand.
  const action = useAction()
  const busy = action.busy
  if (!status) return <p>Memuat…</p>

  const loadDemo = () =>
    action.run(async () => {
      const r = await api('app.loadDemo')
      return `Data contoh dimuat: ${formatCount(r.employees)} pegawai di ${formatCount(r.opd)} OPD, dan satu acara demo.`
    })

  const leaveKiosk = () =>
    action.run(async () => {
      const { left } = await api('app.leaveKiosk')
      if (!left) throw new Error('Hanya berlaku di aplikasi desktop.')
      return 'Mode kiosk ditinggalkan: jendela kini bisa ditutup.'
    })

  const hasRoster = status.employees > 0
  // The demo is a try-out: the steps are done only with the real roster and a real ceremony.
  const realRoster = status.employees > (status.demo?.employees ?? 0)
  const realCeremony = status.activeCeremonyId !== null && !status.demo?.ceremonies
  const ready = pinSet && realRoster && realCeremony
  return (
    <section className="screen home">
      {status.notice && <Notice kind="error">{status.notice}</Notice>}
      {action.notice}
      {!hasRoster && (
        <div className="card hero">
          <h2>Selamat datang</h2>
          <p>
            Kiosk ini mencatat kehadiran Apel Netralitas ASN dari pindaian QR NIP. Belum ada data
            pegawai.
          </p>
        </div>
      )}
      {!ready && (
        <ol className="card first-run" aria-label="Langkah persiapan">
          <Step n={1} title="Buat PIN petugas" done={pinSet} current={!pinSet}>
            <SetPinCard title="Buat PIN petugas" />
          </Step>
          <Step n={2} title="Data pegawai" done={realRoster} current={!realRoster}>
            {!pinSet && (
              <p className="muted">
                Impor data sungguhan setelah PIN dibuat, agar data pegawai terlindungi sejak awal.
              </p>
            )}
            {status.demo && (
              <p className="muted">Data contoh dihapus saat data sungguhan diimpor.</p>
            )}
            <div className="actions">
              <button className="big" disabled={!pinSet} onClick={() => go('pegawai')}>
                Impor data pegawai (Excel/CSV)
              </button>
              {!hasRoster && (
                <button className="big" disabled={busy} onClick={loadDemo}>
                  Coba dengan data contoh
                </button>
              )}
            </div>
          </Step>
          <Step
            n={3}
            title="Atur acara"
            done={realCeremony}
            current={pinSet && realRoster && !realCeremony}
          >
            <div className="actions">
              <button className="primary big" onClick={() => go('acara')}>
                Buat acara
              </button>
            </div>
          </Step>
        </ol>
      )}
      {hasRoster && (
        <div className="card">
          <h2>{ready ? 'Siap' : 'Ringkasan'}</h2>
          <dl className="facts">
            <dt>Pegawai</dt>
            <dd data-testid="employee-count">{formatCount(status.employees)}</dd>
            <dt>Acara</dt>
            <dd>{formatCount(status.ceremonies)}</dd>
          </dl>
          <div className="actions">
            <button className="primary big" onClick={() => go('kehadiran')}>
              Mulai pemindaian
            </button>
            <button onClick={() => go('pegawai')}>Data Pegawai</button>
            <button onClick={() => go('acara')}>Atur acara</button>
            <button onClick={() => go('uji')}>Uji perangkat</button>
            <button onClick={leaveKiosk}>Keluar dari mode kiosk</button>
          </div>
        </div>
      )}
    </section>
  )
}
