import { useEffect } from 'react'
import { formatNip } from '../../../shared/nip'
import type { TimeZoneId } from '../../../shared/time'
import { describeOutcome, type ShownOutcome } from './outcome'

/** A scan's result, or a scan refused because the officer was editing a form. */
export type OverlayItem = { seq: number } & (
  { outcome: ShownOutcome; refused?: undefined } | { refused: string; outcome?: undefined }
)

/** Long enough to read from the desk; a problem stays longer than a plain arrival. */
const SHOW_MS = { ok: 3500, other: 6000 }

function nipOf(o: ShownOutcome): string | null {
  if (o.kind === 'recorded' || o.kind === 'duplicate') return o.person.nip
  if (o.kind === 'unknown') return o.nip
  return null
}

function viewOf(item: OverlayItem, zone: TimeZoneId) {
  if (item.refused !== undefined) {
    return {
      tone: 'bad',
      kind: 'refused',
      title: 'Pindaian tidak dicatat: buka layar Kehadiran',
      name: undefined,
      nip: null,
      detail: 'Petugas sedang mengisi formulir. Selesaikan, lalu pindai ulang di layar Kehadiran.',
    }
  }
  const nip = nipOf(item.outcome)
  return { ...describeOutcome(item.outcome, zone), kind: item.outcome.kind, nip }
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
  onDone: () => void
}) {
  const view = viewOf(item, zone)
  const ms = view.kind === 'recorded' ? SHOW_MS.ok : SHOW_MS.other
  useEffect(() => {
    const timer = setTimeout(onDone, ms)
    return () => clearTimeout(timer)
  }, [item.seq, ms, onDone])
  return (
    <div
      key={item.seq}
      className={`scan-overlay outcome outcome-${view.tone}`}
      style={{ animationDuration: `${ms}ms` }}
      data-testid="scan-overlay"
      data-kind={view.kind}
      role="alert"
    >
      <div className="outcome-title">{view.title}</div>
      {view.name && <div className="outcome-name">{view.name}</div>}
      {view.nip && <div className="mono">NIP {formatNip(view.nip)}</div>}
      <div className="outcome-detail">{view.detail}</div>
    </div>
  )
}
