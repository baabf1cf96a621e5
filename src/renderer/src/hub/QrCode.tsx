import { qrPath, QUIET_ZONE } from '../roster/qr-path'

/**
 * A QR code drawn as vector squares, for a camera across the table: the pairing code a gate
 * reads, or the address a phone opens. `label` names it for a screen reader.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const qr = qrPath(text)
  const side = qr.size + 2 * QUIET_ZONE
  return (
    <svg
      className="hub-qr"
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-text={text}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qr.d} transform={`translate(${QUIET_ZONE} ${QUIET_ZONE})`} fill="#000" />
    </svg>
  )
}
