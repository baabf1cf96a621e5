import { useState } from 'react'
import { shortKioskId } from '../../shared/kiosk-id'
import { api } from './api'
import { DemoBanner } from './components/DemoBanner'
import { GateScanProvider } from './checkin/GateScanProvider'
import { NetworkScreen } from './hub/NetworkScreen'
import { RoleBadge } from './hub/RoleBadge'
import { PinDialog } from './components/PinDialog'
import { useAction, useKiosk } from './data/query'
import { ReadingOverlay } from './ikrar/ReadingOverlay'
import { CameraSettingsScreen } from './screens/CameraSettingsScreen'
import { CeremonyScreen } from './screens/CeremonyScreen'
import { CheckinScreen } from './screens/CheckinScreen'
import { ExportScreen } from './screens/ExportScreen'
import { HomeScreen } from './screens/HomeScreen'
import { IkrarScreen } from './screens/IkrarScreen'
import { PreflightScreen } from './screens/PreflightScreen'
import { PaktaScreen } from './screens/PaktaScreen'
import { RosterScreen } from './screens/RosterScreen'
import { SettingsScreen } from './screens/SettingsScreen'

const SCREENS = {
  beranda: 'Beranda',
  kehadiran: 'Kehadiran',
  pegawai: 'Data Pegawai',
  acara: 'Acara',
  ikrar: 'Ikrar',
  pakta: 'Pakta',
  ekspor: 'Ekspor',
  pengaturan: 'Pengaturan',
  kamera: 'Kamera',
} as const
/** Reached from a link (Beranda, Acara, Pengaturan, the role badge), not from the menu. */
type Screen = keyof typeof SCREENS | 'uji' | 'jaringan'

export function App() {
  const [screen, setScreen] = useState<Screen | null>(null)
  const status = useKiosk('app.status')
  // Decided once, on the first status: a kiosk restarted during the event opens straight onto
  // the gate; later changes (the demo loaded) never move the officer away from their screen.
  if (screen === null && status.data !== undefined) {
    const ready = status.data.employees > 0 && status.data.activeCeremonyId !== null
    setScreen(ready ? 'kehadiran' : 'beranda')
  }
  // Main's events keep both current: the lock (its timeout too), the counts, the reading.
  const officer = useKiosk('auth.status')
  const lock = useAction()
  // A reading left running (the app reloaded) is picked up again; one ended anywhere closes.
  const reading = useKiosk('ikrar.reading').data ?? null
  const shell = (
    // Mirrored to the projector: the gate's latecomer notices stay off this screen (styles.css).
    <div className={reading?.mirrored ? 'app mirrored' : 'app'}>
      <header className="topbar">
        <h1>Kiosk Apel Netralitas ASN</h1>
        <nav aria-label="Menu utama">
          {(Object.keys(SCREENS) as (keyof typeof SCREENS)[]).map((s) => (
            <button
              key={s}
              className={s === screen ? 'tab active' : 'tab'}
              aria-current={s === screen ? 'page' : undefined}
              onClick={() => setScreen(s)}
            >
              {SCREENS[s]}
            </button>
          ))}
        </nav>
        <RoleBadge open={() => setScreen('jaringan')} />
        {officer.data?.pinSet && (
          <div className="lock-state" data-testid="lock-state">
            {officer.data.unlocked ? (
              <>
                Petugas{' '}
                <button
                  disabled={lock.busy}
                  onClick={() => void lock.run(() => api('auth.lock').then(() => null))}
                >
                  Kunci
                </button>
              </>
            ) : (
              'Terkunci'
            )}
          </div>
        )}
        {lock.notice}
      </header>
      {status.data?.demo && <DemoBanner demo={status.data.demo} />}
      <PinDialog />
      <main>
        {screen === 'beranda' && (
          <HomeScreen status={status.data} pinSet={officer.data?.pinSet ?? true} go={setScreen} />
        )}
        {/* Check-in stays live under the reading, so late arrivals are still recorded. */}
        {(screen === 'kehadiran' || reading) && <CheckinScreen covered={reading !== null} />}
        {screen === 'pegawai' && <RosterScreen />}
        {screen === 'acara' && <CeremonyScreen openPreflight={() => setScreen('uji')} />}
        {screen === 'ikrar' && !reading && <IkrarScreen />}
        {screen === 'pakta' && <PaktaScreen />}
        {screen === 'ekspor' && <ExportScreen />}
        {screen === 'pengaturan' && (
          <SettingsScreen
            openPreflight={() => setScreen('uji')}
            openNetwork={() => setScreen('jaringan')}
          />
        )}
        {screen === 'kamera' && <CameraSettingsScreen />}
        {screen === 'uji' && !reading && <PreflightScreen />}
        {screen === 'jaringan' && <NetworkScreen openSettings={() => setScreen('pengaturan')} />}
      </main>
      {reading && <ReadingOverlay />}
      {status.data && (
        <footer className="statusbar">
          {shortKioskId(status.data.kioskId)} · {status.data.dbPath}
        </footer>
      )}
    </div>
  )
  // One scan queue and scanner listener for every screen (see GateScanProvider).
  return (
    <GateScanProvider activeCeremonyId={status.data?.activeCeremonyId ?? null}>
      {shell}
    </GateScanProvider>
  )
}
