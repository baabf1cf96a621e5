// Hub mode: the TLS server for gates, the phone page beside it, the pairing desk and the mDNS
// announcement, started and stopped together. Nothing listens while hub mode is off.
import os from 'node:os'
import type { FastifyInstance } from 'fastify'
import type {
  HubServerInfo,
  HubSide,
  NetworkAddress,
  PairingOffer,
} from '../../shared/contract/hub'
import type { Db } from '../db/connection'
import type { EventHub } from '../events'
import { UserError } from '../errors'
import { getSetting, setSetting } from '../settings'
import type { KeyStore } from '../keys/kiosk-key'
import type { KioskKey } from '../keys/signature'
import { advertiseHub, type Advertiser } from './advertise'
import { hubDashboard } from './dashboard'
import { revokeGate } from './gates'
import { PairingDesk } from './pairing'
import { phoneCounts, startPhonePage } from './phone-page'
import { startHubServer } from './server'
import { groupedFingerprint, loadOrCreateHubTls, type HubTls } from './tls'

export interface HubDeps {
  db: Db
  kioskId: string
  key: KioskKey
  now(): Date
  events: EventHub
  tlsStore: KeyStore
  /** Off in tests: multicast on a build machine reaches nobody and proves nothing. */
  advertise?: boolean
}

/** The laptop's IPv4 addresses, loopback last, for the officer to pick where the hub listens. */
export function networkAddresses(): NetworkAddress[] {
  const list: NetworkAddress[] = []
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs ?? [])
      if (a.family === 'IPv4') list.push({ name, address: a.address, internal: a.internal })
  }
  return list.sort((x, y) => Number(x.internal) - Number(y.internal))
}

/** The shortest time between two bursts of events from the hub's pushes, ms. */
export const SCREEN_EVENT_MS = 1_000

