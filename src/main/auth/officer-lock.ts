import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { isNewPinValid, NEW_PIN_RULE, type OfficerStatus } from '../../shared/contract/auth'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { getSetting, setSetting } from '../settings'

const PIN_KEY = 'officer_pin'
/** An unlock lasts while the officer keeps working: each officer call extends it. */
const UNLOCK_MS = 5 * 60_000
/** Wrong tries allowed before the kiosk makes the next one wait, doubling each time. */
const FREE_TRIES = 3
const FIRST_WAIT_MS = 30_000
const MAX_WAIT_MS = 15 * 60_000

function hash(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 })
}

/**
 * The officer PIN: stored only as a salted scrypt hash; a correct PIN unlocks officer calls for
 * a few minutes; wrong ones make the next try wait longer. Until a PIN is set (first run) the
 * kiosk is in set-up mode and the officer is trusted.
 */
export class OfficerLock {
  private unlockedUntil = 0
  private failures = 0
  private blockedUntil = 0

  constructor(private readonly ctx: Pick<KioskContext, 'db' | 'now'>) {}

  status(): OfficerStatus {
    const t = this.ctx.now().getTime()
    return {
      pinSet: this.stored() !== null,
      unlocked: this.isUnlocked(),
      retryInMs: Math.max(0, this.blockedUntil - t),
    }
  }

  isUnlocked(): boolean {
    return this.stored() === null || this.ctx.now().getTime() < this.unlockedUntil
  }

  /** Throws LOCKED unless the officer may act; extends the unlock when they may. */
  require(): void {
    if (!this.isUnlocked()) throw new UserError('LOCKED', 'Perlu PIN petugas.')
    if (this.stored() !== null) this.unlockedUntil = this.ctx.now().getTime() + UNLOCK_MS
  }

  setPin(pin: string): void {
    this.require()
    if (!isNewPinValid(pin)) throw new UserError('BAD_PIN', `${NEW_PIN_RULE}.`)
    const salt = randomBytes(16)
    setSetting(
      this.ctx.db,
      PIN_KEY,
      `scrypt$${salt.toString('base64')}$${hash(pin, salt).toString('base64')}`,
    )
    this.unlockedUntil = this.ctx.now().getTime() + UNLOCK_MS
  }

  unlock(pin: string): OfficerStatus {
    const stored = this.stored()
    const t = this.ctx.now().getTime()
    if (stored === null) return this.status()
    if (t < this.blockedUntil) {
      throw new UserError(
        'PIN_WAIT',
        `Terlalu banyak PIN salah. Coba lagi dalam ${Math.ceil((this.blockedUntil - t) / 1000)} detik.`,
      )
    }
    const [, salt, expected] = stored.split('$')
    const ok = timingSafeEqual(
      hash(pin, Buffer.from(salt!, 'base64')),
      Buffer.from(expected!, 'base64'),
    )
    if (!ok) {
      this.failures++
      if (this.failures >= FREE_TRIES) {
        this.blockedUntil =
          t + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (this.failures - FREE_TRIES))
      }
      throw new UserError('PIN_WRONG', 'PIN salah.')
    }
    this.failures = 0
    this.blockedUntil = 0
    this.unlockedUntil = t + UNLOCK_MS
    return this.status()
  }

  lock(): void {
    this.unlockedUntil = 0
  }

  private stored(): string | null {
    return getSetting(this.ctx.db, PIN_KEY)
  }
}
