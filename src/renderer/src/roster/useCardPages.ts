import { useEffect, useState } from 'react'
import type { CardHolder } from '../../../shared/domain'
import { chunks } from './chunks'
import { qrPath, type QrPath } from './qr-path'

/** 2 across, 5 down: ID-card size (85.6 x 54 mm) on A4 with room for the printer's margin. */
export const CARDS_PER_PAGE = 10
/** About 15 ms of QR work per step here, so typing and scrolling stay smooth meanwhile. */
const PAGES_PER_STEP = 6

export type PreparedCard = CardHolder & { qr: QrPath }

/**
 * The sheet's pages, their QR codes made a few pages at a time between frames: 3,000 codes at
 * once would hold the window for most of a second. Each finished page keeps its array, so a
 * memoised page renders once. Mount it with a key per selection: it starts empty.
 */
export function useCardPages(holders: readonly CardHolder[]): {
  pages: PreparedCard[][]
  total: number
} {
  const [pages, setPages] = useState<PreparedCard[][]>([])
  const total = Math.ceil(holders.length / CARDS_PER_PAGE)
  useEffect(() => {
    let done: PreparedCard[][] = []
    let timer: ReturnType<typeof setTimeout>
    const step = () => {
      const next = holders
        .slice(done.length * CARDS_PER_PAGE, (done.length + PAGES_PER_STEP) * CARDS_PER_PAGE)
        .map((h) => ({ ...h, qr: qrPath(h.nip) }))
      done = [...done, ...chunks(next, CARDS_PER_PAGE)]
      setPages(done)
      if (done.length * CARDS_PER_PAGE < holders.length) timer = setTimeout(step, 0)
    }
    timer = setTimeout(step, 0)
    return () => clearTimeout(timer)
  }, [holders])
  return { pages, total }
}
