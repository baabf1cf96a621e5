import type { Lockdown } from '../../../shared/contract/app'
import { api } from '../api'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'

/**
 * "Penguncian laptop": kiosk mode and start at login, and a clean way to close the kiosk. The
 * settings screen is behind the PIN, and main checks the PIN again for each change.
 */
export function LockdownSetting() {
  const state = useKiosk('app.lockdown')
  const action = useAction()
  const lockdown = state.data
  const change = (input: { kioskMode?: boolean; startAtLogin?: boolean }, done: string) =>
    action.run(async () => {
      await api('app.setLockdown', input)
      return done
    }, [keys.call('app.lockdown')])
  const quit = () =>
    action.run(async () => {
      const { quitting } = await api('app.quit')
      if (!quitting) throw new Error('Hanya berlaku di aplikasi desktop.')
      return 'Kiosk ditutup…'
    })
  return (
    <div className="card" aria-label="Penguncian laptop" role="group">
      <h2>Penguncian laptop</h2>
      {action.notice}
      <label className="inline">
        <input
          type="checkbox"
          checked={lockdown?.kioskMode ?? false}
          disabled={!lockdown || lockdown.forced || action.busy}
          onChange={(e) =>
            void change(
              { kioskMode: e.target.checked },
              e.target.checked ? 'Mode kiosk dinyalakan.' : 'Mode kiosk dimatikan.',
            )
          }
        />{' '}
        Mode kiosk: layar penuh, tanpa menu, tidak bisa ditutup tanpa PIN
      </label>
      <p className="muted">{kioskNote(lockdown)}</p>
      {lockdown?.startAtLogin !== null && (
        <label className="inline">
          <input
            type="checkbox"
            checked={lockdown?.startAtLogin ?? false}
            disabled={!lockdown || action.busy}
            onChange={(e) =>
              void change(
                { startAtLogin: e.target.checked },
                e.target.checked
                  ? 'Kiosk akan berjalan sendiri saat pengguna Windows ini masuk.'
                  : 'Kiosk tidak lagi berjalan sendiri saat masuk.',
              )
            }
          />{' '}
          Jalankan kiosk saat pengguna Windows ini masuk
        </label>
      )}
      <div className="actions">
        <button disabled={action.busy} onClick={() => void quit()}>
          Tutup kiosk
        </button>
      </div>
    </div>
  )
}

function kioskNote(lockdown: Lockdown | undefined): string {
  if (!lockdown) return ''
  if (lockdown.forced) return 'Kiosk dijalankan dengan --kiosk: mode kiosk selalu menyala.'
  if (lockdown.kioskMode && !lockdown.kioskNow) {
    return 'Mode kiosk sedang ditinggalkan; menyala lagi saat kiosk dijalankan berikutnya.'
  }
  return 'Berlaku sekarang dan setiap kali kiosk dijalankan.'
}
