// The hub and its gates across restarts, for real: the hub back on the port its gates pinned
// (or a clear refusal when another program holds it), the hub's process SIGKILLed while gates
// push and started again on the same file and port, a gate's process SIGKILLed after a local
// commit and before its push. Real TLS on 127.0.0.1, real SQLite files, real processes; every
// wait bounded. End state each time: 0 confirmed scans lost, 0 people counted twice, the same
// arrivals (who, where first) as one kiosk.
import fs from 'node:fs'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { stopNetwork } from '../../src/main/ipc/hub'
import type { GateLink, HubServerInfo, PairingOffer } from '../../src/shared/contract/hub'
import type { ScanOutcome } from '../../src/shared/domain'
import { crowdNip } from '../fixtures/crowd'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { forkKiosk, type KioskProcess } from '../fixtures/kiosk-child'
import { kioskAt, people, type Kiosk } from '../fixtures/kiosks'
import { tempDir } from '../fixtures/temp-db'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const ROSTER_SIZE = 80
const ROSTER = people(ROSTER_SIZE, crowdNip)
const NIPS = ROSTER.map((p) => p.nip)
const FAST = { heartbeatMs: 100, backoffMinMs: 20, backoffMaxMs: 200, requestTimeoutMs: 2_000 }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A kiosk in this process on real time (the hub's processes run on real time too). */
async function kiosk(id: string, role: 'induk' | 'gerbang') {
  const k = await kioskAt(id, ROSTER)
  k.ctx.now = () => new Date()
  k.ctx.network = { mdns: false, pusher: FAST }
  await k.call('hub.setRole', { role })
  cleanups.push(k.cleanup, () => stopNetwork(k.ctx))
  return k
}

function folder(): string {
  const dir = tempDir('kiosk-net-')
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function forked(config: Parameters<typeof forkKiosk>[0]): Promise<KioskProcess> {
  const p = await forkKiosk(config)
  cleanups.push(() => p.kill())
  return p
}

const scan = (k: Kiosk, nip: string) =>
  k.call<ScanOutcome>('checkin.scan', { payload: nip, source: 'kamera' })

interface Row {
  kioskId: string
  nip: string
  live: number
}
const HUB_ROWS =
  'SELECT kiosk_id AS kioskId, nip, cancelled_at IS NULL AS live FROM checkin ORDER BY nip'

/**
 * Waits (bounded) until the hub holds every arrival the gates hold, without asking any gate to
 * push: they must come back by themselves. Returns the hub's rows.
 */
async function caughtUp(
  hubRows: () => Promise<Row[]> | Row[],
  gateRows: () => Promise<string[]>,
  withinMs = 20_000,
): Promise<Row[]> {
  const end = Date.now() + withinMs
  for (;;) {
    const rows = await hubRows()
    const held = new Set(rows.map((r) => `${r.kioskId}|${r.nip}`))
    const missing = (await gateRows()).filter((a) => !held.has(a))
    if (missing.length === 0) return rows
    if (Date.now() > end) throw new Error(`belum sampai di kiosk induk: ${missing.join(', ')}`)
    await sleep(100)
  }
}

/** Every arrival (uncancelled row) a gate recorded, as "kiosk|nip". */
function arrivalsOf(g: Kiosk): string[] {
  return (
    g.ctx.db.prepare('SELECT nip FROM checkin WHERE cancelled_at IS NULL').pluck().all() as string[]
  ).map((nip) => `${g.ctx.kioskId}|${nip}`)
}

/** 0 counted twice, and each person live exactly where they were first scanned. */
function expectOneKiosk(rows: Row[], firstAt: Map<string, string>) {
  const live = rows.filter((r) => r.live === 1)
  expect(new Set(live.map((r) => r.nip)).size).toBe(live.length)
  expect(new Map(live.map((r) => [r.nip, r.kioskId]))).toEqual(firstAt)
}

describe('the hub restarted', () => {
  it('listens again on the port its gates pinned, and they catch up by themselves', async () => {
    const hub = await kiosk('HUB', 'induk')
    await hub.call('ceremony.create', PILKADA_2024)
    const first = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    const gate = await kiosk('GATE-1', 'gerbang')
    const offer = await hub.call<PairingOffer>('hub.pairingOffer')
    await gate.call('hub.pair', { qr: offer.qr })
    expect((await scan(gate, NIPS[0]!)).kind).toBe('recorded')

    await hub.call('hub.stop')
    for (const nip of NIPS.slice(1, 4)) expect((await scan(gate, nip)).kind).toBe('recorded')
    expect(await gate.call('hub.status')).toMatchObject({ gate: { online: false } })

    // The officer turns hub mode on again, as the screen does (port 0): the same port.
    const again = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    expect(again.port).toBe(first.port)
    const rows = await caughtUp(
      () => hub.ctx.db.prepare(HUB_ROWS).all() as Row[],
      async () => arrivalsOf(gate),
    )
    expect(rows.map((r) => r.nip).sort()).toEqual(NIPS.slice(0, 4).sort())
  })

  it('says in Indonesian that the kept port is taken, and listens nowhere', async () => {
    const hub = await kiosk('HUB', 'induk')
    await hub.call('ceremony.create', PILKADA_2024)
    const first = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    await hub.call('hub.stop')
    const squatter = net.createServer()
    await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())))

    const taken = await hub.attempt('hub.start', { address: '127.0.0.1', port: 0 })
    expect(taken).toMatchObject({ ok: false, error: { code: 'HUB_LISTEN' } })
    expect(!taken.ok && taken.error.message).toMatch(
      new RegExp(`Port ${first.port} di 127\\.0\\.0\\.1.*dipakai program lain.*dipasangkan ulang`),
    )
    expect(await hub.call('hub.status')).toMatchObject({ hub: { listening: false } })
  })
})

