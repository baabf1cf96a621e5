/** Events per second over a short sliding window: the live decode rate an officer sees. */
export class RateMeter {
  private times: number[] = []

  constructor(
    private readonly windowMs = 2000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  tick(): void {
    const now = this.clock()
    this.times.push(now)
    this.forget(now)
  }

  perSecond(): number {
    const now = this.clock()
    this.forget(now)
    return (this.times.length * 1000) / this.windowMs
  }

  private forget(now: number): void {
    while (this.times.length && now - this.times[0]! >= this.windowMs) this.times.shift()
  }
}
