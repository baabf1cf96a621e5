import type { ReactNode } from 'react'
import { formatCount } from '../../../shared/format'

/**
 * "Bagian 2 dari 7: kartu 3.001–6.000" with the buttons to move between the parts of a print
 * job too long for one (the card sheet, the pakta forms). Nothing when there is one part.
 */
export function PartNav({
  part,
  parts,
  size,
  noun,
  testId,
  onPart,
  children,
}: {
  part: number
  parts: readonly (readonly unknown[])[]
  /** Items per part: where this part starts. */
  size: number
  /** What is counted: "kartu", "formulir". */
  noun: string
  testId: string
  onPart: (part: number) => void
  /** Said after the range, e.g. " (sudah ditandai)". */
  children?: ReactNode
}) {
  if (parts.length < 2) return null
  const from = part * size
  return (
    <div className="cards-parts">
      <button disabled={part === 0} onClick={() => onPart(part - 1)}>
        Bagian sebelumnya
      </button>
      <span data-testid={testId}>
        Bagian {part + 1} dari {parts.length}: {noun} {formatCount(from + 1)}–
        {formatCount(from + (parts[part]?.length ?? 0))}
        {children}
      </span>
      <button disabled={part === parts.length - 1} onClick={() => onPart(part + 1)}>
        Bagian berikutnya
      </button>
    </div>
  )
}
