// The gate's pusher: sends its log after what the hub acknowledged, in seq order, in bounded
// batches, one request at a time; retried with exponential backoff and jitter while the hub is
// unreachable; idle, it still calls every few seconds (a heartbeat that also measures the
// clock). It resumes from the acknowledged seq stored at the gate, so a restart loses nothing.
//
// The hub's answer is held in memory and written to gate_link at most every LINK_FLUSH_MS, not
// on every answer: a durable commit per answer cost the waiting scan a disk sync (about 2 ms,
// far more on a busy disk). The acknowledgement is only where to resume: a gate that dies with
// an older one on disk resends a few entries, and a resent entry changes nothing at the hub.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/connection'
import { API, MAX_BATCH, type PushRequest, type PushResponse, type Verdict } from '../hub/wire'
import { HubClient, HubRefused } from './client'
import type { Sealer } from '../keys/kiosk-key'
import { noteAnswer, readCredential, readLink, type StoredLink } from './link'
import { clockOffset, usableSample } from './offset'
import { backlogAfter, outboxAfter } from './outbox'

/** How often at most the hub's last answer is written to the gate's disk, ms. */
export const LINK_FLUSH_MS = 5_000

/** The hub's last answer, newer than what gate_link holds until it is flushed. */
interface Heard {
  ackSeq: number
  offsetMs: number | null
  at: Date
}

export interface PushState {
  online: boolean
  backlog: number
  offsetMs: number | null
  lastContact: string | null
  lastError: string | null
}

export interface PusherOptions {
  db: Db
  /** This gate's installation id: who the credential says it is. */
  kioskId: string
  /** What opens the stored credential: the OS's safeStorage in the app (link.ts). */
  sealer?: Sealer
  now(): Date
  /** After every round: the gate's screens show online, backlog and offset. */
  onState(state: PushState): void
  batch?: number
  requestTimeoutMs?: number
  /** Idle heartbeat and the backoff's bounds, ms. */
  heartbeatMs?: number
  backoffMinMs?: number
  backoffMaxMs?: number
}

export class GatePusher {
  private client: HubClient | null = null
  private clientFor: string | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private flushTimer: ReturnType<typeof setTimeout> | null = null
  private heard: Heard | null = null
  /** Moves on every stop: an answer to a request sent before (another pairing) is not heard. */
  private generation = 0
  private round: Promise<void> | null = null
  private again = false
  private failures = 0
  private stopped = true
  private readonly waiting = new Map<string, (v: Verdict) => void>()
  private state: PushState = {
    online: false,
    backlog: 0,
    offsetMs: null,
    lastContact: null,
    lastError: null,
  }

