import { describe, expect, it } from 'vitest'
import { displaysMirrored, presenterDisplay, presenterMove } from '../../src/main/window/displays'

const display = (id: number, width: number, height: number, x = 0) => ({
  id,
  bounds: { x, y: 0, width, height },
})
const laptop = display(1, 1366, 768)

describe('choosing the projector display', () => {
  it('has none while the laptop is alone or mirrored', () => {
    expect(presenterDisplay([laptop], 1)).toBeNull()
    expect(presenterDisplay([], 1)).toBeNull()
  })

  it('takes the display the kiosk window is not on', () => {
    const projector = display(2, 1920, 1080, 1366)
    expect(presenterDisplay([laptop, projector], 1)).toBe(projector)
    // The officer dragged the kiosk window onto the big screen: the laptop becomes the other one.
    expect(presenterDisplay([laptop, projector], 2)).toBe(laptop)
  })

  it('prefers the largest of several external displays', () => {
    const monitor = display(2, 1280, 1024, 1366)
    const tv = display(3, 3840, 2160, 2646)
    expect(presenterDisplay([laptop, monitor, tv], 1)).toBe(tv)
    expect(presenterDisplay([laptop, tv, monitor], 1)).toBe(tv)
  })
})

describe('a mirrored screen', () => {
  it('is seen where the OS reports the copy as a display on the same spot', () => {
    const copy = display(2, 1366, 768)
    expect(displaysMirrored([laptop, copy])).toBe(true)
    // Mirrored at the projector's own resolution: still the same spot.
    expect(displaysMirrored([laptop, display(2, 1920, 1080)])).toBe(true)
    // Nor is the copy taken as the projector's own screen.
    expect(presenterDisplay([laptop, copy], 1)).toBeNull()
  })

  it('is not claimed for extended screens side by side, or a laptop alone', () => {
    expect(displaysMirrored([laptop, display(2, 1920, 1080, 1366)])).toBe(false)
    expect(displaysMirrored([laptop])).toBe(false)
    expect(displaysMirrored([])).toBe(false)
  })
})

describe('what a display change does to the projector window', () => {
  it('opens one when a second display appears, and tells both windows', () => {
    expect(presenterMove(null, 2)).toEqual({ close: false, open: true, announce: true })
  })

  it('closes it when that display goes (or mirrors), and tells both windows', () => {
    expect(presenterMove(2, null)).toEqual({ close: true, open: false, announce: true })
  })

  it('moves it to the new target display: one closed, one opened, one announcement', () => {
    expect(presenterMove(2, 3)).toEqual({ close: true, open: true, announce: true })
  })

  it('changes nothing and says nothing while the target stays where the window is', () => {
    expect(presenterMove(2, 2)).toEqual({ close: false, open: false, announce: false })
    expect(presenterMove(null, null)).toEqual({ close: false, open: false, announce: false })
  })
})
