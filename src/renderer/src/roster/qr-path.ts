import QRCode from 'qrcode'

/** White modules a reader needs around the code (the QR standard asks for 4). */
export const QUIET_ZONE = 4

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number
  /** SVG path of the dark modules, one rectangle per horizontal run, in module units. */
  d: string
}

/**
 * The QR code for a card (or a pakta form) as one SVG path. Level Q (25% may be lost) so a worn or folded card
 * still reads; 18 digits and NA-000001 both still fit the smallest code (21 x 21), which keeps
 * modules large on a 38 mm square. Built here rather than as an image so the printer gets
 * vector squares and the sheet has no image to wait for.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' })
  const runs: string[] = []
  for (let y = 0; y < modules.size; y++) {
    let x = 0
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++
        continue
      }
      const start = x
      while (x < modules.size && modules.get(y, x)) x++
      runs.push(`M${start} ${y}h${x - start}v1h${start - x}z`)
    }
  }
  return { size: modules.size, d: runs.join('') }
}
