import { useEffect } from 'react'
import type { TimeZoneId } from '../../../shared/time'
import { describeOutcome, OVERLAY_MS, type OutcomeView, type ShownOutcome } from './outcome'
import { RegisterButton, registrableNip } from './RegisterButton'

/** A scan's result, or a scan refused because the officer was editing a form. */
export type OverlayItem = { seq: number } & (
  { outcome: ShownOutcome; refused?: undefined } | { refused: string; outcome?: undefined }
)

const REFUSED: OutcomeView = {
  look: 'refused',
  title: 'Pindaian tidak dicatat: buka layar Kehadiran',
  detail: 'Petugas sedang mengisi formulir. Selesaikan, lalu pindai ulang di layar Kehadiran.',
}

/**
 * What a scan made away from the gate screen came to: the outcome, the person and the NIP,
 * over whatever screen is open, fading after a few seconds.
 */
export function ScanOverlay({
  item,
  zone,
  onDone,
}: {
  item: OverlayItem
  zone: TimeZoneId
  /** The item's own `seq`: the overlay closes only if no newer item came in meanwhile. */
  onDone: (seq: number) => void
}) {
  const view = item.outcome ? describeOutcome(item.outcome, zone) : REFUSED
  const kind = item.outcome?.kind ?? 'refused'
  const register = item.outcome ? registrableNip(item.outcome) : null
  const ms = view.look === 'recorded' ? OVERLAY_MS.ok : OVERLAY_MS.other
  useEffect(() => {
    const timer = setTimeout(() => onDone(item.seq), ms)
    return () => clearTimeout(timer)
  }, [item.seq, ms, onDone])
  return (
    <div
      key={item.seq}
      className={`scan-overlay outcome outcome-${view.look}`}
      style={{ animationDuration: `${ms}ms` }}
      data-testid="scan-overlay"
      data-kind={kind}
      role="alert"
    >
      <div className="outcome-text">
        <div className="outcome-title">{view.title}</div>
        {view.name && <div className="outcome-name">{view.name}</div>}
        {view.nip && <div className="outcome-nip mono">NIP {view.nip}</div>}
        <div className="outcome-detail">{view.detail}</div>
        {register && <RegisterButton nip={register} />}
      </div>
    </div>
  )
}
