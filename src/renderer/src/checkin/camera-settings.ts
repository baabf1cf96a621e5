/** What the officer chose for the camera, remembered on this kiosk. */

export interface Resolution {
  width: number
  height: number
}

/** Small and low-contrast codes need pixels; a weak laptop may need fewer of them. */
export const RESOLUTIONS: readonly (Resolution & { label: string })[] = [
  { width: 1280, height: 720, label: '1280 × 720 (disarankan)' },
  { width: 640, height: 480, label: '640 × 480 (untuk laptop lemah)' },
]

export const CAMERA_KEY = 'kiosk.camera'
const RESOLUTION_KEY = 'kiosk.camera.resolution'

export function savedResolution(): Resolution {
  const saved = localStorage.getItem(RESOLUTION_KEY)
  return RESOLUTIONS.find((r) => `${r.width}x${r.height}` === saved) ?? RESOLUTIONS[0]!
}

export function saveResolution(r: Resolution): void {
  localStorage.setItem(RESOLUTION_KEY, `${r.width}x${r.height}`)
}
