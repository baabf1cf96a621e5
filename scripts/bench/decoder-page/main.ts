// The decoder benchmark's page: both decoders, as the app bundles them, read the same frames.
import { Html5QrcodeSupportedFormats } from 'html5-qrcode'
import { Html5QrcodeShim } from 'html5-qrcode/esm/code-decoder'
import { BaseLoggger } from 'html5-qrcode/esm/core'
import { loadZxingDecoder } from '../../../src/renderer/src/checkin/zxing-decoder'
import type { BenchFrames, DecoderRun } from '../decoder-run'

type Decode = (canvas: HTMLCanvasElement) => Promise<string | null>

async function decoders(): Promise<Record<'zxing-wasm' | 'html5-qrcode', Decode>> {
  const zxing = await loadZxingDecoder()
  // html5-qrcode's own decoder (its zxing-js port), as its scanner calls it on each frame.
  const builtIn = new Html5QrcodeShim(
    [Html5QrcodeSupportedFormats.QR_CODE],
    false,
    false,
    new BaseLoggger(false),
  )
  return {
    'zxing-wasm': async (canvas) => (await zxing.detect(canvas))[0]?.rawValue ?? null,
    'html5-qrcode': (canvas) =>
      builtIn.decodeAsync(canvas).then(
        (r) => r.text,
        () => null,
      ),
  }
}

/** Luma plane to an opaque grey canvas, as the camera would show it. */
function paint(canvas: HTMLCanvasElement, luma: Uint8Array): void {
  const image = new ImageData(canvas.width, canvas.height)
  for (let i = 0; i < luma.length; i++) {
    image.data.set([luma[i]!, luma[i]!, luma[i]!, 255], i * 4)
  }
  canvas.getContext('2d', { willReadFrequently: true })!.putImageData(image, 0, 0)
}

/** Decodes every frame of `url` (luma planes back to back) with both decoders, in turn per frame. */
const benchFrames: BenchFrames = async (url, width, height, expected) => {
  const frames = new Uint8Array(await (await fetch(url)).arrayBuffer())
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const runs = Object.entries(await decoders()).map(([name, decode]) => ({
    name,
    decode,
    run: { hits: 0, wrong: 0, ms: [] } as DecoderRun,
  }))
  for (let i = 0; i < expected.length; i++) {
    paint(canvas, frames.subarray(i * width * height, (i + 1) * width * height))
    for (const { decode, run } of runs) {
      const began = performance.now()
      const text = await decode(canvas)
      run.ms.push(performance.now() - began)
      if (text !== null && text === expected[i]) run.hits++
      else if (text !== null) run.wrong++
    }
  }
  return Object.fromEntries(runs.map((r) => [r.name, r.run]))
}

Object.assign(window, { benchFrames })
