/**
 * The largest whole size in [min, max] for which `fits` holds, by binary search, assuming
 * that what fits at one size fits at every smaller one (text in a box does). `min` is returned
 * when nothing fits, so the caller always gets a size to show.
 */
export function largestFitting(fits: (size: number) => boolean, min: number, max: number): number {
  let lo = min
  let hi = Math.max(min, Math.floor(max))
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (fits(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface Size {
  width: number
  height: number
}
export interface Rect extends Size {
  left: number
  top: number
}

/**
 * Where media of `media` size is drawn inside a `box` with CSS `object-fit: contain`: scaled
 * to fit whole and centred, with bands on two sides. An overlay meant for the picture (the
 * camera's target frame) must be placed in this rect, not in the box.
 */
export function containedRect(box: Size, media: Size): Rect {
  if (media.width <= 0 || media.height <= 0) return { left: 0, top: 0, ...box }
  const scale = Math.min(box.width / media.width, box.height / media.height)
  const width = media.width * scale
  const height = media.height * scale
  return { left: (box.width - width) / 2, top: (box.height - height) / 2, width, height }
}
