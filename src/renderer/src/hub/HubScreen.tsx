import type { RoleStatus } from '../../../shared/contract/hub'
import { Notice } from '../components/Notice'
import { useKiosk } from '../data/query'
import { CombinedCounts } from './CombinedCounts'
import { GateTable } from './GateTable'
import { HubServerCard } from './HubServerCard'
import { PairingCard } from './PairingCard'
import { PhoneCard } from './PhoneCard'

/**
 * The hub's screen for the officer coordinating the gates: hub mode, pairing, the gates and
 * the combined count. Main's `hub.changed` and `checkin.changed` keep every part current.
 */
export function HubScreen({ status }: { status: RoleStatus }) {
  const dash = useKiosk('hub.dashboard')
  const ceremonies = useKiosk('ceremony.list')
  const zone = ceremonies.data?.find((c) => c.active)?.timeZone ?? 'Asia/Jakarta'
  const hub = status.hub
  const server = hub?.listening ? hub.server : null
  return (
    <section className="screen hub-screen">
      <div className="hub-grid">
        <div>
          <HubServerCard hub={hub} />
          {hub && server && <PairingCard hub={hub} />}
          {server && <PhoneCard server={server} />}
        </div>
        <div>
          {dash.error && <Notice kind="error">{dash.error.message}</Notice>}
          {dash.data && (
            <>
              {dash.data.ceremony ? (
                <p className="muted" data-testid="hub-ceremony">
                  Acara: {dash.data.ceremony.name}
                </p>
              ) : (
                <Notice kind="info">
                  Belum ada acara aktif. Aktifkan acara di menu Acara: gerbang mengambilnya dari
                  sini.
                </Notice>
              )}
              <GateTable gates={dash.data.gates} />
              <CombinedCounts dash={dash.data} zone={zone} />
            </>
          )}
        </div>
      </div>
    </section>
  )
}
