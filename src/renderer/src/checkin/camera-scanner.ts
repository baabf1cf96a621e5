import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode'
// The camera layer html5-qrcode itself uses, without its decoding loop.
import { CameraFactory } from 'html5-qrcode/esm/camera/factories'
import type { Resolution } from './camera-settings'
import { RateMeter } from './rate-meter'
import { loadZxingDecoder, type FrameDecoder } from './zxing-decoder'

export interface CameraInfo {
  id: string
  label: string
}

export type DecoderName = 'zxing-wasm' | 'html5-qrcode'

export interface ScanStats {
  /** null until the camera has started. */
  decoder: DecoderName | null
  /** The camera's frames as delivered, which is what zxing-wasm decodes. */
  width: number
  height: number
  /** Frames decoded per second, codes or not. */
  framesPerSecond: number
}

/** Our own seam around the decoder, so that the decoder can be swapped without touching the screen. */
export interface CodeScanner {
  start(cameraId: string, onCode: (text: string) => void): Promise<void>
  stop(): Promise<void>
  stats(): ScanStats
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

/** A person holds a card up for a second or more: 15 looks a second catch it without tiring a weak CPU. */
const SCAN_FPS = 15

/** One started camera, whichever decoder reads it. */
interface RunningCamera {
  decoder: DecoderName
  video(): HTMLVideoElement | null
  stop(): Promise<void>
}

/**
 * html5-qrcode opens the camera and shows the preview; zxing-wasm decodes the camera's full frames
 * (html5-qrcode would decode a copy scaled to the preview) and reads dim, small and inverted codes.
 * When the wasm cannot load, html5-qrcode's own decoder takes over and `stats().decoder` says so.
 */
export function cameraScanner(elementId: string, resolution: Resolution): CodeScanner {
  const meter = new RateMeter()
  let running: RunningCamera | null = null
  let stopped = false
  return {
    async start(cameraId, onCode) {
      const zxing = await loadZxingDecoder().catch(() => null)
      if (stopped) return
      const constraints: MediaTrackConstraints = {
        deviceId: { exact: cameraId },
        width: { ideal: resolution.width },
        height: { ideal: resolution.height },
      }
      const element = document.getElementById(elementId)!
      running = zxing
        ? await startWithZxing(element, constraints, zxing, meter, onCode)
        : await startWithHtml5Qrcode(elementId, cameraId, constraints, meter, onCode)
      if (stopped) await running.stop() // the screen closed while the camera was starting
    },
    async stop() {
      stopped = true
      await running?.stop()
    },
    stats() {
      const video = running?.video()
      return {
        decoder: running?.decoder ?? null,
        width: video?.videoWidth ?? 0,
        height: video?.videoHeight ?? 0,
        framesPerSecond: meter.perSecond(),
      }
    },
  }
}

/**
 * html5-qrcode starts its video with a `play()` it never awaits. When the officer leaves the
 * screen while the camera is still starting, the browser rejects that play because the video
 * left the page: harmless (the camera is being stopped), but an unhandled rejection. Only that
 * rejection is silenced; every other one still surfaces.
 */
function ignoreInterruptedPlay(event: PromiseRejectionEvent): void {
  const reason: unknown = event.reason
  if (
    reason instanceof DOMException &&
    reason.name === 'AbortError' &&
    /play\(\)/.test(reason.message)
  )
    event.preventDefault()
}
window.addEventListener('unhandledrejection', ignoreInterruptedPlay)

/** html5-qrcode's camera layer alone: it opens the stream and renders the video; we decode it. */
async function startWithZxing(
  element: HTMLElement,
  constraints: MediaTrackConstraints,
  decoder: FrameDecoder,
  meter: RateMeter,
  onCode: (text: string) => void,
): Promise<RunningCamera> {
  const factory = await CameraFactory.failIfNotSupported()
  const camera = await factory.create(constraints)
  const rendered = await camera.render(element, {}, { onRenderSurfaceReady: () => undefined })
  const stopLoop = decodeLoop(rendered.getSurface(), decoder, meter, onCode)
  return {
    decoder: 'zxing-wasm',
    video: () => rendered.getSurface(),
    async stop() {
      stopLoop()
      await rendered.close()
    },
  }
}

/** The fallback: html5-qrcode does everything, decoding a copy of the frame scaled to the preview. */
async function startWithHtml5Qrcode(
  elementId: string,
  cameraId: string,
  constraints: MediaTrackConstraints,
  meter: RateMeter,
  onCode: (text: string) => void,
): Promise<RunningCamera> {
  const reader = new Html5Qrcode(elementId, {
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    verbose: false,
  })
  await reader.start(
    cameraId,
    // A camera never sees a mirrored code: trying the flipped frame too would double the work.
    { fps: SCAN_FPS, disableFlip: true, videoConstraints: constraints },
    (text) => {
      meter.tick()
      onCode(text)
    },
    () => meter.tick(), // a frame without a code is the normal case, not an error
  )
  return {
    decoder: 'html5-qrcode',
    video: () => document.querySelector<HTMLVideoElement>(`#${elementId} video`),
    async stop() {
      if (reader.isScanning) await reader.stop()
      reader.clear()
    },
  }
}

/** Frames the video has shown so far; 0 where the browser does not count them. */
function shownFrames(video: HTMLVideoElement): number {
  return video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0
}

/**
 * Decodes each new frame of the video, at most SCAN_FPS times a second, until the returned stop is
 * called. A frame already decoded is not decoded again: the CPU is shared with the rest of the kiosk.
 */
function decodeLoop(
  video: HTMLVideoElement,
  decoder: FrameDecoder,
  meter: RateMeter,
  onCode: (text: string) => void,
): () => void {
  let running = true
  let lastFrame = -1
  const frameMs = 1000 / SCAN_FPS
  void (async () => {
    while (running) {
      const began = performance.now()
      const frame = shownFrames(video)
      const fresh = frame === 0 || frame !== lastFrame
      if (fresh && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        lastFrame = frame
        // A frame that fails to decode is like a frame without a code: the next one is 66 ms away.
        const found = await decoder.detect(video).catch(() => [])
        meter.tick()
        if (running) for (const code of found) onCode(code.rawValue)
      }
      const rest = frameMs - (performance.now() - began)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, rest)))
    }
  })()
  return () => {
    running = false
  }
}
