import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill'
import QRCode from 'qrcode'
// The .wasm is emitted into the app bundle; zxing-wasm would otherwise fetch it from a CDN.
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

/** What decodes one frame: the video element itself is read at the camera's own resolution. */
export interface FrameDecoder {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageData): Promise<{ rawValue: string }[]>
}

let loading: Promise<FrameDecoder> | null = null

/**
 * zxing-wasm behind the standard BarcodeDetector interface, loaded once from the app itself and
 * warmed as it is handed out. Rejects when the module cannot be instantiated, so the caller
 * can fall back. Calling it early (as the gate screen opens) hides the load from the camera start.
 */
export function loadZxingDecoder(): Promise<FrameDecoder> {
  loading ??= prepareZXingModule({
    overrides: {
      locateFile: (file: string, prefix: string) =>
        file.endsWith('.wasm') ? zxingWasmUrl : prefix + file,
    },
    fireImmediately: true,
  }).then(
    () => {
      const decoder = new BarcodeDetector({ formats: ['qr_code'] })
      // Not awaited: the camera opens meanwhile, and waiting made it live ~90 ms later.
      void warm(decoder)
      return decoder
    },
    (e: unknown) => {
      loading = null // a later camera start may try again
      throw e
    },
  )
  return loading
}

/** A camera-sized grey frame holding one clean code, as the first person's card would look. */
function warmFrame(): ImageData {
  const width = 640
  const height = 480
  const { modules } = QRCode.create('199001012020011001', { errorCorrectionLevel: 'M' })
  const scale = 8
  const quiet = 4
  const side = (modules.size + 2 * quiet) * scale
  const left = (width - side) / 2
  const top = (height - side) / 2
  const image = new ImageData(width, height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor((x - left) / scale) - quiet
      const my = Math.floor((y - top) / scale) - quiet
      const inCard = x >= left && x < left + side && y >= top && y < top + side
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size
      const luma = !inCard ? 150 : dark && modules.get(my, mx) ? 16 : 235
      const i = (y * width + x) * 4
      image.data.fill(luma, i, i + 3)
      image.data[i + 3] = 255
    }
  }
  return image
}

/**
 * One decode of a real code before the first real one. The wasm's functions are compiled on their
 * first call, so the first code read after a start took 13-25 ms instead of 4-6 (measured in a
 * new Chromium profile); the warm-up pays that while the camera is still opening.
 */
async function warm(decoder: FrameDecoder): Promise<void> {
  await decoder.detect(warmFrame()).catch(() => [])
}