  constructor(private readonly o: PusherOptions) {}

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.generation += 1
    this.flush()
    this.client?.close()
    this.client = null
    this.clientFor = null
  }

  current(): PushState {
    return this.state
  }

  /** The stored link with the hub's latest answer over it (what the screens and scans read). */
  latest(link: StoredLink): StoredLink {
    const h = this.heard
    if (!h || h.ackSeq < link.ackSeq) return link
    return { ...link, ackSeq: h.ackSeq, offsetMs: h.offsetMs, lastContact: h.at.toISOString() }
  }

  /** Writes the held answer to gate_link (a timer's, or at stop); a closed database keeps none. */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const h = this.heard
    this.heard = null
    if (!h || !this.o.db.open) return
    try {
      noteAnswer(this.o.db, h)
    } catch (error) {
      // Only a resume point: the next flush (or a resend) covers it.
      console.error('[gerbang]', error)
    }
  }

  private hear(answer: Heard): void {
    this.heard = { ...answer, ackSeq: Math.max(answer.ackSeq, this.heard?.ackSeq ?? 0) }
    if (this.flushTimer) return
    this.flushTimer = setTimeout(() => this.flush(), LINK_FLUSH_MS)
    this.flushTimer.unref?.()
  }

  /**
   * Pushes now (joining a round already under way, then one more) and waits at most `waitMs`
   * for the hub's word on the entry `entryId`; null: no word in time (it stays recorded here,
   * the pusher catches up by itself).
   */
  async verdictFor(entryId: string, waitMs: number): Promise<Verdict | null> {
    const word = new Promise<Verdict | null>((resolve) => {
      this.waiting.set(entryId, resolve)
      setTimeout(() => {
        this.waiting.delete(entryId)
        resolve(null)
      }, waitMs).unref?.()
    })
    void this.kick()
    return word
  }

  /** One round now (or right after the one under way); resolves when it has run. */
  kick(): Promise<void> {
    if (this.round) {
      this.again = true
      return this.round
    }
    this.round = this.pushRound().finally(() => {
      this.round = null
      if (this.again) {
        this.again = false
        void this.kick()
      }
    })
    return this.round
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.kick()
    }, ms)
    this.timer.unref?.()
  }

  /**
   * The credential is opened every round, so a new pairing's is used at once and one that cannot
   * be opened on this laptop says so in lastError (a UserError) instead of stopping the pusher.
   */
  private clientOf(link: StoredLink): HubClient {
    const credential = readCredential(this.o.db, this.o.sealer)
    const key = `${link.address}:${link.port}:${link.certSha256}:${credential}`
    if (this.client && this.clientFor === key) return this.client
    this.client?.close()
    this.clientFor = key
    this.client = new HubClient({
      address: link.address,
      port: link.port,
      certPem: link.certPem,
      certSha256: link.certSha256,
      authorization: `Apel ${this.o.kioskId} ${credential}`,
    })
    return this.client
  }

  /** Never rejects: a round that fails (the database closed under it at quit) just ends. */
  private async pushRound(): Promise<void> {
    try {
      await this.tryRound()
    } catch (error) {
      if (!this.stopped) console.error('[gerbang]', error)
    }
  }

  private async tryRound(): Promise<void> {
    const { db } = this.o
    const stored = readLink(db)
    if (!stored) return
    const link = this.latest(stored)
    const entries = outboxAfter(db, link.ackSeq, this.o.batch ?? MAX_BATCH)
    const lastSent = entries.at(-1)?.seq ?? link.ackSeq
    const generation = this.generation
    const t0 = this.o.now().getTime()
    const request: PushRequest = {
      nonce: randomBytes(16).toString('hex'),
      sentAt: t0,
      offsetMs: link.offsetMs,
      backlog: backlogAfter(db, lastSent),
      entries,
    }
    try {
      const answer = await this.clientOf(link).request<PushResponse>(
        'POST',
        `${API}/kirim`,
        request,
        this.o.requestTimeoutMs ?? 5_000,
      )
      const t3 = this.o.now().getTime()
      if (generation !== this.generation) return
      // A clock set mid-exchange keeps the last good measurement instead of a wild one.
      const offsetMs = usableSample(t0, answer.receivedAt, answer.repliedAt, t3)
        ? clockOffset(t0, answer.receivedAt, answer.repliedAt, t3)
        : link.offsetMs
      // The waiting scans first: nothing below is theirs to wait for.
      for (const v of answer.verdicts) {
        this.waiting.get(v.entryId)?.(v)
        this.waiting.delete(v.entryId)
      }
      this.hear({ ackSeq: answer.ackSeq, offsetMs, at: new Date(t3) })
      this.failures = 0
      const backlog = backlogAfter(db, Math.max(link.ackSeq, answer.ackSeq))
      this.setState({
        online: true,
        backlog,
        offsetMs,
        lastContact: new Date(t3).toISOString(),
        lastError: null,
      })
      // More to send: straight on; else a heartbeat later.
      this.schedule(backlog > 0 ? 0 : (this.o.heartbeatMs ?? 10_000))
    } catch (error) {
      this.failures += 1
      this.setState({
        ...this.state,
        online: false,
        backlog: backlogAfter(db, link.ackSeq),
        lastError: error instanceof HubRefused ? error.refusal.message : (error as Error).message,
      })
      this.schedule(this.backoff())
    }
  }

  /** Exponential from the minimum, capped, with full jitter over its upper half. */
  private backoff(): number {
    const min = this.o.backoffMinMs ?? 500
    const max = this.o.backoffMaxMs ?? 30_000
    const ceiling = Math.min(max, min * 2 ** Math.min(this.failures - 1, 16))
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
  }

  private setState(next: PushState): void {
    const changed = JSON.stringify(next) !== JSON.stringify(this.state)
    this.state = next
    if (changed) this.o.onState(next)
  }
}
