import type { Backup } from '../../../shared/domain'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { AuthenticityPanel } from '../components/AuthenticityPanel'
import { CardIdentitySetting } from '../components/CardIdentitySetting'
import { ExchangePanel } from '../components/ExchangePanel'
import { LockdownSetting } from '../components/LockdownSetting'
import { MirrorSetting } from '../components/MirrorSetting'
import { Notice } from '../components/Notice'
import { SetPinCard } from '../components/SetPinCard'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'
import { RoleSetting } from '../hub/RoleSetting'
import { RecapSignerCard } from './SignerPanel'

const REASONS: Record<string, string> = {
  ekspor: 'setelah ekspor',
  manual: 'dibuat petugas',
  'sebelum-pemulihan': 'sebelum pemulihan',
}

function reasonOf(b: Backup): string {
  return REASONS[b.reason] ?? (b.reason.startsWith('acara-') ? 'awal acara' : b.reason)
}

/** Officer settings: the kiosk's role, the database backups, the PIN. All behind the PIN. */
export function SettingsScreen({
  openPreflight,
  openNetwork,
}: { openPreflight?: () => void; openNetwork?: () => void } = {}) {
  const backups = useKiosk('backup.list')
  const action = useAction()
  // No event names the backup folder: what changes it says so itself.
  const act = (work: () => Promise<string>) => action.run(work, [keys.channel('backup.list')])
  const restore = (b: Backup) =>
    act(async () => {
      const { restarting } = await api('backup.restore', { name: b.name })
      return restarting
        ? 'Kiosk dimulai ulang dengan cadangan ini…'
        : 'Cadangan disiapkan; mulai ulang kiosk untuk memakainya.'
    })

  return (
    <section className="screen settings">
      {action.notice}
      {backups.error && <Notice kind="error">{backups.error.message}</Notice>}
      {openNetwork && <RoleSetting openNetwork={openNetwork} />}
      {openPreflight && (
        <div className="card toolbar">
          <h2>Uji perangkat</h2>
          <span className="muted">Kamera, pemindai, suara, disk, cadangan, jam, proyektor.</span>
          <button onClick={openPreflight}>Buka Uji perangkat</button>
        </div>
      )}
      <div className="card">
        <div className="toolbar">
          <h2>Cadangan basis data</h2>
          <button
            disabled={action.busy}
            onClick={() => act(async () => `Cadangan dibuat: ${(await api('backup.create')).name}`)}
          >
            Buat cadangan sekarang
          </button>
        </div>
        <p className="muted">
          Dibuat otomatis saat acara diaktifkan dan setelah setiap ekspor; 10 terakhir disimpan.
          Memulihkan menyimpan keadaan sekarang sebagai cadangan lebih dulu.
        </p>
        <table className="list" aria-label="Daftar cadangan">
          <thead>
            <tr>
              <th>Waktu</th>
              <th>Keterangan</th>
              <th>Ukuran</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.data?.map((b) => (
              <tr key={b.name} data-testid="backup">
                {/* Not tied to a ceremony: shown in the laptop's own time zone. */}
                <td>
                  {new Date(b.at).toLocaleString('id-ID', {
                    dateStyle: 'full',
                    timeStyle: 'short',
                  })}
                </td>
                <td>{reasonOf(b)}</td>
                <td>{formatCount(b.bytes / 1024)} KB</td>
                <td>
                  <button onClick={() => void restore(b)}>Pulihkan</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RecapSignerCard />
      <AuthenticityPanel />
      <ExchangePanel />
      <MirrorSetting />
      <CardIdentitySetting />
      <LockdownSetting />
      <SetPinCard
        title="Ganti PIN petugas"
        onDone={() => action.say({ kind: 'ok', text: 'PIN petugas diganti.' })}
      />
    </section>
  )
}
