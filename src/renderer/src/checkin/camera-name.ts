/**
 * The name an officer can recognise for a camera. Browsers report labels such as
 * "Integrated Webcam (0c45:6713)", "fake_device_0" or a file path: the USB ids go, and a label
 * that reads like a device id or a file becomes "Kamera 1". The raw label stays available for
 * the technical details.
 */
export function cameraName(label: string, index: number): string {
  const tidy = label.replace(/\s*\([0-9a-f]{4}:[0-9a-f]{4}\)\s*$/i, '').trim()
  const path = /^(\/|[a-z]:\\)/i.test(tidy)
  const oneToken = !/\s/.test(tidy) && /[_./\\:\d]/.test(tidy)
  return tidy === '' || path || oneToken ? `Kamera ${index + 1}` : tidy
}
