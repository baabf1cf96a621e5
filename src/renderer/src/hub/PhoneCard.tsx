import type { HubServerInfo } from '../../../shared/contract/hub'
import { QrCode } from './QrCode'

/** The read-only page for the Bupati's or the Sekda's phone: counts only, never names or NIPs. */
export function PhoneCard({ server }: { server: HubServerInfo }) {
  return (
    <div className="card phone-card" role="group" aria-label="Halaman ponsel">
      <h2>Halaman ponsel</h2>
      <div className="pairing-offer">
        <QrCode text={server.phoneUrl} label="QR halaman ponsel" testId="phone-qr" />
        <div>
          <p className="mono" data-testid="phone-url">
            {server.phoneUrl}
          </p>
          <p className="muted">
            Pindai dengan ponsel di jaringan yang sama (hotspot atau router): jumlah hadir per OPD
            dan per gerbang, diperbarui sendiri, tanpa nama dan NIP.
          </p>
        </div>
      </div>
    </div>
  )
}
