import { useState } from 'react'
import type { ArrivalFilter } from '../../../shared/domain'
import { api } from '../api'
import { AttendancePanel } from '../checkin/AttendancePanel'
import { CameraPanel } from '../checkin/CameraPanel'
import { ClockWarning } from '../checkin/ClockWarning'
import { ManualCheckin } from '../checkin/ManualCheckin'
import { OutcomeBanner } from '../checkin/OutcomeBanner'
import { RecentArrivals } from '../checkin/RecentArrivals'
import { playOutcome } from '../checkin/sounds'
import { UndoLast } from '../checkin/UndoLast'
import { useGateScans } from '../checkin/useScanInputs'
import { useShownOutcome } from '../checkin/useShownOutcome'
import { Notice } from '../components/Notice'
import { useAction, useKiosk } from '../data/query'

/** Arrivals the list holds; it scrolls inside its panel. */
const RECENT = 50

/** `covered`: the ikrar reading is on top; outcomes then show as a small notice above it. */
export function CheckinScreen({ covered = false }: { covered?: boolean }) {
  const [missingOpdId, setMissingOpdId] = useState<number | null>(null)
  const [filter, setFilter] = useState<ArrivalFilter>('semua')
  // Re-read on main's `checkin.changed`: arrivals from any input or window move the counts.
  const dash = useKiosk('checkin.dashboard', { missingOpdId, recent: RECENT, filter })
  const banner = useShownOutcome('recorded')
  const listUndo = useAction()
  // A scanner aimed while the search box has focus leaves a key or two there: start it afresh.
  const [scannerScans, setScannerScans] = useState(0)

  const queue = useGateScans((outcome, scan) => {
    if (scan.source === 'pemindai') setScannerScans((n) => n + 1)
    banner.show(outcome)
    playOutcome(outcome.kind)
  })

  // Rejects with the officer's message; each caller shows it where the officer is looking.
  const undo = async (checkinId: number, reason: string) => {
    await api('checkin.undo', { checkinId, reason })
  }
  // Only a refusal is told above the list: the row itself shows the cancellation.
  const undoFromList = (checkinId: number, reason: string) =>
    listUndo.run(async () => {
      await undo(checkinId, reason)
      return null
    })

  if (dash.error) return <Notice kind="error">{dash.error.message}</Notice>
  if (dash.data === undefined) return null
  if (dash.data === null) {
    return (
      <section className="screen">
        <OutcomeBanner outcome={{ kind: 'no-ceremony' }} zone="Asia/Jakarta" ceremony="" />
      </section>
    )
  }
  const d = dash.data
  const zone = d.ceremony.timeZone
  return (
    <section className="screen checkin">
      {covered ? (
        banner.outcome && (
          <div className="outcome-toast">
            <OutcomeBanner outcome={banner.outcome} zone={zone} ceremony={d.ceremony.name} />
          </div>
        )
      ) : (
        <div className="gate-head">
          <OutcomeBanner outcome={banner.outcome} zone={zone} ceremony={d.ceremony.name} />
          <UndoLast last={d.last} zone={zone} onUndo={undo} />
        </div>
      )}
      <ClockWarning clock={d.clock} />
      <div className="checkin-grid">
        <div className="gate-col">
          <CameraPanel onCode={(payload) => queue.push({ payload, source: 'kamera' })} />
          <ManualCheckin
            key={scannerScans}
            zone={zone}
            onCheckin={(nip) => queue.push({ payload: nip, source: 'manual' })}
          />
        </div>
        <AttendancePanel dash={d} onPickOpd={setMissingOpdId} />
        <div className="gate-col">
          {listUndo.notice}
          <RecentArrivals dash={d} zone={zone} onFilter={setFilter} onUndo={undoFromList} />
        </div>
      </div>
    </section>
  )
}
