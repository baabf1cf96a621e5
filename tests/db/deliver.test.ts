import { afterEach, describe, expect, it } from 'vitest'
import { deliverEvent, reannounceReading, type EventReceiver } from '../../src/main/ipc/deliver'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { eventChannel } from '../../src/shared/contract'
import type { IkrarReading } from '../../src/shared/ikrar'
import { addCeremony } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A window's contents as main sees it: where it is, whether it is gone, and what it was sent. */
function receiver(url: string, destroyed = false) {
  const got: [string, unknown][] = []
  const r: EventReceiver = {
    isDestroyed: () => destroyed,
    getURL: () => url,
    send: (channel, payload) => got.push([channel, payload]),
  }
  return { r, got }
}

describe("delivering main's events to windows", () => {
  it('sends to every live window on the app page, and to no other contents', () => {
    const kiosk = receiver('file:///app/out/renderer/index.html')
    const projector = receiver('file:///app/out/renderer/index.html#presenter')
    const elsewhere = receiver('https://example.com/')
    const devtools = receiver('devtools://devtools/bundled/inspector.html')
    const closed = receiver('file:///app/out/renderer/index.html', true)
    const isAppFrame = (url: string) => url.startsWith('file:///app/out/renderer/index.html')
    const all = [kiosk, projector, elsewhere, devtools, closed]
    deliverEvent(
      all.map((x) => x.r),
      isAppFrame,
      'checkin.changed',
      { ceremonyId: 3 },
    )
    const sent = [eventChannel('checkin.changed'), { ceremonyId: 3 }]
    expect(kiosk.got).toEqual([sent])
    expect(projector.got).toEqual([sent])
    for (const other of [elsewhere, devtools, closed]) expect(other.got).toEqual([])
  })
})

describe('the reading, announced again when the projector window comes or goes', () => {
  function kiosk() {
    const t = tempDb()
    cleanups.push(t.cleanup)
    addCeremony(t.db)
    let shown = false
    const ctx = testContext({ db: t.db, dbPath: t.file, presenterShown: () => shown })
    const heard: [string, unknown][] = []
    ctx.events.listen((name, payload) => heard.push([name, payload]))
    const handlers = createHandlers(ctx)
    return { ctx, handlers, heard, show: (s: boolean) => (shown = s) }
  }

  it('tells both windows that the reading under way is now on the projector, then off it', async () => {
    const k = kiosk()
    const saved = await invoke(k.handlers, 'ikrar.save', {
      instansi: 'Pemerintah Kabupaten Contoh',
      heading: 'IKRAR NETRALITAS ASN',
      opening: 'Kami ASN di lingkungan {instansi}, dengan ini berikrar:',
      points: ['Satu.', 'Dua.'],
      closing: null,
    })
    expect(saved.ok).toBe(true)
    const started = await invoke(k.handlers, 'ikrar.startReading', {})
    expect(started).toMatchObject({ ok: true, value: { presenterShown: false } })
    k.heard.length = 0
    k.show(true)
    await reannounceReading(k.handlers, k.ctx.events)
    // The reading as it is, only its place changed.
    const { value } = started as { value: IkrarReading }
    expect(k.heard).toEqual([['ikrar.reading', { ...value, presenterShown: true }]])
    k.show(false)
    await reannounceReading(k.handlers, k.ctx.events)
    expect((k.heard[1]![1] as IkrarReading).presenterShown).toBe(false)
  })

  it('says nothing when no reading is under way', async () => {
    const k = kiosk()
    k.show(true)
    await reannounceReading(k.handlers, k.ctx.events)
    expect(k.heard).toEqual([])
  })
})
