import { useRef, useState } from 'react'
import { GATE_SEARCH_MIN } from '../../../shared/domain'
import { formatCount } from '../../../shared/format'
import { formatTime, type TimeZoneId } from '../../../shared/time'
import { useKiosk } from '../data/query'

const LIMIT = 20

/**
 * For a forgotten card: find the person by name or NIP and record them as manual. Each match
 * says whether the person is already here; the results scroll inside this panel, never the page.
 * Names and masked NIPs only, since the gate is public: `pick` stands in for the NIP.
 * Every arrival or cancellation (main's `checkin.changed`) re-reads it, so "sudah hadir" stays true.
 */
export function ManualCheckin({
  onCheckin,
  zone,
}: {
  onCheckin: (pick: string) => void
  zone: TimeZoneId
}) {
  const [query, setQuery] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const found = useKiosk('checkin.findPerson', { query, limit: LIMIT })
  const searching = query.trim().length >= GATE_SEARCH_MIN
  const results = searching ? (found.data?.rows ?? []) : []
  // While the box's newest text is still being looked up, the rows shown are an older text's:
  // they stay in view (no flicker) but cannot be picked, as the fresh list may move or drop
  // the row under the officer's finger.
  const stale = found.isPlaceholderData
  const pick = (payload: string) => {
    onCheckin(payload)
    setQuery('')
    // The picked row disappears with the list: focus goes back to the search box, ready for
    // the next card, and the gate's banner is brought into view for the person in front.
    input.current?.focus()
    document.querySelector('[data-testid="outcome"]')?.scrollIntoView({ block: 'nearest' })
  }
  return (
    <div className="gate-panel manual">
      <input
        ref={input}
        type="search"
        aria-label="Cari nama atau NIP untuk hadir manual"
        placeholder="Kartu tertinggal? Cari nama atau NIP"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !stale && results.length === 1 && !results[0]!.arrivedAt)
            pick(results[0]!.pick)
        }}
      />
      {!searching && query.trim() !== '' && (
        <p className="manual-hint muted">Ketik minimal {GATE_SEARCH_MIN} huruf atau angka.</p>
      )}
      {searching && found.data && (
        <p className="manual-hint muted" data-testid="manual-count">
          {found.data.total === 0
            ? 'Tidak ada pegawai aktif dengan nama atau NIP itu.'
            : found.data.total > results.length
              ? `${formatCount(results.length)} dari ${formatCount(found.data.total)} pegawai; ketik lebih lengkap.`
              : `${formatCount(found.data.total)} pegawai ditemukan.`}
        </p>
      )}
      {results.length > 0 && (
        <ul className="manual-results gate-scroll" aria-label="Hasil pencarian" aria-busy={stale}>
          {results.map((p) => (
            <li key={p.pick} data-testid="manual-result">
              <span>
                <b>{p.name}</b> · {p.opdName} · <span className="mono">{p.nipMasked}</span>
              </span>
              {p.arrivedAt ? (
                <span className="manual-present">Sudah hadir {formatTime(p.arrivedAt, zone)}</span>
              ) : (
                <button
                  disabled={stale}
                  onClick={() => pick(p.pick)}
                  aria-label={`Catat hadir ${p.name}, NIP ${p.nipMasked}`}
                >
                  Catat hadir
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
