import type { Ceremony } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { formatTime } from '../../../shared/time'
import { Notice } from '../components/Notice'
import { useKiosk } from '../data/query'

/**
 * One person's history at the ceremony, from the log: every scan attempt, cancellation and
 * reason, with who and when, oldest first. What an officer shows when an arrival is disputed.
 */
export function PersonHistory({ ceremony, nip }: { ceremony: Ceremony; nip: string }) {
  const history = useKiosk('log.personHistory', { nip, ceremonyId: ceremony.id })
  const lines = history.data?.lines ?? []
  return (
    <div className="person-history" data-testid="person-history">
      <h4>Riwayat {formatNip(nip)}</h4>
      {history.error && <Notice kind="error">{history.error.message}</Notice>}
      {history.data && lines.length === 0 && (
        <p className="muted">Belum ada pindaian maupun keterangan untuk NIP ini di acara ini.</p>
      )}
      {lines.length > 0 && (
        <ol>
          {lines.map((l) => (
            <li key={l.seq}>
              <span className="mono">{formatTime(l.at, ceremony.timeZone)}</span> {l.what}{' '}
              <span className="muted">oleh {l.by}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
