// Gate mode: the pairing, the link as the screens show it, and the pusher that runs while the
// gate is paired.
import type { GateLink } from '../../shared/contract/hub'
import type { Db } from '../db/connection'
import type { EventHub } from '../events'
import { groupedFingerprint } from '../hub/tls'
import type { Verdict } from '../hub/wire'
import type { Sealer } from '../keys/kiosk-key'
import type { KioskKey } from '../keys/signature'
import { clearLink, readLink, sealPlainCredential, type StoredLink } from './link'
import { pairWithHub, type PairInput } from './pair'
import { GatePusher, type PusherOptions } from './pusher'
import { backlogAfter } from './outbox'

export interface GateDeps {
  db: Db
  kioskId: string
  key: KioskKey
  now(): Date
  events: EventHub
  /** Seals the hub's credential in gate_link: the OS's safeStorage in the app; none: kept plain. */
  sealer?: Sealer
  /** Pusher timings (tests shorten them). */
  pusher?: Partial<
    Pick<
      PusherOptions,
      'heartbeatMs' | 'backoffMinMs' | 'backoffMaxMs' | 'requestTimeoutMs' | 'batch'
    >
  >
}

export class GateService {
  private readonly pusher: GatePusher

  constructor(private readonly d: GateDeps) {
    // A credential the previous release kept in plain text is sealed before anything reads it.
    sealPlainCredential(d.db, d.sealer)
    this.pusher = new GatePusher({
      db: d.db,
      kioskId: d.kioskId,
      sealer: d.sealer,
      now: d.now,
      onState: () => d.events.emit('gate.link', this.link()),
      ...d.pusher,
    })
  }

  /** Starts pushing if paired (at start-up, after pairing). */
  resume(): void {
    if (readLink(this.d.db)) this.pusher.start()
  }

  stop(): void {
    this.pusher.stop()
  }

  async pair(input: PairInput): Promise<GateLink> {
    this.pusher.stop()
    await pairWithHub(
      this.d.db,
      {
        kioskId: this.d.kioskId,
        key: this.d.key,
        name: `Kiosk ${this.d.kioskId.slice(0, 6)}`,
        now: this.d.now,
        sealer: this.d.sealer,
      },
      input,
    )
    this.pusher.start()
    return this.link()
  }

  unpair(): void {
    this.pusher.stop()
    clearLink(this.d.db)
  }

  paired(): boolean {
    return readLink(this.d.db) !== null
  }

  /** What new scans carry as hubOffsetMs; null when not paired or not yet measured. */
  offsetMs(): number | null {
    return this.stored()?.offsetMs ?? null
  }

  async pushNow(): Promise<GateLink> {
    await this.pusher.kick()
    return this.link()
  }

  /** The hub's word on one entry just recorded, waiting at most `waitMs`. */
  verdictFor(entryId: string, waitMs: number): Promise<Verdict | null> {
    return this.pusher.verdictFor(entryId, waitMs)
  }

  /** The link as stored, with the hub's latest answer the pusher holds over it. */
  private stored(): StoredLink | null {
    const link = readLink(this.d.db)
    return link && this.pusher.latest(link)
  }

  link(): GateLink {
    const link = this.stored()
    const state = this.pusher.current()
    if (!link)
      return {
        paired: false,
        label: null,
        hubAddress: null,
        hubPort: null,
        hubCertFingerprint: null,
        online: false,
        lastContact: null,
        backlog: 0,
        offsetMs: null,
        lastError: null,
        ceremonyName: null,
      }
    const ceremonyName = this.d.db
      .prepare('SELECT name FROM ceremony WHERE global_id = ?')
      .pluck()
      .get(link.ceremonyGlobalId) as string | undefined
    return {
      paired: true,
      label: link.label,
      hubAddress: link.address,
      hubPort: link.port,
      hubCertFingerprint: groupedFingerprint(link.certSha256),
      online: state.online,
      lastContact: link.lastContact,
      backlog: backlogAfter(this.d.db, link.ackSeq),
      offsetMs: link.offsetMs,
      lastError: state.lastError,
      ceremonyName: ceremonyName ?? null,
    }
  }
}
