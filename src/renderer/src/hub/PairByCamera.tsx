import { useEffect, useRef } from 'react'
import { PAIRING_QR_PREFIX } from '../../../shared/contract/hub'
import { CameraPanel } from '../checkin/CameraPanel'

/** The same code read again within this long is not tried, or told, again. */
const QUIET_MS = 4000

interface Handlers {
  /** Resolves once the pairing attempt has ended, whatever its result. */
  onPairing: (qr: string) => Promise<unknown>
  onOther: (message: string) => void
}

/**
 * The gate's camera aimed at the hub's pairing QR. The camera reads a code on every frame it
 * sees: one pairing is tried at a time, and a code that is not the hub's is said once.
 */
export function PairByCamera(props: Handlers) {
  const last = useRef<{ text: string; at: number } | null>(null)
  const pairing = useRef(false)
  // The camera keeps the callback it started with (CameraPanel): it reads the latest handlers.
  const handlers = useRef(props)
  useEffect(() => {
    handlers.current = props
  })
  const onCode = (text: string) => {
    const now = Date.now()
    if (pairing.current || (last.current?.text === text && now - last.current.at < QUIET_MS)) {
      return
    }
    last.current = { text, at: now }
    if (!text.startsWith(PAIRING_QR_PREFIX)) {
      handlers.current.onOther(
        'Ini bukan QR pasangan kiosk induk. Arahkan kamera ke QR di layar kiosk induk.',
      )
      return
    }
    pairing.current = true
    void handlers.current.onPairing(text).finally(() => (pairing.current = false))
  }
  return (
    <div className="pair-camera" data-testid="pair-camera">
      <CameraPanel onCode={onCode} />
    </div>
  )
}