describe('the phone page across restarts', () => {
  /** The page's port, after checking it answers there (the QR a phone scanned names it). */
  async function answering(info: HubServerInfo): Promise<number> {
    const page = await fetch(info.phoneUrl, { signal: AbortSignal.timeout(5_000) })
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/Kehadiran Apel/)
    return Number(new URL(info.phoneUrl).port)
  }

  it('answers on the same port after hub mode stops and starts, so a phone QR shared before still opens it', async () => {
    const hub = await kiosk('HUB', 'induk')
    const first = await answering(
      await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 }),
    )
    await hub.call('hub.stop')
    await expect(fetch(`http://127.0.0.1:${first}/`)).rejects.toThrow()
    const again = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    expect(await answering(again)).toBe(first)
  })

  it('moves to a free port when another program holds the kept one, and keeps that one after', async () => {
    const hub = await kiosk('HUB', 'induk')
    const first = await answering(
      await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 }),
    )
    await hub.call('hub.stop')
    const squatter = net.createServer()
    await new Promise<void>((resolve) => squatter.listen(first, '127.0.0.1', resolve))
    const closed = new Promise<void>((resolve) => squatter.on('close', resolve))
    cleanups.push(async () => {
      if (squatter.listening) squatter.close()
      await closed
    })
    const moved = await answering(
      await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 }),
    )
    expect(moved).not.toBe(first)
    await hub.call('hub.stop')
    squatter.close()
    await closed
    const again = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    expect(await answering(again)).toBe(moved)
  })
})

