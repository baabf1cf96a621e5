// Gates look for hubs by mDNS for a bounded time; whatever answers in that time is listed.
import { Bonjour } from 'bonjour-service'
import type { DiscoveredHub } from '../../shared/contract/hub'
import { SERVICE_TYPE } from '../hub/advertise'

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
      const address = service.addresses?.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a))
      if (address)
        found.set(`${address}:${service.port}`, { name: service.name, address, port: service.port })
    })
    setTimeout(() => {
      browser.stop()
      bonjour.destroy()
      resolve([...found.values()])
    }, timeoutMs)
  })
}
