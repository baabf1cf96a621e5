import { useState } from 'react'
import { CameraPanel, type CameraStatus } from '../checkin/CameraPanel'
import { RESOLUTIONS, savedResolution, saveResolution } from '../checkin/camera-settings'

const DECODERS = {
  'zxing-wasm': 'zxing-wasm',
  'html5-qrcode': 'html5-qrcode (cadangan)',
} as const

/**
 * The officer checks the set-up before the queue arrives: which camera, how many pixels it
 * really delivers, which decoder runs and how fast, and whether a card held up is read.
 */
export function CameraSettingsScreen() {
  const [resolution, setResolution] = useState(savedResolution)
  const [status, setStatus] = useState<CameraStatus | null>(null)
  const [lastCode, setLastCode] = useState<string | null>(null)
  return (
    <section className="screen camera-settings">
      <div>
        <h2>Pengaturan kamera</h2>
        <CameraPanel onCode={setLastCode} resolution={resolution} onStatus={setStatus} />
        <label>
          Resolusi kamera{' '}
          <select
            value={`${resolution.width}x${resolution.height}`}
            onChange={(e) => {
              const next = RESOLUTIONS.find((r) => `${r.width}x${r.height}` === e.target.value)!
              saveResolution(next)
              setResolution(next)
              setStatus(null)
            }}
          >
            {RESOLUTIONS.map((r) => (
              <option key={r.label} value={`${r.width}x${r.height}`}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <dl className="camera-figures">
        <dt>Kamera</dt>
        <dd data-testid="camera-name">{status?.camera ?? '…'}</dd>
        <dt>Resolusi sebenarnya</dt>
        <dd data-testid="camera-resolution">
          {status ? `${status.width} × ${status.height}` : '…'}
        </dd>
        <dt>Pembaca QR</dt>
        <dd data-testid="camera-decoder">{status?.decoder ? DECODERS[status.decoder] : '…'}</dd>
        <dt>Kecepatan baca</dt>
        <dd data-testid="camera-rate">
          {status ? `${Math.round(status.framesPerSecond)} bingkai/detik` : '…'}
        </dd>
        <dt>Kode terakhir terbaca</dt>
        <dd data-testid="camera-last-code">{lastCode ?? 'Belum ada: tunjukkan kartu ke kamera'}</dd>
      </dl>
    </section>
  )
}
