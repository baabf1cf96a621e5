import { useState } from 'react'
import { CameraPanel, type CameraStatus } from '../checkin/CameraPanel'
import { RESOLUTIONS, savedResolution, saveResolution } from '../checkin/camera-settings'
import { ScannerTest } from '../checkin/ScannerTest'

/** What the officer needs to know of the decoder; its library name is a technical detail. */
const READERS = {
  'zxing-wasm': 'Pembaca utama: membaca kode kecil, redup dan terbalik warnanya',
  'html5-qrcode':
    'Pembaca cadangan: kode kecil, redup atau terbalik warnanya mungkin sulit terbaca',
} as const

/** How sharp the picture is, in words, beside the pixels. */
function sharpness(width: number, height: number): string {
  if (width === 0) return '…'
  const words = height >= 720 ? 'tajam' : height >= 480 ? 'cukup' : 'kurang tajam untuk kode kecil'
  return `${words} (${width} × ${height})`
}

/**
 * The officer checks the set-up before the queue arrives: which camera, how sharp its picture
 * really is, how fast it reads, and whether a card held up is read. Names of devices and
 * libraries are under "Rincian teknis", for whoever supports the kiosk.
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
      <div>
        <dl className="camera-figures">
          <dt>Kamera</dt>
          <dd data-testid="camera-name">{status?.camera ?? '…'}</dd>
          <dt>Ketajaman gambar</dt>
          <dd data-testid="camera-sharpness">
            {status ? sharpness(status.width, status.height) : '…'}
          </dd>
          <dt>Pembaca kode</dt>
          <dd data-testid="camera-reader">{status?.decoder ? READERS[status.decoder] : '…'}</dd>
          <dt>Kecepatan baca</dt>
          <dd data-testid="camera-rate">
            {status ? `${Math.round(status.framesPerSecond)} kali per detik` : '…'}
          </dd>
          <dt>Kode terakhir terbaca</dt>
          <dd data-testid="camera-last-code">
            {lastCode ?? 'Belum ada: tunjukkan kartu ke kamera'}
          </dd>
        </dl>
        <details className="camera-details">
          <summary>Rincian teknis</summary>
          <dl>
            <dt>Perangkat</dt>
            <dd data-testid="camera-device">{status?.device ?? '…'}</dd>
            <dt>Resolusi sebenarnya</dt>
            <dd data-testid="camera-resolution">
              {status ? `${status.width} × ${status.height}` : '…'}
            </dd>
            <dt>Pustaka pembaca QR</dt>
            <dd data-testid="camera-decoder">{status?.decoder ?? '…'}</dd>
          </dl>
        </details>
      </div>
      <ScannerTest />
    </section>
  )
}
