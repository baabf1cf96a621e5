import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode'

export interface CameraInfo {
  id: string
  label: string
}

/** Our own seam around the decoder, so that html5-qrcode can be swapped without touching the screen. */
export interface CodeScanner {
  start(cameraId: string, onCode: (text: string) => void): Promise<void>
  stop(): Promise<void>
}

/** An Indonesian message for the officer, from the browser's camera errors. */
export function cameraProblem(error: unknown): string {
  const text =
    String((error as Error)?.name ?? '') + ' ' + String((error as Error)?.message ?? error)
  if (/NotAllowed|Permission/i.test(text))
    return 'Izin kamera ditolak. Pemindai USB dan pencarian manual tetap bisa dipakai.'
  if (/NotFound|Requested device not found|no camera/i.test(text)) {
    return 'Tidak ada kamera. Pemindai USB dan pencarian manual tetap bisa dipakai.'
  }
  if (/NotReadable|TrackStart|in use/i.test(text))
    return 'Kamera sedang dipakai aplikasi lain atau tidak bisa dibuka.'
  return `Kamera tidak bisa dipakai (${text.trim()}). Pemindai USB dan pencarian manual tetap bisa dipakai.`
}

export async function listCameras(): Promise<CameraInfo[]> {
  const cameras = await Html5Qrcode.getCameras()
  return cameras.map((c, i) => ({ id: c.id, label: c.label || `Kamera ${i + 1}` }))
}

export function html5QrcodeScanner(elementId: string): CodeScanner {
  const reader = new Html5Qrcode(elementId, {
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    verbose: false,
  })
  return {
    async start(cameraId, onCode) {
      await reader.start(
        cameraId,
        { fps: 15, disableFlip: false },
        (text) => onCode(text),
        () => undefined, // a frame without a code is the normal case, not an error
      )
    },
    async stop() {
      if (reader.isScanning) await reader.stop()
      reader.clear()
    },
  }
}
