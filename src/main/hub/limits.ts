// Bounds on what the network may ask of the hub: body sizes and a rate per gate and per
// address. The rates are in memory: a hub restarted mid-apel starts them fresh, which only ever
// lets a gate in again sooner, never lets a refused request through. Replays are refused by the
// nonces kept in the database (push.ts), which a restart does not forget.

/** Request bodies, bytes. A push of MAX_BATCH entries is about 300 KB. */
export const BODY_LIMIT = { pair: 4 * 1024, push: 1024 * 1024 } as const

/** A token bucket: `perSecond` on average, bursts up to `burst`; keyed (per gate, per address). */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
    /** Keys kept at most: an address-spraying client cannot grow the map without bound. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes a token for `key`; false when its bucket is empty (the request is refused). */
  take(key: string): boolean {
    const now = this.clock()
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    )
    bucket.at = now
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.buckets.clear()
    this.buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}
