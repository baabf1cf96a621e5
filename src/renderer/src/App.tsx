import { useState } from 'react'
import type { IkrarReading } from '../../shared/ikrar'
import { shortKioskId } from '../../shared/kiosk-id'
import { api } from './api'
import { DemoBanner } from './components/DemoBanner'
import { GateScanProvider } from './checkin/GateScanProvider'
import { PinDialog } from './components/PinDialog'
import { useCall } from './hooks/useCall'
import { ReadingOverlay } from './ikrar/ReadingOverlay'
import { CameraSettingsScreen } from './screens/CameraSettingsScreen'
import { CeremonyScreen } from './screens/CeremonyScreen'
import { CheckinScreen } from './screens/CheckinScreen'
import { ExportScreen } from './screens/ExportScreen'
import { HomeScreen } from './screens/HomeScreen'
import { IkrarScreen } from './screens/IkrarScreen'
import { RosterScreen } from './screens/RosterScreen'
import { SettingsScreen } from './screens/SettingsScreen'

const SCREENS = {
  beranda: 'Beranda',
  kehadiran: 'Kehadiran',
  pegawai: 'Data Pegawai',
  acara: 'Acara',
  ikrar: 'Ikrar',
  ekspor: 'Ekspor',
  pengaturan: 'Pengaturan',
  kamera: 'Kamera',
} as const
type Screen = keyof typeof SCREENS

export function App() {
  const [screen, setScreen] = useState<Screen | null>(null)
  const status = useCall('app.status')
  // Decided once, on the first status: a kiosk restarted during the event opens straight onto
  // the gate; later changes (the demo loaded) never move the officer away from their screen.
  if (screen === null && status.data !== undefined) {
    const ready = status.data.employees > 0 && status.data.activeCeremonyId !== null
    setScreen(ready ? 'kehadiran' : 'beranda')
  }
  const officer = useCall('auth.status')
  // A reading left running (the app reloaded) is picked up again; one just closed is not.
  const running = useCall('ikrar.reading')
  const [started, setStarted] = useState<IkrarReading | null>(null)
  const [closedId, setClosedId] = useState<number | null>(null)
  const reading = started ?? (running.data?.readingId === closedId ? null : (running.data ?? null))
  const shell = (
    // Mirrored to the projector: the gate's latecomer notices stay off this screen (styles.css).
    <div className={reading?.mirrored ? 'app mirrored' : 'app'}>
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
      {status.data?.demo && <DemoBanner demo={status.data.demo} onRemoved={status.reload} />}
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
        {/* Check-in stays live under the reading, so late arrivals are still recorded. */}
        {(screen === 'kehadiran' || reading) && <CheckinScreen covered={reading !== null} />}
        {screen === 'pegawai' && <RosterScreen onChanged={status.reload} />}
        {screen === 'acara' && <CeremonyScreen onChanged={status.reload} />}
        {screen === 'ikrar' && !reading && <IkrarScreen onStartReading={setStarted} />}
        {screen === 'ekspor' && <ExportScreen />}
        {screen === 'pengaturan' && <SettingsScreen />}
        {screen === 'kamera' && <CameraSettingsScreen />}
      </main>
      {reading && (
        <ReadingOverlay
          initial={reading}
          onClosed={() => {
            setClosedId(reading.readingId)
            setStarted(null)
          }}
        />
      )}
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
