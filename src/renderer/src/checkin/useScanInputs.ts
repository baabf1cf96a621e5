import { useEffect, useEffectEvent } from 'react'
import type { GateListener } from './gate-hub'
import { useGateHub } from './GateScanProvider'
import type { QueuedScan } from './scan-queue'

/**
 * The gate screen's door to the app's one scan queue: its camera and manual search push into
 * it, and every result (the scanner's from any screen included) comes back to `onResult` while
 * the screen is open, so its banner and counts follow each scan.
 */
export function useGateScans(onResult: GateListener): { push(scan: QueuedScan): void } {
  const hub = useGateHub()
  // Always the screen's latest closure, without listening anew on every render.
  const heard = useEffectEvent(onResult)
  useEffect(() => hub.listen((outcome, scan) => heard(outcome, scan)), [hub])
  return hub
}
