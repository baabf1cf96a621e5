import { useEffect, useState } from 'react'
import { KeyboardWedge } from './keyboard-wedge'
import { ScanQueue, type QueuedScan } from './scan-queue'

/**
 * One queue for every input on the check-in screen, and the barcode scanner listened to on the
 * whole window (capture phase), so it works whichever element has focus.
 */
export function useScanInputs<R>(
  handle: (scan: QueuedScan) => Promise<R>,
  onResult: (result: R, scan: QueuedScan) => void,
): ScanQueue<R> {
  const [queue] = useState(() => new ScanQueue<R>(handle, onResult))
  useEffect(() => queue.connect(handle, onResult))

  useEffect(() => {
    const wedge = new KeyboardWedge((burst) =>
      queue.push({ payload: burst.code, source: 'pemindai' }),
    )
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return
      if (wedge.key(e.key, e.timeStamp)) {
        e.preventDefault()
        e.stopPropagation()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      wedge.dispose()
    }
  }, [queue])
  return queue
}
