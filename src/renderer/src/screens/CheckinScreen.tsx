import { useEffect, useState } from 'react'
import { api } from '../api'
import { AttendancePanel } from '../checkin/AttendancePanel'
import { CameraPanel } from '../checkin/CameraPanel'
import { ClockWarning } from '../checkin/ClockWarning'
import { ManualCheckin } from '../checkin/ManualCheckin'
import { OutcomeBanner } from '../checkin/OutcomeBanner'
import type { ShownOutcome } from '../checkin/outcome'
import { RecentArrivals } from '../checkin/RecentArrivals'
import { playOutcome } from '../checkin/sounds'
import { useScanInputs } from '../checkin/useScanInputs'
import { Notice } from '../components/Notice'
import { useCall } from '../hooks/useCall'

/** How long an outcome stays before the screen returns to "ready" by itself. */
const SHOW_MS = { ok: 2500, other: 5000 }

/** `covered`: the ikrar reading is on top; outcomes then show as a small notice above it. */
export function CheckinScreen({ covered = false }: { covered?: boolean }) {
  const [missingOpdId, setMissingOpdId] = useState<number | null>(null)
  const dash = useCall('checkin.dashboard', { missingOpdId, recent: 8 })
  const [shown, setShown] = useState<{ outcome: ShownOutcome; seq: number } | null>(null)
  const [undoError, setUndoError] = useState<string | null>(null)
  // A scanner aimed while the search box has focus leaves a key or two there: start it afresh.
  const [scannerScans, setScannerScans] = useState(0)

  const queue = useScanInputs(
    (scan) =>
      api('checkin.scan', scan).catch((e: Error): ShownOutcome => ({
        kind: 'failed',
        reason: e.message,
      })),
    (outcome, scan) => {
      if (scan.source === 'pemindai') setScannerScans((n) => n + 1)
      setShown((s) => ({ outcome, seq: (s?.seq ?? 0) + 1 }))
      playOutcome(outcome.kind)
      dash.reload()
    },
  )

  useEffect(() => {
    if (!shown) return
    const ms = shown.outcome.kind === 'recorded' ? SHOW_MS.ok : SHOW_MS.other
    const timer = setTimeout(() => setShown(null), ms)
    return () => clearTimeout(timer)
  }, [shown])

  const undo = async (checkinId: number, reason: string) => {
    try {
      await api('checkin.undo', { checkinId, reason })
      setUndoError(null)
      dash.reload()
    } catch (e) {
      setUndoError((e as Error).message)
      throw e
    }
  }

  if (dash.error) return <Notice kind="error">{dash.error}</Notice>
  if (dash.data === undefined) return null
  if (dash.data === null) {
    return (
      <section className="screen">
        <OutcomeBanner outcome={{ kind: 'no-ceremony' }} zone="Asia/Jakarta" ceremony="" />
      </section>
    )
  }
  const d = dash.data
  return (
    <section className="screen checkin">
      {covered ? (
        shown && (
          <div className="outcome-toast">
            <OutcomeBanner
              outcome={shown.outcome}
              zone={d.ceremony.timeZone}
              ceremony={d.ceremony.name}
            />
          </div>
        )
      ) : (
        <OutcomeBanner
          outcome={shown?.outcome ?? null}
          zone={d.ceremony.timeZone}
          ceremony={d.ceremony.name}
        />
      )}
      <ClockWarning clock={d.clock} />
      <div className="checkin-grid">
        <div className="checkin-inputs">
          <CameraPanel onCode={(payload) => queue.push({ payload, source: 'kamera' })} />
          <ManualCheckin
            key={scannerScans}
            onCheckin={(nip) => queue.push({ payload: nip, source: 'manual' })}
          />
        </div>
        <AttendancePanel dash={d} onPickOpd={setMissingOpdId} />
        <div>
          {undoError && <Notice kind="error">{undoError}</Notice>}
          <RecentArrivals arrivals={d.recent} zone={d.ceremony.timeZone} onUndo={undo} />
        </div>
      </div>
    </section>
  )
}
