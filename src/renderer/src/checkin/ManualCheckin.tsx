import { useState } from 'react'
import { useCall } from '../hooks/useCall'

/** For a forgotten card: find the person by name or NIP and record them as manual. */
export function ManualCheckin({ onCheckin }: { onCheckin: (payload: string) => void }) {
  const [query, setQuery] = useState('')
  // Names and masked NIPs only: the gate is public; `pick` stands in for the NIP.
  const found = useCall('checkin.findPerson', { query, limit: 6 })
  const results = query.trim().length >= 3 ? (found.data ?? []) : []
  const pick = (payload: string) => {
    onCheckin(payload)
    setQuery('')
  }
  return (
    <div className="manual">
      <input
        type="search"
        aria-label="Cari nama atau NIP untuk hadir manual"
        placeholder="Kartu tertinggal? Cari nama atau NIP"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results.length === 1) pick(results[0]!.pick)
        }}
      />
      {results.length > 0 && (
        <ul className="manual-results">
          {results.map((p) => (
            <li key={p.pick}>
              <span>
                <b>{p.name}</b> · {p.opdName} · <span className="mono">{p.nipMasked}</span>
              </span>
              <button onClick={() => pick(p.pick)} aria-label={`Catat hadir ${p.name}`}>
                Catat hadir
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
