import path from 'node:path'
import type { hubContract, RoleStatus } from '../../shared/contract/hub'
import type { KioskContext } from '../context'
import { UserError } from '../errors'
import { discoverHubs } from '../gate/discovery'
import { GateService } from '../gate/service'
import { kioskRole, setKioskRole } from '../hub/role'
import { HUB_LABEL } from '../hub/kiosk-label'
import { HubService, networkAddresses } from '../hub/service'
import { HUB_TLS_FILE, hubTlsStore } from '../hub/tls'
import type { HandlersFor } from './handlers'

export interface Network {
  hub: HubService
  gate: GateService
}

const networks = new WeakMap<KioskContext, Network>()

/** The hub and gate services of one context: one per handler table's context, made once. */
export function networkOf(ctx: KioskContext): Network {
  let n = networks.get(ctx)
  if (!n) {
    const deps = {
      db: ctx.db,
      kioskId: ctx.kioskId,
      key: ctx.key,
      now: () => ctx.now(),
      events: ctx.events,
    }
    n = {
      hub: new HubService({
        ...deps,
        tlsStore:
          ctx.network?.tlsStore ?? hubTlsStore(path.join(path.dirname(ctx.dbPath), HUB_TLS_FILE)),
        advertise: ctx.network?.mdns,
      }),
      gate: new GateService({
        ...deps,
        sealer: ctx.network?.sealer,
        pusher: ctx.network?.pusher,
      }),
    }
    networks.set(ctx, n)
  }
  return n
}

/** Stops listening and pushing (app quit, tests): nothing of the network outlives its context. */
export async function stopNetwork(ctx: KioskContext): Promise<void> {
  const n = networks.get(ctx)
  if (!n) return
  n.gate.stop()
  await n.hub.stop()
}

export function hubHandlers(ctx: KioskContext): HandlersFor<keyof typeof hubContract> {
  // Made on first use, so a test can give the context its network options after the table.
  const lazy = () => networkOf(ctx)
  const net = {
    get hub() {
      return lazy().hub
    },
    get gate() {
      return lazy().gate
    },
  }
  // A paired gate pushes from the start, whatever screen opens first.
  if (kioskRole(ctx.db) === 'gerbang') queueMicrotask(() => net.gate.resume())
  const status = (): RoleStatus => {
    const role = kioskRole(ctx.db)
    if (role === 'induk') return { role, label: HUB_LABEL, hub: net.hub.side(), gate: null }
    if (role === 'gerbang') {
      const gate = net.gate.link()
      return { role, label: gate.label, hub: null, gate }
    }
    return { role, label: null, hub: null, gate: null }
  }
  const requireRole = (role: 'induk' | 'gerbang') => {
    if (kioskRole(ctx.db) !== role)
      throw new UserError(
        'WRONG_ROLE',
        role === 'induk'
          ? 'Kiosk ini bukan kiosk induk. Ubah peran di Pengaturan dulu.'
          : 'Kiosk ini bukan kiosk gerbang. Ubah peran di Pengaturan dulu.',
      )
  }
  return {
    'hub.status': status,
    'hub.setRole': async ({ role }) => {
      // Leaving a role stops what it ran; a gate's pairing stays until it is undone.
      if (role !== 'induk') await net.hub.stop()
      if (role !== 'gerbang') net.gate.stop()
      setKioskRole(ctx.db, role)
      if (role === 'gerbang') net.gate.resume()
      return status()
    },
    'hub.addresses': () => networkAddresses(),
    'hub.start': ({ address, port }) => {
      requireRole('induk')
      return net.hub.start(address, port)
    },
    'hub.stop': async () => {
      await net.hub.stop()
      return null
    },
    'hub.pairingOffer': () => {
      requireRole('induk')
      return net.hub.offer()
    },
    'hub.revokeGate': ({ kioskId }) => {
      net.hub.revoke(kioskId)
      return null
    },
    'hub.dashboard': () => net.hub.dashboard(),
    'hub.discover': ({ timeoutMs }) => {
      requireRole('gerbang')
      return ctx.network?.mdns === false ? [] : discoverHubs(timeoutMs)
    },
    'hub.pair': (input) => {
      requireRole('gerbang')
      return net.gate.pair(input)
    },
    'hub.unpair': () => {
      net.gate.unpair()
      return null
    },
    'hub.pushNow': () => net.gate.pushNow(),
  }
}
