import { useState } from 'react'
import { formatNip } from '../../../shared/nip'
import { useCall } from '../hooks/useCall'

/** For a forgotten card: find the person by name or NIP and record them as manual. */
export function ManualCheckin({ onCheckin }: { onCheckin: (nip: string) => void }) {
  const [query, setQuery] = useState('')
  const found = useCall('roster.search', {
    query,
    opdId: null,
    includeInactive: false,
    limit: 6,
    offset: 0,
  })
  const results = query.trim().length >= 3 ? (found.data?.rows ?? []) : []
  const pick = (nip: string) => {
    onCheckin(nip)
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
          if (e.key === 'Enter' && results.length === 1) pick(results[0]!.nip)
        }}
      />
      {results.length > 0 && (
        <ul className="manual-results">
          {results.map((p) => (
            <li key={p.id}>
              <span>
                <b>{p.name}</b> · {p.opdName} · <span className="mono">{formatNip(p.nip)}</span>
              </span>
              <button onClick={() => pick(p.nip)} aria-label={`Catat hadir ${p.name}`}>
                Catat hadir
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
