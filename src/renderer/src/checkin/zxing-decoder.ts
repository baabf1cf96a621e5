import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill'
// The .wasm is emitted into the app bundle; zxing-wasm would otherwise fetch it from a CDN.
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

/** What decodes one frame: the video element itself is read at the camera's own resolution. */
export interface FrameDecoder {
  detect(source: HTMLVideoElement | HTMLCanvasElement | ImageData): Promise<{ rawValue: string }[]>
}

let loading: Promise<FrameDecoder> | null = null

/**
 * zxing-wasm behind the standard BarcodeDetector interface, loaded once from the app itself.
 * Rejects when the module cannot be instantiated, so the caller can fall back.
 */
export function loadZxingDecoder(): Promise<FrameDecoder> {
  loading ??= prepareZXingModule({
    overrides: {
      locateFile: (file: string, prefix: string) =>
        file.endsWith('.wasm') ? zxingWasmUrl : prefix + file,
    },
    fireImmediately: true,
  }).then(
    () => new BarcodeDetector({ formats: ['qr_code'] }),
    (e: unknown) => {
      loading = null // a later camera start may try again
      throw e
    },
  )
  return loading
}
