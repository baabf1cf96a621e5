import { useEffect, useState } from 'react'
import { cameraProblem, html5QrcodeScanner, listCameras, type CameraInfo } from './camera-scanner'

const PREVIEW_ID = 'camera-preview'
const CAMERA_KEY = 'kiosk.camera'

/** The webcam: chosen from a list and remembered; a mirrored preview with a target frame. */
export function CameraPanel({ onCode }: { onCode: (text: string) => void }) {
  const [cameras, setCameras] = useState<CameraInfo[] | null>(null)
  const [cameraId, setCameraId] = useState<string | null>(() => localStorage.getItem(CAMERA_KEY))
  const [problem, setProblem] = useState<string | null>(null)
  const [live, setLive] = useState(false)

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

  const chosen = cameras?.find((c) => c.id === cameraId)?.id ?? cameras?.[0]?.id ?? null
  useEffect(() => {
    if (!chosen) return
    const scanner = html5QrcodeScanner(PREVIEW_ID)
    let stopped = false
    scanner.start(chosen, onCode).then(
      () => {
        if (stopped) return
        setLive(true)
        setProblem(null)
      },
      (e: unknown) => {
        if (!stopped) setProblem(cameraProblem(e))
      },
    )
    return () => {
      stopped = true
      setLive(false)
      void scanner.stop().catch(() => undefined)
    }
    // onCode is stable for the screen's life; restarting the camera on every render would blink.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen])

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
      {cameras && cameras.length > 1 && (
        <select
          aria-label="Pilih kamera"
          value={chosen ?? ''}
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
