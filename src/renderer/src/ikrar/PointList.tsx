/** The ikrar's points in reading order: reword, add, remove, move up or down. */
export function PointList({
  points,
  onChange,
}: {
  points: string[]
  onChange: (points: string[]) => void
}) {
  const swap = (i: number, j: number) => {
    const next = [...points]
    ;[next[i], next[j]] = [next[j]!, next[i]!]
    onChange(next)
  }
  return (
    <fieldset className="ikrar-points">
      <legend>Butir ikrar ({points.length})</legend>
      <ol>
        {points.map((p, i) => (
          <li key={i} data-testid="ikrar-point-row">
            <textarea
              rows={2}
              aria-label={`Butir ${i + 1}`}
              value={p}
              onChange={(e) => onChange(points.map((q, k) => (k === i ? e.target.value : q)))}
            />
            <div className="ikrar-point-actions">
              <button
                type="button"
                aria-label={`Naikkan butir ${i + 1}`}
                disabled={i === 0}
                onClick={() => swap(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Turunkan butir ${i + 1}`}
                disabled={i === points.length - 1}
                onClick={() => swap(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Hapus butir ${i + 1}`}
                disabled={points.length === 1}
                onClick={() => onChange(points.filter((_, k) => k !== i))}
              >
                Hapus
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...points, ''])}>
        Tambah butir
      </button>
    </fieldset>
  )
}
