import { useEffect, useRef } from 'react'
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
  const latest = useRef(onResult)
  useEffect(() => {
    latest.current = onResult
  })
  useEffect(() => hub.listen((outcome, scan) => latest.current(outcome, scan)), [hub])
  return hub
}
