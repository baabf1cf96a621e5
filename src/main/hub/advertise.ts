// mDNS/DNS-SD: the hub announces `_apel-kiosk._tcp` while hub mode is on, so gates on the same
// hotspot find it without typing an address. A network that blocks multicast just means the
// address is typed in: advertising failing never stops the hub.
import { Bonjour } from 'bonjour-service'

export const SERVICE_TYPE = 'apel-kiosk'

export interface Advertiser {
  stop(): Promise<void>
}

export function advertiseHub(o: {
  name: string
  /** The address the hub listens on: the answer lists every address of the laptop. */
  address: string
  port: number
  certSha256: string
}): Advertiser | null {
  try {
    const bonjour = new Bonjour()
    bonjour.publish({
      name: o.name,
      type: SERVICE_TYPE,
      port: o.port,
      // The first 16 hex digits of the pin: a gate shows it beside the hub it found.
      txt: { sidik: o.certSha256.slice(0, 16), alamat: o.address, versi: '1' },
    })
    return {
      stop: () =>
        new Promise<void>((resolve) => {
          bonjour.unpublishAll(() => {
            bonjour.destroy()
            resolve()
          })
        }),
    }
  } catch (error) {
    console.warn('[mDNS]', (error as Error).message)
    return null
  }
}
