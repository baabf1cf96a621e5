import type { BrowserContext } from '@playwright/test'
import path from 'node:path'

const DECODER = path.resolve(__dirname, '../../node_modules/html5-qrcode/html5-qrcode.min.js')

/**
 * Decodes a picture of a QR code with html5-qrcode, the decoder the kiosk's camera uses, in a
 * blank page of its own (the app's CSP rightly refuses injected scripts).
 */
export async function decodeQr(context: BrowserContext, png: Buffer): Promise<string> {
  const reader = await context.newPage()
  try {
    await reader.setContent('<div id="reader"></div>')
    await reader.addScriptTag({ path: DECODER })
    return await reader.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const file = new File([bytes], 'kartu.png', { type: 'image/png' })
      const lib = (
        globalThis as unknown as {
          __Html5QrcodeLibrary__: {
            Html5Qrcode: new (id: string) => { scanFile(f: File, show: boolean): Promise<string> }
          }
        }
      ).__Html5QrcodeLibrary__
      return new lib.Html5Qrcode('reader').scanFile(file, false)
    }, png.toString('base64'))
  } finally {
    await reader.close()
  }
}
