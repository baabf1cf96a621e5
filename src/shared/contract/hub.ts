import { z } from 'zod'
import type { OpdCount } from '../domain'
import { call } from './define'

/**
 * What a kiosk is in a multi-gate apel: standalone (today's kiosk, the default), the hub
 * ("Kiosk induk") that gates push their scans to, or a gate ("Kiosk gerbang") paired to a hub.
 */
export const KIOSK_ROLES = ['mandiri', 'induk', 'gerbang'] as const
export type KioskRole = (typeof KIOSK_ROLES)[number]

/** The prefix of the pairing QR's text: `APEL-HUB1:<base64url JSON of the offer>`. */
export const PAIRING_QR_PREFIX = 'APEL-HUB1:'

/** A network address of this laptop the officer may let the hub listen on. */
export interface NetworkAddress {
  /** The interface's name as the OS calls it ("wlan0", "Wi-Fi"). */
  name: string
  /** IPv4, dotted ("192.168.43.10"). */
  address: string
  /** Loopback: only this laptop can reach it (for trying things out). */
  internal: boolean
}

/** The hub's server while hub mode is on. */
export interface HubServerInfo {
  address: string
  port: number
  /** SHA-256 of the hub's TLS certificate, grouped hex ("AB12 CD34 …"): what a gate pins. */
  certFingerprint: string
  /** The read-only phone page (counts only, no names or NIPs): the second QR's text. */
  phoneUrl: string
}

/** A pairing offer, valid once, for a few minutes. */
export interface PairingOffer {
  /** The QR's text (PAIRING_QR_PREFIX + address, port, certificate fingerprint, code). */
  qr: string
  /** The same code to type in ("K7QF-9XMD"), with the hub's address and port. */
  code: string
  address: string
  port: number
  certFingerprint: string
  /** ISO time the code stops working. */
  expiresAt: string
}

/** The hub side of the role status. */
export interface HubSide {
  /** Hub mode on: the server listens. */
  listening: boolean
  server: HubServerInfo | null
  /** The offer still open, if any (the QR stays on screen until it expires or is used). */
  pairing: PairingOffer | null
  /** Whether mDNS advertising works on this network (false: gates must type the address). */
  advertised: boolean
}

/** A gate's link to its hub, as the gate sees it. */
export interface GateLink {
  paired: boolean
  /** "Gerbang 2", given by the hub at pairing; null before pairing. */
  label: string | null
  hubAddress: string | null
  hubPort: number | null
  /** The pinned certificate fingerprint (grouped hex). */
  hubCertFingerprint: string | null
  /** The last exchange with the hub succeeded and was recent. */
  online: boolean
  lastContact: string | null
  /** Log entries recorded here and not yet acknowledged by the hub ("belum terkirim: N"). */
  backlog: number
  /** Hub clock minus this gate's clock, ms; null before the first exchange. */
  offsetMs: number | null
  /** Why the last exchange failed, in Indonesian; null when it worked. */
  lastError: string | null
  /** The ceremony taken from the hub (name), null before it is taken. */
  ceremonyName: string | null
}

export interface RoleStatus {
  role: KioskRole
  /** This kiosk's label in the apel: "Kiosk induk", "Gerbang 2", or null when standalone. */
  label: string | null
  hub: HubSide | null
  gate: GateLink | null
}

/** One source of arrivals at the hub: the hub's own gate or one paired gate. */
export interface GateRow {
  /** The peer's kiosk id (the hub's own for its row). */
  kioskId: string
  /** "Kiosk induk" or "Gerbang N". */
  label: string
  isHub: boolean
  /** Short key fingerprint of the gate's signing key ("KIOSK-7F3A · …"). */
  fingerprint: string
  online: boolean
  lastSeen: string | null
  /** What the gate last said it still had to send; null for the hub's own row. */
  backlog: number | null
  /** Gate clock to hub clock, ms; null when not measured (and for the hub's own row). */
  offsetMs: number | null
  /** Live arrivals at the active ceremony first scanned at this source. */
  present: number
  /** Arrivals in the last 5 minutes, per minute, one decimal. */
  perMinute: number
  revoked: boolean
}

/** The combined picture at the hub for the active ceremony. */
export interface HubDashboard {
  ceremony: { id: number; globalId: string | null; name: string } | null
  present: number
  expected: number
  /** The same per-OPD counts the gate's own dashboard shows, over every gate's arrivals. */
  perOpd: OpdCount[]
  gates: GateRow[]
  /** Duplicates found while merging (a person scanned at two gates), newest first, at most 50. */
  duplicates: {
    nip: string
    keptAt: string
    keptLabel: string
    laterLabel: string
    laterAt: string
  }[]
}

/** A hub found by mDNS on the local network. */
export interface DiscoveredHub {
  name: string
  address: string
  port: number
}

const port = z.number().int().min(0).max(65_535)
const ipv4 = z.ipv4('Alamat harus IPv4, misalnya 192.168.43.10')

export const hubContract = {
  /** The role, label and link state: shown on every screen, so no PIN. */
  'hub.status': call<RoleStatus>()(z.undefined()),
  /** Switching role stops hub mode; a gate keeps its pairing until "hub.unpair". */
  'hub.setRole': call<RoleStatus>({ officer: true, changes: ['hub.changed'] })(
    z.object({ role: z.enum(KIOSK_ROLES) }).strict(),
  ),
  /** The IPv4 addresses this laptop has, for the officer to pick where the hub listens. */
  'hub.addresses': call<NetworkAddress[]>({ officer: true })(z.undefined()),
  /** Hub mode on: listens on the address picked (port 0: any free one). */
  'hub.start': call<HubServerInfo>({ officer: true, changes: ['hub.changed'] })(
    z.object({ address: ipv4, port: port.default(0) }).strict(),
  ),
  'hub.stop': call<null>({ officer: true, changes: ['hub.changed'] })(z.undefined()),
  /** A new one-time pairing code (the previous open one stops working). */
  'hub.pairingOffer': call<PairingOffer>({ officer: true, changes: ['hub.changed'] })(
    z.undefined(),
  ),
  /** Revoked at once: the gate's next request is refused; its arrivals so far stay counted. */
  'hub.revokeGate': call<null>({ officer: true, changes: ['hub.changed'] })(
    z.object({ kioskId: z.string().trim().min(1).max(64) }).strict(),
  ),
  /** Combined present/expected per OPD and per gate; re-read on hub.changed and checkin.changed. */
  'hub.dashboard': call<HubDashboard>()(z.undefined()),
  /** Looks for hubs on the local network by mDNS for a bounded time. */
  'hub.discover': call<DiscoveredHub[]>({ officer: true })(
    z.object({ timeoutMs: z.number().int().min(200).max(10_000).default(3_000) }).strict(),
  ),
  /**
   * Pairs this gate with a hub, from the pairing QR's text or from the typed address, port and
   * code; then takes the ceremony, its ikrar text and the roster from the hub.
   */
  'hub.pair': call<GateLink>({
    officer: true,
    changes: ['hub.changed', 'ceremony.changed', 'roster.changed'],
  })(
    z.union([
      z.object({ qr: z.string().trim().min(1).max(1_000) }).strict(),
      z
        .object({ address: ipv4, port: port.min(1), code: z.string().trim().min(4).max(20) })
        .strict(),
    ]),
  ),
  /** Forgets the hub (arrivals recorded here stay); pairing again starts a new link. */
  'hub.unpair': call<null>({ officer: true, changes: ['hub.changed'] })(z.undefined()),
  /** Pushes what is not yet sent, now (the pusher also does by itself). */
  'hub.pushNow': call<GateLink>()(z.undefined()),
}
