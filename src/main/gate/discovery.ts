// Gates look for hubs by mDNS for a bounded time; whatever answers in that time is listed.
import { Bonjour } from 'bonjour-service'
import type { DiscoveredHub } from '../../shared/contract/hub'
import { SERVICE_TYPE } from '../hub/advertise'

/** Longer names are cut: the list is for an officer to pick from, not for a payload. */
const NAME_CHARS = 60
/** Answers kept per search: a hotspot has a few hubs, not thousands. */
const MAX_FOUND = 20

/** What an mDNS answer may carry, whoever sent it: only the fields a gate uses. */
interface Answer {
  name?: unknown
  addresses?: unknown
  port?: unknown
  /** The hub's TXT record: `alamat`, the address it listens on (hub/advertise.ts). */
  txt?: unknown
}

const isIpv4 = (a: unknown): a is string =>
  typeof a === 'string' &&
  /^\d{1,3}(\.\d{1,3}){3}$/.test(a) &&
  a.split('.').every((n) => Number(n) <= 255)

/**
 * A hub as the officer is shown it, or null for an answer no hub of ours would give. Anyone on
 * the network can answer, so nothing is taken as it came: an IPv4 address, a real port, a name
 * without control characters and of a bounded length. Pairing still needs the hub's code and
 * pins its certificate: a false answer can only waste the officer's time, never be trusted.
 * The address the hub says it listens on comes first: its answer lists every address of its
 * laptop (a hotspot's and an office network's), and the hub listens on the one picked.
 */
export function hubFromAnswer(answer: Answer): DiscoveredHub | null {
  const addresses = Array.isArray(answer.addresses) ? answer.addresses : []
  const txt = typeof answer.txt === 'object' && answer.txt !== null ? answer.txt : {}
  const listening = (txt as { alamat?: unknown }).alamat
  const address = isIpv4(listening) ? listening : addresses.find(isIpv4)
  const port = answer.port
  if (!address || typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535)
    return null
  const raw = typeof answer.name === 'string' ? answer.name : ''
  const printable = [...raw].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('')
  const name = printable.trim().slice(0, NAME_CHARS)
  return { name: name || 'Kiosk induk', address, port }
}

export function discoverHubs(timeoutMs: number): Promise<DiscoveredHub[]> {
  return new Promise((resolve) => {
    const found = new Map<string, DiscoveredHub>()
    let bonjour: Bonjour
    try {
      bonjour = new Bonjour()
    } catch {
      return resolve([])
    }
    const browser = bonjour.find({ type: SERVICE_TYPE }, (service) => {
      const hub = hubFromAnswer(service)
      if (hub && found.size < MAX_FOUND) found.set(`${hub.address}:${hub.port}`, hub)
    })
    setTimeout(() => {
      browser.stop()
      bonjour.destroy()
      resolve([...found.values()])
    }, timeoutMs)
  })
}
