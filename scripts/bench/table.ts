/** One line of the benchmark table: a figure, the bare baseline measured in the same run, and the target. */
export interface BenchRow {
  name: string
  value: string
  baseline?: string
  ratio?: string
  target?: string
  ok?: boolean
}

export function printTable(rows: BenchRow[]): void {
  const header = ['benchmark', 'figure', 'baseline', 'ratio', 'target', '']
  const lines = rows.map((r) => [
    r.name,
    r.value,
    r.baseline ?? '',
    r.ratio ?? '',
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'OK' : 'MISSED',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  console.log(fmt(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const l of lines) console.log(fmt(l))
}

/** Percentile of a sorted list of numbers. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Peak resident memory of this process so far, in MB (Linux reports maxRSS in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}
