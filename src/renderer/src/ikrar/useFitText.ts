import { useLayoutEffect, useRef } from 'react'
import { largestFitting } from '../../../shared/fit'

/** Small enough for a long point on a laptop; the cap keeps a two-word line from shouting. */
const MIN_PX = 10
const MAX_SHARE_OF_HEIGHT = 0.2

/**
 * Sizes the text inside a box to the largest font that leaves nothing hidden, measured in the
 * browser (no font metrics guessed), and again whenever the box changes size: a projector
 * plugged in, a window moved to a 4K screen. `text` is what to refit for when it changes.
 */
export function useFitText<T extends HTMLElement>(text: string) {
  const box = useRef<T>(null)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const fit = () => {
      const fits = (px: number) => {
        el.style.fontSize = `${px}px`
        return el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth
      }
      el.style.fontSize = `${largestFitting(fits, MIN_PX, el.clientHeight * MAX_SHARE_OF_HEIGHT)}px`
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [text])
  return box
}
