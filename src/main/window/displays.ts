/** Electron's Display, reduced to what choosing a screen needs, so the choice is tested without it. */
export interface DisplayInfo {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
}

type Bounds = DisplayInfo['bounds']
const overlap = (a: Bounds, b: Bounds) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * The screen the crowd reads from: a display other than the one the kiosk window is on, the
 * largest when there are several (the projector, not a small side monitor). None when the
 * laptop is alone or mirrors its screen (one display, or two on the same spot of the desktop).
 */
export function presenterDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  kioskDisplayId: number,
): D | null {
  const area = (d: D) => d.bounds.width * d.bounds.height
  const kiosk = displays.find((d) => d.id === kioskDisplayId)
  return displays
    .filter((d) => d.id !== kioskDisplayId && !(kiosk && overlap(d.bounds, kiosk.bounds)))
    .reduce<D | null>((best, d) => (best && area(best) >= area(d) ? best : d), null)
}

/**
 * Whether the OS shows one picture on two screens ("Duplikat" / mirror): where it reports them
 * as two displays, they sit on the same spot of the desktop, which extended screens never do.
 * Where it reports a mirror as one display (Windows, macOS usually), nothing here can tell:
 * that is what the officer's setting "Layar dicerminkan ke proyektor" is for.
 */
export function displaysMirrored(displays: readonly DisplayInfo[]): boolean {
  return displays.some((a, i) => displays.slice(i + 1).some((b) => overlap(a.bounds, b.bounds)))
}

/**
 * What a display change does to the projector window, from the display it is on (null: none)
 * and the display it should be on (presenterDisplay): a window on any other display closes, a
 * missing one opens on the target, and whenever a window came or went both windows must be
 * told (the reading is announced again), since whether it shows the reading has changed.
 */
export function presenterMove(
  onDisplay: number | null,
  target: number | null,
): { close: boolean; open: boolean; announce: boolean } {
  const close = onDisplay !== null && onDisplay !== target
  const open = target !== null && (onDisplay === null || close)
  return { close, open, announce: close || open }
}
