import fs from 'node:fs'
import { createRequire } from 'node:module'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

// The module's own .wasm, read from disk: by default it would be fetched from a CDN.
const wasm = createRequire(__filename).resolve('zxing-wasm/reader/zxing_reader.wasm')
let ready: Promise<unknown> | null = null

/**
 * Decodes a picture of a QR code (PNG bytes) with zxing-wasm, the decoder the kiosk's camera
 * reads frames with (src/renderer/src/checkin/zxing-decoder.ts), here in the test process.
 * html5-qrcode's file scan, used before, missed a code printed to PDF in about one run in
 * three (the same forms that zxing-wasm read every time); it is only the camera's fallback.
 */
export async function decodeQr(png: Buffer): Promise<string> {
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: fs.readFileSync(wasm).buffer },
    fireImmediately: true,
  })
  await ready
  const [code] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] })
  if (!code?.isValid) throw new Error('Tidak ada kode QR yang terbaca di gambar ini.')
  return code.text
}
