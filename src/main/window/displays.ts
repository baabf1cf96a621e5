/** Electron's Display, reduced to what choosing a screen needs, so the choice is tested without it. */
export interface DisplayInfo {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
}

/**
 * The screen the crowd reads from: a display other than the one the kiosk window is on, the
 * largest when there are several (the projector, not a small side monitor). None when the
 * laptop is alone or mirrors its screen (the OS then reports a single display).
 */
export function presenterDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  kioskDisplayId: number,
): D | null {
  const area = (d: D) => d.bounds.width * d.bounds.height
  return displays
    .filter((d) => d.id !== kioskDisplayId)
    .reduce<D | null>((best, d) => (best && area(best) >= area(d) ? best : d), null)
}
