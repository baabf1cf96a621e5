import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { isNewPinValid, NEW_PIN_RULE, type OfficerStatus } from '../../shared/contract/auth'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { appendEntry, kioskOf } from '../log/append'
import { getSetting, setSetting } from '../settings'

const PIN_KEY = 'officer_pin'
/** Wrong tries and the wait they earned, kept in the database so a restart does not wipe them. */
const LIMIT_KEY = 'officer_pin_limit'
/** An unlock lasts while the officer keeps working: each officer call extends it. */
const UNLOCK_MS = 5 * 60_000
/** Wrong tries allowed before the kiosk makes the next one wait, doubling each time. */
const FREE_TRIES = 3
const FIRST_WAIT_MS = 30_000
const MAX_WAIT_MS = 15 * 60_000

function hash(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 })
}

/** What is stored: `leftMs` is the wait still owed when it was last looked at. */
interface StoredLimit {
  failures: number
  leftMs: number
  /** Wall time of that look, for a person reading the setting; never used to shorten the wait. */
  at: string
}

const NO_LIMIT: StoredLimit = { failures: 0, leftMs: 0, at: '' }

function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES))
}

/** A setting edited by hand or half-written reads as the longest wait: it must not open the lock. */
function parseLimit(raw: string | null): StoredLimit {
  if (raw === null) return NO_LIMIT
  try {
    const v = JSON.parse(raw) as Partial<StoredLimit>
    const failures = Number(v.failures)
    const leftMs = Number(v.leftMs)
    if (Number.isSafeInteger(failures) && failures >= 0 && leftMs >= 0 && leftMs <= MAX_WAIT_MS) {
      return { failures, leftMs, at: String(v.at ?? '') }
    }
  } catch {
    // falls through to the closed reading below
  }
  return { failures: FREE_TRIES, leftMs: MAX_WAIT_MS, at: '' }
}

/** A pending expiry must never keep the process (or a test run) alive. */
function realTimer(ms: number, fire: () => void): () => void {
  const timer = setTimeout(fire, ms)
  timer.unref?.()
  return () => clearTimeout(timer)
}

/**
 * The officer PIN: stored only as a salted scrypt hash; a correct PIN unlocks officer calls for
 * a few minutes; wrong ones make the next try wait longer. Until a PIN is set (first run) the
 * kiosk is in set-up mode and the officer is trusted.
 *
 * Waits are measured on the monotonic clock, so setting the laptop's clock forward does not
 * skip one and setting it back does not stretch one. Across a restart no clock can be trusted,
 * so the wait resumes with what was still owed when it was last looked at: restarting the app
 * never buys a free try, and time with the app closed is not counted.
 */
export class OfficerLock {
  private unlockedUntil = 0
  private limit: StoredLimit | null = null
  /** Monotonic time at which `limit.leftMs` was true. */
  private limitSeenAt = 0
  private readonly mono: () => number
  /** Wakes when the unlock should have run out, so every window hears the lock close by itself. */
  private expiry: (() => void) | null = null
  private readonly afterMs: NonNullable<KioskContext['afterMs']>

  constructor(
    private readonly ctx: Pick<KioskContext, 'db' | 'now' | 'monotonicMs' | 'afterMs'> &
      Partial<Pick<KioskContext, 'events'>>,
  ) {
    this.mono = ctx.monotonicMs ?? (() => performance.now())
    this.afterMs = ctx.afterMs ?? realTimer
  }

  status(): OfficerStatus {
    return {
      pinSet: this.stored() !== null,
      unlocked: this.isUnlocked(),
      retryInMs: this.waitLeft(),
    }
  }

  isUnlocked(): boolean {
    return this.stored() === null || this.mono() < this.unlockedUntil
  }

  /** Throws LOCKED unless the officer may act; extends the unlock when they may. */
  require(): void {
    if (!this.isUnlocked()) throw new UserError('LOCKED', 'Perlu PIN petugas.')
    if (this.stored() !== null) this.unlockFor(UNLOCK_MS)
  }

  setPin(pin: string): void {
    this.require()
    if (!isNewPinValid(pin)) throw new UserError('BAD_PIN', `${NEW_PIN_RULE}.`)
    const salt = randomBytes(16)
    const { db } = this.ctx
    // scrypt takes tens of milliseconds: done before the write lock is taken, not under it.
    const value = `scrypt$${salt.toString('base64')}$${hash(pin, salt).toString('base64')}`
    db.transaction(() => {
      // The log says that the PIN was set or changed, never the PIN or its hash.
      const replaced = this.stored() !== null
      setSetting(db, PIN_KEY, value)
      appendEntry(db, {
        kind: 'pin.set',
        at: this.ctx.now().toISOString(),
        kioskId: kioskOf(db),
        body: { replaced },
      })
    }).immediate()
    this.unlockFor(UNLOCK_MS)
  }

  unlock(pin: string): OfficerStatus {
    const stored = this.stored()
    if (stored === null) return this.status()
    const left = this.waitLeft()
    if (left > 0) {
      throw new UserError(
        'PIN_WAIT',
        `Terlalu banyak PIN salah. Coba lagi dalam ${Math.ceil(left / 1000)} detik.`,
      )
    }
    const [, salt, expected] = stored.split('$')
    const ok = timingSafeEqual(
      hash(pin, Buffer.from(salt!, 'base64')),
      Buffer.from(expected!, 'base64'),
    )
    const failures = ok ? 0 : this.current().failures + 1
    this.remember(failures, waitAfter(failures))
    if (!ok) throw new UserError('PIN_WRONG', 'PIN salah.')
    this.unlockFor(UNLOCK_MS)
    return this.status()
  }

  lock(): void {
    this.unlockedUntil = 0
    this.disarm()
  }

  private unlockFor(ms: number): void {
    this.unlockedUntil = this.mono() + ms
    // A pending timer re-arms itself for what is left: no new timer for every officer call.
    if (this.expiry === null) this.arm(ms)
  }

  /**
   * The timer only says "look again": the monotonic clock decides. An unlock extended meanwhile
   * re-arms for what is left; one that ran out is announced once.
   */
  private arm(ms: number): void {
    this.disarm()
    this.expiry = this.afterMs(ms, () => {
      this.expiry = null
      const left = this.unlockedUntil - this.mono()
      if (left > 0) this.arm(left)
      else this.ctx.events?.emit('auth.changed', null)
    })
  }

  private disarm(): void {
    this.expiry?.()
    this.expiry = null
  }

  private stored(): string | null {
    return getSetting(this.ctx.db, PIN_KEY)
  }

  /** The stored limit, read once per process: from then on the monotonic clock counts it down. */
  private current(): StoredLimit {
    if (this.limit === null) {
      this.limit = parseLimit(getSetting(this.ctx.db, LIMIT_KEY))
      this.limitSeenAt = this.mono()
    }
    return this.limit
  }

  /** The wait still owed; written back while it runs so that a restart resumes from here. */
  private waitLeft(): number {
    const limit = this.current()
    if (limit.leftMs === 0) return 0
    const left = Math.max(0, limit.leftMs - (this.mono() - this.limitSeenAt))
    this.remember(limit.failures, left)
    return left
  }

  private remember(failures: number, leftMs: number): void {
    this.limit = { failures, leftMs, at: this.ctx.now().toISOString() }
    this.limitSeenAt = this.mono()
    setSetting(this.ctx.db, LIMIT_KEY, JSON.stringify(this.limit))
  }
}
