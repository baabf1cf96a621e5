// The hub of the hub bench in a process of its own, as it is on the field (its own laptop):
// the gates' process asks it for pairing offers and, at the end, for the rows it holds.
import { stopNetwork } from '../../src/main/ipc/hub'
import type { HubServerInfo, PairingOffer } from '../../src/shared/contract/hub'
import { PILKADA_2024 } from '../../tests/fixtures/ceremony'
import { kioskAt } from '../../tests/fixtures/kiosks'
import { BENCH_ROSTER } from './hub-roster'

async function main(): Promise<void> {
  const hub = await kioskAt('HUB', BENCH_ROSTER)
  hub.ctx.network = { mdns: false }
  hub.ctx.now = () => new Date()
  await hub.call('hub.setRole', { role: 'induk' })
  await hub.call('ceremony.create', PILKADA_2024)
  const server = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
  process.on('message', (m: string) => {
    void (async () => {
      if (m === 'offer')
        process.send!({ qr: (await hub.call<PairingOffer>('hub.pairingOffer')).qr })
      if (m === 'rows')
        process.send!({
          rows: hub.ctx.db.prepare("SELECT kiosk_id || '|' || nip FROM checkin").pluck().all(),
        })
      if (m === 'stop') {
        await stopNetwork(hub.ctx)
        hub.cleanup()
        process.exit(0)
      }
    })()
  })
  process.send!({ port: server.port })
}

void main()
