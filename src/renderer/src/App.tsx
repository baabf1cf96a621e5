import { useState } from 'react'
import { api } from './api'
import { PinDialog } from './components/PinDialog'
import { useCall } from './hooks/useCall'
import { CeremonyScreen } from './screens/CeremonyScreen'
import { CheckinScreen } from './screens/CheckinScreen'
import { ExportScreen } from './screens/ExportScreen'
import { HomeScreen } from './screens/HomeScreen'
import { IkrarScreen } from './screens/IkrarScreen'
import { RosterScreen } from './screens/RosterScreen'

const SCREENS = {
  beranda: 'Beranda',
  kehadiran: 'Kehadiran',
  pegawai: 'Data Pegawai',
  acara: 'Acara',
  ikrar: 'Ikrar',
  ekspor: 'Ekspor',
} as const
type Screen = keyof typeof SCREENS

export function App() {
  const [screen, setScreen] = useState<Screen>('beranda')
  const status = useCall('app.status')
  const officer = useCall('auth.status')
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
                officer.reload()
              }}
            >
              {SCREENS[s]}
            </button>
          ))}
        </nav>
        {officer.data?.pinSet && (
          <div className="lock-state" data-testid="lock-state">
            {officer.data.unlocked ? (
              <>
                Petugas{' '}
                <button onClick={() => void api('auth.lock').then(officer.reload)}>Kunci</button>
              </>
            ) : (
              'Terkunci'
            )}
          </div>
        )}
      </header>
      <PinDialog onUnlocked={officer.reload} />
      <main>
        {screen === 'beranda' && (
          <HomeScreen
            status={status.data}
            pinSet={officer.data?.pinSet ?? true}
            onChanged={() => {
              status.reload()
              officer.reload()
            }}
            go={setScreen}
          />
        )}
        {screen === 'kehadiran' && <CheckinScreen />}
        {screen === 'pegawai' && <RosterScreen onChanged={status.reload} />}
        {screen === 'acara' && <CeremonyScreen onChanged={status.reload} />}
        {screen === 'ikrar' && <IkrarScreen />}
        {screen === 'ekspor' && <ExportScreen />}
      </main>
      {status.data && (
        <footer className="statusbar">
          {status.data.kioskId} · {status.data.dbPath}
        </footer>
      )}
    </div>
  )
}
