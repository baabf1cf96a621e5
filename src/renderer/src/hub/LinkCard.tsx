import { useState } from 'react'
import type { GateLink } from '../../../shared/contract/hub'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction } from '../data/query'
import { describeAgo, describeOffset } from './time-words'
import { useNow } from './useNow'

/**
 * A paired gate's link: whether the hub hears it, what is still to send, and its clock against
 * the hub's. Scans are on this laptop's disk before the screen confirms them; the backlog only
 * says what the hub has not acknowledged yet, and goes by itself when the network returns.
 */
export function LinkCard({ link }: { link: GateLink }) {
  const now = useNow()
  const action = useAction()
  const [leaving, setLeaving] = useState(false)
  const pushNow = () =>
    action.run(async () => {
      const after = await api('hub.pushNow')
      return after.backlog === 0
        ? 'Semua pindaian sudah terkirim ke kiosk induk.'
        : `Belum terkirim: ${formatCount(after.backlog)}. ${after.lastError ?? ''}`.trim()
    })
  const unpair = () =>
    action.run(async () => {
      await api('hub.unpair')
      setLeaving(false)
      return 'Sambungan ke kiosk induk dilepas. Kedatangan yang tercatat di laptop ini tetap ada.'
    })
  return (
    <div className="card" role="group" aria-label="Sambungan ke kiosk induk">
      <div className="toolbar">
        <h2>{link.label ?? 'Kiosk gerbang'}</h2>
        <span
          className={link.online ? 'badge' : 'badge badge-bad'}
          data-testid="gate-online"
          data-online={link.online}
        >
          {link.online ? 'Tersambung ke kiosk induk' : 'Terputus dari kiosk induk'}
        </span>
      </div>
      {action.notice}
      {!link.online && link.lastError && <p className="bad">{link.lastError}</p>}
      <dl className="facts">
        <dt>Belum terkirim</dt>
        <dd data-testid="gate-backlog">{formatCount(link.backlog)}</dd>
        <dt>Jam laptop ini</dt>
        <dd data-testid="gate-offset">{describeOffset(link.offsetMs)}</dd>
        <dt>Kontak terakhir</dt>
        <dd>{describeAgo(link.lastContact, now)}</dd>
        <dt>Acara</dt>
        <dd>{link.ceremonyName ?? 'belum diambil dari kiosk induk'}</dd>
        <dt>Kiosk induk</dt>
        <dd className="mono">
          {link.hubAddress}:{link.hubPort}
        </dd>
        <dt>Sidik sertifikat</dt>
        <dd className="mono">{link.hubCertFingerprint}</dd>
      </dl>
      <p className="muted">
        Pindaian tersimpan di laptop ini lebih dulu, lalu dikirim; bila jaringan putus, gerbang
        tetap mencatat dan mengirim sendiri setelah tersambung lagi. Keterlambatan diputuskan dengan
        jam kiosk induk.
      </p>
      <div className="toolbar">
        <button disabled={action.busy} onClick={() => void pushNow()}>
          Kirim sekarang
        </button>
        {leaving ? (
          <span className="actions">
            Lepas sambungan? Gerbang berhenti mengirim sampai dipasangkan lagi.
            <button disabled={action.busy} onClick={() => void unpair()}>
              Ya, lepas
            </button>
            <button onClick={() => setLeaving(false)}>Batal</button>
          </span>
        ) : (
          <button onClick={() => setLeaving(true)}>Lepas dari kiosk induk…</button>
        )}
      </div>
    </div>
  )
}
