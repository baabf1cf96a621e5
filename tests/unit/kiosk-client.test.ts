import { onlineManager, QueryObserver } from '@tanstack/query-core'
import { afterEach, describe, expect, it } from 'vitest'
import { createKioskClient } from '../../src/renderer/src/data/kiosk-client'
import { keys } from '../../src/renderer/src/data/keys'

afterEach(() => onlineManager.setOnline(true))

describe("the renderer's query cache", () => {
  it('keeps reading from main while the browser says the network is gone', async () => {
    onlineManager.setOnline(false)
    const client = createKioskClient()
    let reads = 0
    const observer = new QueryObserver(client, {
      queryKey: keys.call('checkin.dashboard', { missingOpdId: null, recent: 50, filter: 'semua' }),
      queryFn: async () => ++reads,
    })
    const stop = observer.subscribe(() => undefined)
    await expect.poll(() => observer.getCurrentResult().data).toBe(1)
    expect(observer.getCurrentResult().fetchStatus).toBe('idle')
    // An event's invalidation re-reads at once too, not once the Wi-Fi is back.
    await client.invalidateQueries({ queryKey: keys.channel('checkin.dashboard') })
    expect(observer.getCurrentResult().data).toBe(2)
    stop()
  })
})
