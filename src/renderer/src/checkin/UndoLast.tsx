import { useState } from 'react'
import type { Arrival } from '../../../shared/domain'
import { formatTime, type TimeZoneId } from '../../../shared/time'
import { useAction } from '../data/query'

/** The mistakes officers make most at a gate, one tap each; anything else is typed. */
const REASONS = ['Kartu milik orang lain', 'Salah pilih nama', 'Terpindai tidak sengaja']

/**
 * One tap beside the banner for the commonest mistake: the last record was wrong. A reason is
 * still asked (one tap on a usual one), and the officer's PIN, as for any cancellation.
 */
export function UndoLast({
  last,
  zone,
  onUndo,
}: {
  last: Arrival | null
  zone: TimeZoneId
  onUndo: (checkinId: number, reason: string) => Promise<void>
}) {
  const [asking, setAsking] = useState(false)
  const [other, setOther] = useState('')
  const action = useAction()
  const said = action.message
  const who = last ? (last.name ?? last.nip) : null

  const cancel = (reason: string) => {
    if (!last) return
    void action.run(async () => {
      await onUndo(last.checkinId, reason)
      setAsking(false)
      setOther('')
      return `Dibatalkan: ${who}`
    })
  }

  if (asking && last) {
    return (
      <div className="undo-last" role="group" aria-label="Alasan membatalkan pindaian terakhir">
        <div className="undo-last-ask">
          <p className="undo-last-who">
            Batalkan <b>{who}</b>?
          </p>
          <button onClick={() => setAsking(false)}>Tutup</button>
        </div>
        {REASONS.map((r) => (
          <button key={r} disabled={action.busy} onClick={() => cancel(r)}>
            {r}
          </button>
        ))}
        <form
          className="undo-last-other"
          onSubmit={(e) => {
            e.preventDefault()
            cancel(other)
          }}
        >
          <input
            aria-label="Alasan lain"
            placeholder="Alasan lain"
            value={other}
            onChange={(e) => setOther(e.target.value)}
          />
          <button type="submit" disabled={action.busy}>
            OK
          </button>
        </form>
        {said?.kind === 'error' && (
          <p className="bad" role="alert">
            {said.text}
          </p>
        )}
      </div>
    )
  }
  return (
    <div className="undo-last">
      <button
        className="undo-last-button"
        disabled={!last}
        onClick={() => {
          action.say(null)
          setAsking(true)
        }}
      >
        Batalkan pindaian terakhir
      </button>
      <p className="undo-last-who muted" data-testid="undo-last-who">
        {last ? `${who} · ${formatTime(last.at, zone)}` : 'Belum ada pindaian.'}
      </p>
      {said && (
        <p className={said.kind === 'ok' ? 'undo-last-done' : 'bad'} role="status">
          {said.text}
        </p>
      )}
    </div>
  )
}
