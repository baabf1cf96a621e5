// The gate as the queue sees it, in Chromium with the fake camera playing a queue of QR codes
// through the real check-in screen and the real handler table: from a code's first frame
// reaching the page to its outcome painted on screen, with the decoder's share apart; and the
// renderer from load to "ready to scan".
import { chromium, type Page } from '@playwright/test'
import path from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { installationId } from '../../src/main/installation'
import { fakeCameraLaunch } from '../../tests/e2e/browser'
import { seedGate } from '../../tests/e2e/people'
import { serveRenderer } from '../../tests/e2e/static-server'
import { crowdNip } from '../../tests/fixtures/crowd'
import { testContext } from '../../tests/fixtures/context'
import { writeQrVideoOnce } from '../../tests/fixtures/qr-video'
import { tempDir } from '../../tests/fixtures/temp-db'
import { percentile, type BenchRow } from './table'

const ARRIVALS = 40
const FPS = 20
const VIDEO = path.resolve(__dirname, '../../tests/.generated/bench-gate.y4m')
const people = Array.from({ length: ARRIVALS }, (_, k) => ({
  nip: crowdNip(5000 + k),
  name: `Peserta ${String(k + 1).padStart(3, '0')}`,
  opd: 'Inspektorat',
}))

/**
 * Run in the page before the app: the time each code first appears on a camera frame (the
 * scene is plain grey, a code brings a white card), and each outcome painted. Plain script:
 * it runs in the browser, not under this file's Node types.
 */
const INSTRUMENT = `
  const log = { onsets: [], scans: [], painted: [] }
  window.__gate = log
  const canvas = document.createElement('canvas')
  canvas.width = 80
  canvas.height = 60
  const g = canvas.getContext('2d', { willReadFrequently: true })
  let showing = false
  const watch = (video) => {
    const onFrame = (now) => {
      g.drawImage(video, 0, 0, 80, 60)
      const px = g.getImageData(0, 0, 80, 60).data
      let bright = false
      for (let i = 0; i < px.length; i += 4) if (px[i] > 200) bright = true
      if (bright && !showing) log.onsets.push(now)
      showing = bright
      video.requestVideoFrameCallback(onFrame)
    }
    video.requestVideoFrameCallback(onFrame)
  }
  let lastName = null
  new MutationObserver(() => {
    const video = document.querySelector('#camera-preview video')
    if (video && !video.dataset.watched) {
      video.dataset.watched = '1'
      watch(video)
    }
    const name = document.querySelector('[data-testid=outcome][data-kind=recorded] .outcome-name')?.textContent
    if (name && name !== lastName) {
      lastName = name
      requestAnimationFrame(() => log.painted.push([name, performance.now()]))
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
`

async function openGate(
  page: Page,
  url: string,
): Promise<{ domReady: number; ready: number; cameraLive: number }> {
  await page.goto(url)
  await page.waitForSelector('[data-testid=outcome][data-kind=ready]')
  const ready = (await page.evaluate('performance.now()')) as number
  await page.waitForSelector('.camera-frame[data-live=true]')
  const cameraLive = (await page.evaluate('performance.now()')) as number
  const domReady = (await page.evaluate(
    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd",
  )) as number
  return { domReady, ready, cameraLive }
}

export default async function (): Promise<BenchRow[]> {
  writeQrVideoOnce(
    VIDEO,
    [
      { text: null, frames: FPS },
      ...people.flatMap((p) => [
        { text: p.nip, frames: 6 },
        { text: null, frames: 4 },
      ]),
    ],
    { fps: FPS },
  )
  const dir = tempDir('kiosk-bench-gate-')
  const db = openDatabase(path.join(dir, 'kiosk.sqlite'))
  seedGate(db, { people })
  const handlers = createHandlers(
    testContext({
      db,
      dbPath: path.join(dir, 'kiosk.sqlite'),
      kioskId: installationId(dir),
      now: () => new Date(),
    }),
  )
  const server = await serveRenderer(path.resolve(__dirname, '../../out/renderer'))
  const browser = await chromium.launch(fakeCameraLaunch(VIDEO))
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await page.exposeBinding('__kioskInvoke', (_s, channel: string, input: unknown) =>
      invoke(handlers, channel, input),
    )
    // The bridge as the fixtures build it, noting when each scan leaves for main.
    await page.addInitScript({
      content: `window.kiosk = Object.freeze({ invoke: (c, i) => {
        if (c === 'checkin.scan') window.__gate.scans.push([i.payload, performance.now()])
        return window.__kioskInvoke(c, i)
      } })`,
    })
    await page.addInitScript({ content: INSTRUMENT })
    const load = await openGate(page, `${server.url}/index.html`)
    // One play of the queue, and a little more for the last arrival's outcome.
    await page.waitForTimeout(((ARRIVALS * 10 + 2 * FPS) / FPS) * 1000)
    const gate = (await page.evaluate('window.__gate')) as {
      onsets: number[]
      scans: [string, number][]
      painted: [string, number][]
    }
    const total: number[] = []
    const decode: number[] = []
    // A code's onset is the last first-frame-of-a-code before its scan: robust to the camera
    // starting mid-video or a code missed by the frame watcher.
    for (const p of people) {
      const scan = gate.scans.find(([payload]) => payload === p.nip)?.[1]
      const painted = gate.painted.find(([name]) => name === p.name)?.[1]
      const onset = gate.onsets.filter((t) => scan !== undefined && t <= scan).at(-1)
      if (scan === undefined || painted === undefined || onset === undefined) continue
      total.push(painted - onset)
      decode.push(scan - onset)
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
    const t = sorted(total)
    const d = sorted(decode)
    return [
      {
        name: `camera to screen, ${t.length} arrivals (median / p95)`,
        value: `${percentile(t, 50).toFixed(0)} / ${percentile(t, 95).toFixed(0)} ms`,
        baseline: `decoder share ${percentile(d, 50).toFixed(0)} / ${percentile(d, 95).toFixed(0)} ms`,
        target: 'p95 < 250 ms',
        ok: percentile(t, 95) < 250 && t.length === ARRIVALS,
      },
      {
        name: 'renderer load to ready to scan',
        value: `${load.ready.toFixed(0)} ms (camera live ${load.cameraLive.toFixed(0)} ms)`,
        baseline: `bundle loaded ${load.domReady.toFixed(0)} ms`,
        target: '< 2000 ms',
        ok: load.ready < 2000,
      },
    ]
  } finally {
    await browser.close()
    await server.close()
    db.close()
  }
}
