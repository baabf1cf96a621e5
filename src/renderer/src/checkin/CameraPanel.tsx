import { useEffect, useState } from 'react'
import {
  cameraProblem,
  cameraScanner,
  listCameras,
  type CameraInfo,
  type ScanStats,
} from './camera-scanner'
import { CAMERA_KEY, savedResolution, type Resolution } from './camera-settings'

const PREVIEW_ID = 'camera-preview'

export interface CameraStatus extends ScanStats {
  camera: string
}

/**
 * The webcam: chosen from a list and remembered; a mirrored preview with a target frame.
 * `onStatus` receives the live figures every second while the camera runs.
 */
export function CameraPanel({
  onCode,
  resolution = savedResolution(),
  onStatus,
}: {
  onCode: (text: string) => void
  resolution?: Resolution
  onStatus?: (status: CameraStatus) => void
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
  }, [])

  const chosen = cameras?.find((c) => c.id === cameraId) ?? cameras?.[0] ?? null
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
          timer = setInterval(() => onStatus({ camera: chosen.label, ...scanner.stats() }), 1000)
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
      <div className="camera-frame" data-live={live}>
        <div id={PREVIEW_ID} className="camera-preview" />
        {live && <div className="camera-target" aria-hidden />}
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
          {cameras.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}
