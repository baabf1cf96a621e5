import { useEffect, useRef, useState } from 'react'
import { containedRect, type Rect } from '../../../shared/fit'
import {
  cameraProblem,
  cameraScanner,
  listCameras,
  type CameraInfo,
  type ScanStats,
} from './camera-scanner'
import { cameraName } from './camera-name'
import { CAMERA_KEY, savedResolution, type Resolution } from './camera-settings'
import { prepareSounds } from './sounds'
import { loadZxingDecoder } from './zxing-decoder'

const PREVIEW_ID = 'camera-preview'

export interface CameraStatus extends ScanStats {
  /** The name the officer reads; `device` is the browser's own label, for the technical details. */
  camera: string
  device: string
}

/** Share of the picture's shorter side the square target covers: room to aim, not to fill. */
const TARGET_SHARE = 0.62

/**
 * The target square in the middle of the picture as drawn. The preview shows the whole frame
 * (object-fit: contain), so the picture is narrower or shorter than the panel; a target placed
 * by the panel's size would fall partly on the black bands.
 */
function useTarget(live: boolean) {
  const frame = useRef<HTMLDivElement>(null)
  const [target, setTarget] = useState<Rect | null>(null)
  useEffect(() => {
    const box = frame.current
    const video = box?.querySelector('video')
    if (!live || !box || !video) return
    const update = () => {
      const image = containedRect(
        { width: box.clientWidth, height: box.clientHeight },
        { width: video.videoWidth, height: video.videoHeight },
      )
      const side = Math.min(image.width, image.height) * TARGET_SHARE
      setTarget({
        left: image.left + (image.width - side) / 2,
        top: image.top + (image.height - side) / 2,
        width: side,
        height: side,
      })
    }
    update()
    const observer = new ResizeObserver(update)
    observer.observe(box)
    // The camera may report its real size only after the first frames, and change it.
    video.addEventListener('resize', update)
    video.addEventListener('loadedmetadata', update)
    return () => {
      observer.disconnect()
      video.removeEventListener('resize', update)
      video.removeEventListener('loadedmetadata', update)
    }
  }, [live])
  return { frame, target: live ? target : null }
}

/**
 * The webcam: chosen from a list and remembered; a mirrored preview with a target frame.
 * `onStatus` receives the live figures every second while the camera runs; `onProblem` the
 * officer's message when there is no camera or it cannot start (null once it runs).
 */
export function CameraPanel({
  onCode,
  resolution = savedResolution(),
  onStatus,
  onProblem,
}: {
  onCode: (text: string) => void
  resolution?: Resolution
  onStatus?: (status: CameraStatus) => void
  onProblem?: (problem: string | null) => void
}) {
  const [cameras, setCameras] = useState<CameraInfo[] | null>(null)
  const [cameraId, setCameraId] = useState<string | null>(() => localStorage.getItem(CAMERA_KEY))
  const [problem, setProblem] = useState<string | null>(null)
  const [live, setLive] = useState(false)
  const [fallback, setFallback] = useState(false)

  useEffect(() => {
    listCameras().then(
      (found) => {
        setCameras(found)
        if (found.length === 0) setProblem(cameraProblem(new Error('no camera')))
      },
      (e: unknown) => {
        setCameras([])
        setProblem(cameraProblem(e))
      },
    )
    // The gate screen is opening: compile and warm the decoder while the browser lists the
    // cameras, so that neither the camera start nor the first arrival waits for it.
    void loadZxingDecoder().catch(() => undefined)
  }, [])
  // Creating the audio context holds the page 50-190 ms: after the camera is live (or has
  // failed) and painted, so it delays neither the picture nor the first arrival's outcome.
  useEffect(() => {
    if (live || problem) prepareSounds()
  }, [live, problem])
  useEffect(() => onProblem?.(problem), [problem, onProblem])

  const chosen = cameras?.find((c) => c.id === cameraId) ?? cameras?.[0] ?? null
  const chosenName = chosen ? cameraName(chosen.label, cameras!.indexOf(chosen)) : ''
  const { frame, target } = useTarget(live)
  const { width, height } = resolution
  useEffect(() => {
    if (!chosen) return
    const scanner = cameraScanner(PREVIEW_ID, { width, height })
    let stopped = false
    let timer: ReturnType<typeof setInterval> | undefined
    scanner.start(chosen.id, onCode).then(
      () => {
        if (stopped) return
        setLive(true)
        setProblem(null)
        setFallback(scanner.stats().decoder === 'html5-qrcode')
        if (onStatus) {
          timer = setInterval(
            () => onStatus({ camera: chosenName, device: chosen.label, ...scanner.stats() }),
            1000,
          )
        }
      },
      (e: unknown) => {
        if (!stopped) setProblem(cameraProblem(e))
      },
    )
    return () => {
      stopped = true
      clearInterval(timer)
      setLive(false)
      void scanner.stop().catch(() => undefined)
    }
    // onCode and onStatus are stable for the screen's life; restarting the camera on every
    // render would blink.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, width, height])

  return (
    <div className="camera-panel">
      <div className="camera-frame" data-live={live} ref={frame}>
        <div id={PREVIEW_ID} className="camera-preview" />
        {target && (
          <div
            className="camera-target"
            data-testid="camera-target"
            aria-hidden
            style={{
              left: target.left,
              top: target.top,
              width: target.width,
              height: target.height,
            }}
          />
        )}
      </div>
      {problem && (
        <p className="camera-problem" role="alert">
          {problem}
        </p>
      )}
      {live && fallback && (
        <p className="camera-fallback" role="status" data-testid="decoder-fallback">
          Pembaca QR cadangan dipakai: kode yang redup, kecil, atau terbalik warnanya mungkin sulit
          terbaca.
        </p>
      )}
      {cameras && cameras.length > 1 && (
        <select
          aria-label="Pilih kamera"
          value={chosen?.id ?? ''}
          onChange={(e) => {
            localStorage.setItem(CAMERA_KEY, e.target.value)
            setCameraId(e.target.value)
          }}
        >
          {cameras.map((c, i) => (
            <option key={c.id} value={c.id}>
              {cameraName(c.label, i)}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
