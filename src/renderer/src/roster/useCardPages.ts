import { useEffect, useState } from 'react'
import type { CardHolder } from '../../../shared/domain'
import { chunks } from './chunks'
import { qrPath, type QrPath } from './qr-path'

/** 2 across, 5 down: ID-card size (85.6 x 54 mm) on A4 with room for the printer's margin. */
export const CARDS_PER_PAGE = 10
/** About 15 ms of QR work per step here, so typing and scrolling stay smooth meanwhile. */
const CODES_PER_STEP = 60

export type WithQr<T> = T & { qr: QrPath }
export type PreparedCard = WithQr<CardHolder>

/**
 * A sheet's pages, their QR codes made a few pages at a time between frames: 3,000 codes at
 * once would hold the window for most of a second. Each finished page keeps its array, so a
 * memoised page renders once. Mount it with a key per selection: it starts empty. `qrText`
 * must be stable (defined outside the component).
 */
export function usePreparedPages<T>(
  items: readonly T[],
  perPage: number,
  qrText: (item: T) => string,
): { pages: WithQr<T>[][]; total: number } {
  const [pages, setPages] = useState<WithQr<T>[][]>([])
  const total = Math.ceil(items.length / perPage)
  const pagesPerStep = Math.max(1, Math.floor(CODES_PER_STEP / perPage))
  useEffect(() => {
    let done: WithQr<T>[][] = []
    let timer: ReturnType<typeof setTimeout>
    const step = () => {
      const next = items
        .slice(done.length * perPage, (done.length + pagesPerStep) * perPage)
        .map((item) => ({ ...item, qr: qrPath(qrText(item)) }))
      done = [...done, ...chunks(next, perPage)]
      setPages(done)
      if (done.length * perPage < items.length) timer = setTimeout(step, 0)
    }
    timer = setTimeout(step, 0)
    return () => clearTimeout(timer)
  }, [items, perPage, pagesPerStep, qrText])
  return { pages, total }
}

const cardText = (h: CardHolder) => h.nip

/** The QR card sheet: each card's code holds only the NIP (or NA- ID). */
export function useCardPages(holders: readonly CardHolder[]) {
  return usePreparedPages(holders, CARDS_PER_PAGE, cardText)
}
