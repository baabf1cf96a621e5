import { useEffect, useEffectEvent, useState } from 'react'
import type { TimeZoneId } from '../../../shared/time'
import { api } from '../api'
import { CameraPanel } from '../checkin/CameraPanel'
import { useGateHub } from '../checkin/GateScanProvider'
import { useShownOutcome } from '../checkin/useShownOutcome'
import { OutcomeBanner } from '../checkin/OutcomeBanner'
import type { ShownOutcome } from '../checkin/outcome'
import type { QueuedScan } from '../checkin/scan-queue'
import { playOutcome } from '../checkin/sounds'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'

const receive = (scan: QueuedScan): Promise<ShownOutcome> =>
  api('pakta.receive', scan).catch((e: Error): ShownOutcome => ({
    kind: 'failed',
    reason: e.message,
  }))

/**
 * "Pakta diterima": while on, the app's one scan queue sends every scan (the scanner on this
 * screen, the camera here) to the pakta receipt instead of check-in, and this banner shows
 * what became of it. Leaving the screen, or "Selesai", gives the scanner back to check-in: the
 * mode never outlives the screen that shows its results.
 */
export function ReceiveMode({ zone, ceremonyName }: { zone: TimeZoneId; ceremonyName: string }) {
  const officer = useKiosk('attendance.officer')
  const [draft, setDraft] = useState<string | null>(null)
  const [on, setOn] = useState(false)
  const banner = useShownOutcome('pakta-received')
  const hub = useGateHub()
  const action = useAction()
  const name = draft ?? officer.data ?? ''

  const heard = useEffectEvent((outcome: ShownOutcome) => {
    banner.show(outcome)
    playOutcome(outcome.kind)
  })
  useEffect(() => {
    if (!on) return
    hub.setMode(receive)
    const stop = hub.listen((outcome) => heard(outcome))
    return () => {
      hub.setMode(null)
      stop()
    }
  }, [on, hub])

  const start = () =>
    action.run(async () => {
      // Every receipt names its officer: the name is asked for before the first one.
      if (name.trim() !== officer.data) await api('attendance.setOfficer', { name })
      setOn(true)
      return null
    }, [keys.call('attendance.officer')])

  if (!on) {
    return (
      <div className="card pakta-mode">
        <h2>Mode Pakta diterima</h2>
        <p className="muted">
          Pindai QR di formulir pakta yang sudah ditandatangani (pemindai atau kamera). Selama mode
          ini menyala, pindaian tidak dicatat sebagai kehadiran.
        </p>
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault()
            void start()
          }}
        >
          <label>
            Nama petugas penerima{' '}
            <input value={name} maxLength={100} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <button className="primary" disabled={action.busy || !name.trim()}>
            Mulai menerima pakta
          </button>
        </form>
        {action.notice}
      </div>
    )
  }
  return (
    <div className="card pakta-mode on" data-testid="pakta-mode">
      <div className="pakta-mode-head">
        <OutcomeBanner
          outcome={banner.outcome}
          zone={zone}
          ceremony={ceremonyName}
          ready="Tunjukkan QR formulir pakta ke kamera atau pindai"
        />
        <div className="actions">
          <span className="muted">Penerima: {officer.data}</span>
          <button onClick={() => setOn(false)}>Selesai menerima pakta</button>
        </div>
      </div>
      <CameraPanel onCode={(payload) => hub.push({ payload, source: 'kamera' })} />
    </div>
  )
}
