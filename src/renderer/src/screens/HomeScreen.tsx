import { useState } from 'react'
import type { AppStatus } from '../../../shared/contract/app'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { SetPinCard } from '../components/SetPinCard'

interface Props {
  status: AppStatus | undefined
  pinSet: boolean
  onChanged: () => void
  go: (screen: 'kehadiran' | 'pegawai' | 'acara') => void
}

export function HomeScreen({ status, pinSet, onChanged, go }: Props) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  if (!status) return <p>Memuat…</p>

  const loadDemo = async () => {
    setBusy(true)
    try {
      const r = await api('app.loadDemo')
      setMessage({
        kind: 'ok',
        text: `Data contoh dimuat: ${r.employees.toLocaleString('id-ID')} pegawai di ${r.opd} OPD, dan satu acara demo.`,
      })
      onChanged()
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const leaveKiosk = async () => {
    try {
      const { left } = await api('app.leaveKiosk')
      setMessage(
        left
          ? { kind: 'ok', text: 'Mode kiosk ditinggalkan: jendela kini bisa ditutup.' }
          : { kind: 'error', text: 'Hanya berlaku di aplikasi desktop.' },
      )
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }

  const firstRun = status.employees === 0
  return (
    <section className="screen home">
      {status.notice && <Notice kind="error">{status.notice}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {firstRun ? (
        <div className="card hero">
          <h2>Selamat datang</h2>
          <p>
            Kiosk ini mencatat kehadiran Apel Netralitas ASN dari pindaian QR NIP. Belum ada data
            pegawai.
          </p>
          <div className="actions">
            <button className="primary big" disabled={busy} onClick={loadDemo}>
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
      {!firstRun && !pinSet && <SetPinCard onDone={onChanged} />}
    </section>
  )
}
