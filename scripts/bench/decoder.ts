// zxing-wasm (our camera decoder) beside html5-qrcode's built-in one, in Chromium, on the same
// generated frames of every hard case at both camera resolutions: read rate and ms per frame.
import { chromium } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import { FRAME_SIZES, hardCases } from '../../tests/fixtures/crowd'
import { drawFrame, VIDEO_DEFAULTS, type Look } from '../../tests/fixtures/qr-video'
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/browser'
import { serveRenderer } from '../../tests/e2e/static-server'
import type { BenchFrames, DecoderRun } from './decoder-run'
import { percentile, type BenchRow } from './table'

const PAGE = path.resolve(__dirname, 'decoder-page')
const OUT = path.resolve(__dirname, '../../tests/.generated/bench-decoder')
const PER_CASE = 50
type Size = (typeof FRAME_SIZES)[number]

/** A case of the table: what each of its frames shows (null: an empty scene), drawn as `look`. */
interface FrameCase {
  name: string
  look: Look
  shown: (string | null)[]
}

function frameCases(): FrameCase[] {
  return [
    ...hardCases(PER_CASE).map(({ look, nips }) => ({ name: look, look, shown: nips })),
    { name: 'empty', look: 'clean', shown: Array<null>(PER_CASE).fill(null) },
  ]
}

function framesFile(c: FrameCase, size: Size): string {
  return `frames-${c.name}-${size.width}x${size.height}.bin`
}

/** One file of luma planes back to back per case and size, served to the page. */
function writeFrames(c: FrameCase, size: Size): void {
  const o = { ...VIDEO_DEFAULTS, ...size }
  const planes = c.shown.map((text, i) => drawFrame({ text, frames: 1, look: c.look }, i, o, i))
  fs.writeFileSync(path.join(OUT, framesFile(c, size)), Buffer.concat(planes))
}

function ms(run: DecoderRun, p: number): number {
  return percentile(
    [...run.ms].sort((a, b) => a - b),
    p,
  )
}

function isEmpty(c: FrameCase): boolean {
  return c.shown.every((t) => t === null)
}

function describe(run: DecoderRun, c: FrameCase): string {
  const time = `${ms(run, 50).toFixed(1)} ms p50 / ${ms(run, 95).toFixed(1)} p95`
  const frames = c.shown.length
  if (isEmpty(c)) return `${run.wrong} bacaan di ${frames} bingkai, ${time}`
  const wrong = run.wrong ? `, ${run.wrong} salah` : ''
  return `${run.hits}/${frames} (${Math.round((run.hits / frames) * 100)}%${wrong}), ${time}`
}

/** Our decoder as the figure, html5-qrcode's as the baseline; the target is the gate's 98%. */
function row(c: FrameCase, size: Size, ours: DecoderRun, builtIn: DecoderRun): BenchRow {
  const read = ours.hits / c.shown.length >= 0.98
  return {
    name: `decoder ${c.name} ${size.width}x${size.height}: zxing-wasm | html5-qrcode`,
    value: describe(ours, c),
    baseline: describe(builtIn, c),
    ratio: `${(ms(ours, 50) / ms(builtIn, 50)).toFixed(2)}x ms`,
    target: isEmpty(c) ? 'tak ada bacaan' : '>= 98% terbaca',
    ok: ours.wrong === 0 && (isEmpty(c) || read),
  }
}

export default async function decoderBench(): Promise<BenchRow[]> {
  // The page bundles both decoders the way the app does, wasm included, and is served with the app's CSP.
  await build({
    configFile: false,
    root: PAGE,
    base: './',
    logLevel: 'warn',
    // Chromium preloads modules itself; Vite's polyfill does not resolve when Vite runs under tsx.
    build: { outDir: OUT, emptyOutDir: true, modulePreload: { polyfill: false } },
  })
  const server = await serveRenderer(OUT)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  const rows: BenchRow[] = []
  try {
    const page = await browser.newPage()
    await page.goto(`${server.url}/index.html`)
    await page.waitForFunction(() => 'benchFrames' in globalThis)
    for (const size of FRAME_SIZES) {
      for (const c of frameCases()) {
        writeFrames(c, size)
        const runs = await page.evaluate(
          ([file, w, h, shown]) =>
            (globalThis as unknown as { benchFrames: BenchFrames }).benchFrames(file, w, h, [
              ...shown,
            ]),
          [framesFile(c, size), size.width, size.height, c.shown] as const,
        )
        rows.push(row(c, size, runs['zxing-wasm']!, runs['html5-qrcode']!))
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return rows
}
