/**
 * Numbers as an Indonesian officer reads them: "1.189", "92,5". One formatter for every screen
 * and message, so the same count never appears once as "1189" and once as "1.189". Built on a
 * fixed locale rather than the machine's, so an English Windows still shows Indonesian numbers.
 */
const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 })

export const formatCount = (n: number): string => whole.format(n)

/** A share 0..1 as a percentage with at most one decimal: 0.925 -> "92,5%". */
export const formatPercent = (share: number): string => `${oneDecimal.format(share * 100)}%`

const UNITS = ['byte', 'KB', 'MB', 'GB', 'TB']

/** A size as Windows Explorer shows it (powers of 1024): "850 MB", "12,3 GB". */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? whole.format(value) : oneDecimal.format(value)} ${UNITS[unit]}`
}
