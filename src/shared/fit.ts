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
