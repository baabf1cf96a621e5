import { useState } from 'react'
import { useCall } from './hooks/useCall'
import { CameraSettingsScreen } from './screens/CameraSettingsScreen'
import { CeremonyScreen } from './screens/CeremonyScreen'
import { CheckinScreen } from './screens/CheckinScreen'
import { HomeScreen } from './screens/HomeScreen'
import { RosterScreen } from './screens/RosterScreen'

const SCREENS = {
  beranda: 'Beranda',
  kehadiran: 'Kehadiran',
  pegawai: 'Data Pegawai',
  acara: 'Acara',
  kamera: 'Pengaturan Kamera',
} as const
type Screen = keyof typeof SCREENS

export function App() {
  const [screen, setScreen] = useState<Screen>('beranda')
  const status = useCall('app.status')
  return (
    <div className="app">
      <header className="topbar">
        <h1>Kiosk Apel Netralitas ASN</h1>
        <nav aria-label="Menu utama">
          {(Object.keys(SCREENS) as Screen[]).map((s) => (
            <button
              key={s}
              className={s === screen ? 'tab active' : 'tab'}
              aria-current={s === screen ? 'page' : undefined}
              onClick={() => {
                setScreen(s)
                status.reload()
              }}
            >
              {SCREENS[s]}
            </button>
          ))}
        </nav>
      </header>
      <main>
        {screen === 'beranda' && (
          <HomeScreen status={status.data} onChanged={status.reload} go={setScreen} />
        )}
        {screen === 'kehadiran' && <CheckinScreen />}
        {screen === 'pegawai' && <RosterScreen onChanged={status.reload} />}
        {screen === 'acara' && <CeremonyScreen onChanged={status.reload} />}
        {screen === 'kamera' && <CameraSettingsScreen />}
      </main>
      {status.data && (
        <footer className="statusbar">
          {status.data.kioskId} · {status.data.dbPath}
        </footer>
      )}
    </div>
  )
}
