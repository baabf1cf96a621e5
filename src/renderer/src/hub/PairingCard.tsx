import type { HubSide } from '../../../shared/contract/hub'
import { api } from '../api'
import { useAction } from '../data/query'
import { QrCode } from './QrCode'
import { describeRemaining } from './time-words'
import { useNow } from './useNow'

/**
 * Pairing a gate: one code at a time, valid a few minutes and once. The QR is large enough for
 * a laptop camera across the table; the same code is printed to type when a camera cannot read.
 */
export function PairingCard({ hub }: { hub: HubSide }) {
  const action = useAction()
  const now = useNow()
  const offer = hub.pairing
  const live = offer && Date.parse(offer.expiresAt) > now ? offer : null
  const newOffer = () =>
    action.run(async () => {
      await api('hub.pairingOffer')
      return null
    })
  return (
    <div className="card pairing" role="group" aria-label="Sambungkan gerbang">
      <div className="toolbar">
        <h2>Sambungkan gerbang</h2>
        <button
          className={live ? undefined : 'primary'}
          disabled={action.busy}
          onClick={() => void newOffer()}
        >
          {live ? 'Buat kode baru' : 'Buat kode pasangan'}
        </button>
      </div>
      {action.notice}
      {live ? (
        <div className="pairing-offer">
          <QrCode text={live.qr} label="QR pasangan kiosk induk" testId="pairing-qr" />
          <dl className="facts">
            <dt>Kode</dt>
            <dd className="pairing-code mono" data-testid="pairing-code">
              {live.code}
            </dd>
            <dt>Alamat</dt>
            <dd className="mono">
              {live.address}:{live.port}
            </dd>
            <dt>Berlaku</dt>
            <dd data-testid="pairing-expiry">{describeRemaining(live.expiresAt, now)} lagi</dd>
          </dl>
          <p className="muted">
            Di laptop gerbang: Pengaturan, Peran kiosk "Kiosk gerbang", lalu "Pindai QR kiosk induk"
            dan arahkan kameranya ke QR ini, atau ketik alamat dan kodenya. Satu kode untuk satu
            gerbang.
          </p>
        </div>
      ) : (
        <p className="muted" data-testid="pairing-none">
          {offer
            ? 'Kode pasangan sudah habis waktunya. Buat kode baru untuk gerbang berikutnya.'
            : 'Buat kode pasangan, lalu pindai QR-nya dengan kamera laptop gerbang.'}
        </p>
      )}
    </div>
  )
}