describe('real SIGKILL', () => {
  it(
    'the hub process killed mid-sync and started again on the same file and port: everything arrives',
    { timeout: 90_000 },
    async () => {
      const hubDir = folder()
      const hubConfig = {
        dir: hubDir,
        kioskId: 'HUB',
        role: 'induk',
        rosterSize: ROSTER_SIZE,
      } as const
      let hub = await forked(hubConfig)
      const info = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
      const gates: Kiosk[] = []
      for (let i = 0; i < 3; i++) {
        const g = await kiosk(`GATE-${i + 1}`, 'gerbang')
        const offer = await hub.call<PairingOffer>('hub.pairingOffer')
        await g.call('hub.pair', { qr: offer.qr })
        gates.push(g)
      }
      // Overlapping crowds: person k first at gate k % 3, again at the next gate two rounds later.
      const firstAt = new Map<string, string>()
      const round = async (k: number) => {
        const scans: Promise<unknown>[] = []
        if (k < 60) {
          firstAt.set(NIPS[k]!, gates[k % 3]!.ctx.kioskId)
          scans.push(scan(gates[k % 3]!, NIPS[k]!))
        }
        if (k >= 2 && k - 2 < 60 && (k - 2) % 2 === 0)
          scans.push(scan(gates[(k - 2 + 1) % 3]!, NIPS[k - 2]!))
        await Promise.all(scans)
        await sleep(40)
      }
      for (let k = 0; k < 20; k++) await round(k)
      // Mid-sync: a round's scans are pushing (each scan pushes at once) when the power goes.
      const during = round(20)
      await sleep(5)
      await hub.kill()
      await during
      for (let k = 21; k < 40; k++) await round(k)
      hub = await forked(hubConfig)
      expect(hub.fresh).toBe(false)
      const back = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
      expect(back.port).toBe(info.port)
      for (let k = 40; k < 62; k++) await round(k)

      const rows = await caughtUp(
        () => hub.rows<Row>(HUB_ROWS),
        async () => gates.flatMap(arrivalsOf),
      )
      expectOneKiosk(rows, firstAt)
      const check = await hub.rows<{ ok: string }>('SELECT * FROM pragma_integrity_check AS ok')
      expect(Object.values(check[0]!)).toEqual(['ok'])
    },
  )

  it(
    'a gate process killed after its local commit and before its push, started again: everything arrives',
    { timeout: 90_000 },
    async () => {
      const hub = await kiosk('HUB', 'induk')
      await hub.call('ceremony.create', PILKADA_2024)
      await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
      const gateConfig = {
        dir: folder(),
        kioskId: 'GATE-1',
        role: 'gerbang',
        rosterSize: ROSTER_SIZE,
        pusher: FAST,
      } as const
      let gate = await forked(gateConfig)
      const offer = await hub.call<PairingOffer>('hub.pairingOffer')
      await gate.call('hub.pair', { qr: offer.qr })
      const gateScan = (nip: string) =>
        gate.call<ScanOutcome>('checkin.scan', { payload: nip, source: 'kamera' })
      const confirmed: string[] = []
      for (const nip of NIPS.slice(0, 5)) {
        expect((await gateScan(nip)).kind).toBe('recorded')
        confirmed.push(nip)
      }
      // The hub down: each scan is committed at the gate and confirmed, and cannot be pushed.
      await hub.call('hub.stop')
      for (const nip of NIPS.slice(5, 12)) {
        expect((await gateScan(nip)).kind).toBe('recorded')
        confirmed.push(nip)
      }
      const waiting = await gate.call<{ gate: GateLink }>('hub.status')
      expect(waiting.gate.backlog).toBeGreaterThan(0)
      await gate.kill()

      await hub.call('hub.start', { address: '127.0.0.1', port: 0 })
      gate = await forked(gateConfig)
      expect(gate.fresh).toBe(false)
      const rows = await caughtUp(
        () => hub.ctx.db.prepare(HUB_ROWS).all() as Row[],
        async () =>
          (await gate.rows<{ nip: string }>('SELECT nip FROM checkin')).map(
            (r) => `GATE-1|${r.nip}`,
          ),
      )
      expect(rows.map((r) => r.nip).sort()).toEqual([...confirmed].sort())
      expectOneKiosk(rows, new Map(confirmed.map((nip) => [nip, 'GATE-1'])))
      // Entries the killed gate had sent but not heard acknowledged came again: stored once.
      const stored = hub.ctx.db
        .prepare(
          "SELECT count(*) AS n, count(DISTINCT seq) AS d FROM peer_entry WHERE kiosk_id = 'GATE-1'",
        )
        .get() as { n: number; d: number }
      expect(stored.n).toBe(stored.d)
    },
  )
})