export class HubService {
  private server: FastifyInstance | null = null
  private phone: FastifyInstance | null = null
  private advertiser: Advertiser | null = null
  private tls: HubTls | null = null
  private info: HubServerInfo | null = null
  readonly desk: PairingDesk
  /** Ceremonies changed since the last burst of events; null: nothing to tell. */
  private changed: Set<number> | null = null
  private quiet: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly d: HubDeps) {
    this.desk = new PairingDesk(d.now)
  }

  /**
   * Listens on `port`, or with 0 on the port this hub listened on before (gates paired with it
   * pinned address, port and certificate, and reconnect there by themselves), or on a new one
   * the first time; the port listened on is kept for the next start.
   */
  async start(address: string, port: number): Promise<HubServerInfo> {
    if (this.info) await this.stop()
    this.tls ??= await loadOrCreateHubTls(this.d.tlsStore, this.d.now())
    const tls = this.tls
    const kept = keptPort(this.d.db, HUB_PORT_KEY)
    const wanted = port || kept
    try {
      this.server = await startHubServer({
        db: this.d.db,
        tls,
        desk: this.desk,
        hubKioskId: this.d.kioskId,
        address,
        port: wanted,
        now: this.d.now,
        onPaired: () => this.announce([]),
        onPushed: (_gate, outcome) => this.announce(outcome.merged.ceremonyIds),
      })
      this.phone = await this.startPhone(address)
    } catch (error) {
      await this.stop()
      const e = error as NodeJS.ErrnoException
      throw new UserError(
        'HUB_LISTEN',
        e.code === 'EADDRINUSE' && wanted === kept && kept !== 0
          ? keptPortTaken(address, kept)
          : listenMessage(address, e),
      )
    }
    const portOf = (s: FastifyInstance) => (s.server.address() as { port: number }).port
    setSetting(this.d.db, HUB_PORT_KEY, String(portOf(this.server)))
    setSetting(this.d.db, PHONE_PORT_KEY, String(portOf(this.phone)))
    this.info = {
      address,
      port: portOf(this.server),
      certFingerprint: groupedFingerprint(tls.fingerprint),
      phoneUrl: `http://${address}:${portOf(this.phone)}/`,
    }
    if (this.d.advertise !== false)
      this.advertiser = advertiseHub({
        name: `Kiosk induk ${this.d.kioskId.slice(0, 6)}`,
        address,
        port: this.info.port,
        certSha256: tls.fingerprint,
      })
    return this.info
  }

  /**
   * The phone page on the port it had before, so a phone QR printed or shared earlier still
   * opens it; on a free port when another program holds that one (only then is the QR new).
   */
  private async startPhone(address: string): Promise<FastifyInstance> {
    const kept = keptPort(this.d.db, PHONE_PORT_KEY)
    const listen = (port: number) =>
      startPhonePage({
        address,
        port,
        counts: () => phoneCounts(this.dashboard(), this.d.now()),
      })
    try {
      return await listen(kept)
    } catch (error) {
      if (kept === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
      return listen(0)
    }
  }

  /**
   * Tells the screens what pushes changed, at once and then at most every SCREEN_EVENT_MS:
   * each event makes them re-read the dashboards on this thread, the one that answers the
   * gates, and ten gates push up to fifty times a second.
   */
  private announce(ceremonyIds: readonly number[]): void {
    this.changed ??= new Set()
    for (const id of ceremonyIds) this.changed.add(id)
    if (!this.quiet) this.tellScreens()
  }

  private tellScreens(): void {
    const changed = this.changed
    this.changed = null
    this.quiet = null
    if (!changed) return
    for (const ceremonyId of changed) this.d.events.emit('checkin.changed', { ceremonyId })
    this.d.events.emit('hub.changed', null)
    this.quiet = setTimeout(() => this.tellScreens(), SCREEN_EVENT_MS)
    this.quiet.unref?.()
  }

  async stop(): Promise<void> {
    // Nothing is told after: hub.stop itself announces hub.changed, and at quit the database
    // closes right after this, before any screen could read it.
    if (this.quiet) clearTimeout(this.quiet)
    this.quiet = null
    this.changed = null
    this.desk.close()
    const closing = [this.server?.close(), this.phone?.close(), this.advertiser?.stop()]
    this.server = this.phone = this.advertiser = null
    this.info = null
    await Promise.allSettled(closing)
  }

  offer(): PairingOffer {
    if (!this.info || !this.tls)
      throw new UserError(
        'HUB_OFF',
        'Nyalakan mode kiosk induk dulu, lalu tampilkan kode pasangan.',
      )
    return this.desk.offer({
      address: this.info.address,
      port: this.info.port,
      fingerprint: this.tls.fingerprint,
    })
  }

  side(): HubSide {
    return {
      listening: this.info !== null,
      server: this.info,
      pairing: this.desk.current(),
      advertised: this.advertiser !== null,
    }
  }

  revoke(kioskId: string): void {
    if (!revokeGate(this.d.db, kioskId, this.d.now()))
      throw new UserError('NOT_FOUND', 'Gerbang itu tidak ada atau sudah dicabut.')
  }

  dashboard() {
    return hubDashboard(this.d.db, {
      kioskId: this.d.kioskId,
      publicKey: this.d.key.publicKey,
      now: this.d.now(),
    })
  }
}

/** The port the hub last listened on, kept in settings; 0 before its first start. */
export const HUB_PORT_KEY = 'hub.port'
/** The phone page's port, kept the same way: the phone QR names it. */
const PHONE_PORT_KEY = 'hub.phonePort'

/** The port kept under `key`; 0 (any free one) when none is kept yet. */
function keptPort(db: Db, key: string): number {
  const port = Number(getSetting(db, key))
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : 0
}

function keptPortTaken(address: string, port: number): string {
  return `Port ${port} di ${address}, tempat gerbang yang sudah berpasangan menyambung ke kiosk induk ini, sedang dipakai program lain (kiosk induk kedua di laptop ini?). Tutup program itu lalu nyalakan mode induk lagi. Bila terpaksa memakai port lain, semua gerbang harus dipasangkan ulang.`
}

function listenMessage(address: string, e: NodeJS.ErrnoException): string {
  if (e.code === 'EADDRNOTAVAIL')
    return `Alamat ${address} bukan milik laptop ini (jaringan berganti?). Pilih alamat lain.`
  if (e.code === 'EADDRINUSE')
    return `Port itu sudah dipakai program lain di ${address}. Pilih port lain atau 0.`
  if (e.code === 'EACCES')
    return `Tidak diizinkan mendengarkan di ${address} pada port itu. Pakai port di atas 1024 atau 0.`
  return `Kiosk induk gagal mendengarkan di ${address}: ${e.message}`
}
