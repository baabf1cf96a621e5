import { useState } from 'react'
import { Notice } from '../components/Notice'
import { useKiosk } from '../data/query'
import { ConnectCard } from './ConnectCard'
import { HubScreen } from './HubScreen'
import { LinkCard } from './LinkCard'

/** Opened from the role badge or Pengaturan: the hub's screen or the gate's, by role. */
export function NetworkScreen({ openSettings }: { openSettings: () => void }) {
  const status = useKiosk('hub.status')
  const [paired, setPaired] = useState<string | null>(null)
  if (status.error) return <Notice kind="error">{status.error.message}</Notice>
  if (!status.data) return null
  if (status.data.role === 'induk') return <HubScreen status={status.data} />
  const link = status.data.gate
  if (status.data.role === 'gerbang') {
    return (
      <section className="screen gate-link-screen">
        {link?.paired && <Notice kind="ok">{paired}</Notice>}
        {link?.paired ? <LinkCard link={link} /> : <ConnectCard onPaired={setPaired} />}
      </section>
    )
  }
  return (
    <section className="screen">
      <div className="card">
        <p>Kiosk ini mandiri: tidak terhubung ke kiosk lain.</p>
        <button onClick={openSettings}>Pilih peran kiosk di Pengaturan</button>
      </div>
    </section>
  )
}
