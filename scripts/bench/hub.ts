// `hub: 10 gates x 5 scans/s, push p95`: ten gate kiosks (own SQLite file and handler table
// each) paired over real TLS on loopback with one hub in a process of its own
// (tests/fixtures/kiosk-process.ts), each scanning 5 times a second for
// HUB_BENCH_SECONDS (60 by default). The figure is the gate's whole scan: local commit, push,
// and the hub's word back (the handler waits at most 300 ms for it). Beside it, the same scan
// at a standalone kiosk in the same run. Then every gate drains and the hub's rows are counted
// against what the gates confirmed: "0 lost" or how many.
import fs from 'node:fs'
import { stopNetwork } from '../../src/main/ipc/hub'
import type { GateLink, HubServerInfo, PairingOffer } from '../../src/shared/contract/hub'
import type { ScanOutcome } from '../../src/shared/domain'
import { PILKADA_2024 } from '../../tests/fixtures/ceremony'
import { forkKiosk } from '../../tests/fixtures/kiosk-child'
import { kioskAt, type Kiosk } from '../../tests/fixtures/kiosks'
import { tempDir } from '../../tests/fixtures/temp-db'
import { BENCH_ROSTER as ROSTER } from './hub-roster'
import type { BenchRow } from './table'

const GATES = 10
const PER_SECOND = 5
const TARGET_MS = 50

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? NaN
const p95 = (xs: number[]) => quantile(xs, 0.95)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))

async function kiosk(id: string, role: 'gerbang' | 'mandiri'): Promise<Kiosk> {
  const k = await kioskAt(id, ROSTER)
  k.ctx.network = { mdns: false }
  // Real time: scans are stamped as they happen.
  k.ctx.now = () => new Date()
  if (role !== 'mandiri') await k.call('hub.setRole', { role })
  return k
}

/**
 * One kiosk scanning PER_SECOND for `seconds`, each due on its own schedule; durations, ms.
 * `phase` (0..1 of the period) staggers the gates: ten laptops are not locked to the same
 * microsecond, and a lock-step start would measure ten local commits queued on this one
 * process's thread (in the field each gate has its own) rather than the push.
 */
async function scanning(
  k: Kiosk,
  seconds: number,
  pick: () => string,
  phase: number,
  confirmed?: string[],
) {
  const durations: number[] = []
  const start = performance.now() + (phase * 1000) / PER_SECOND
  for (let i = 0; i < seconds * PER_SECOND; i++) {
    await sleep(start + (i * 1000) / PER_SECOND - performance.now())
    const t = performance.now()
    const nip = pick()
    const out = await k.call<ScanOutcome>('checkin.scan', { payload: nip, source: 'kamera' })
    durations.push(performance.now() - t)
    if (confirmed && (out.kind === 'recorded' || out.kind === 'duplicate'))
      confirmed.push(`${k.ctx.kioskId}|${nip}`)
  }
  return durations
}

export default async function hubBench(): Promise<BenchRow[]> {
  const seconds = Number(process.env.HUB_BENCH_SECONDS ?? 60)
  const hubDir = tempDir('kiosk-bench-hub-')
  const hub = await forkKiosk({
    dir: hubDir,
    kioskId: 'HUB',
    role: 'induk',
    rosterSize: ROSTER.length,
    // The hub's screens are open on the field: what its events cost is part of the figure.
    screens: true,
  })
  const all: Kiosk[] = []
  try {
    await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
    const gates: Kiosk[] = []
    for (let i = 0; i < GATES; i++) {
      const g = await kiosk(`GATE-${i + 1}`, 'gerbang')
      all.push(g)
      const offer = await hub.call<PairingOffer>('hub.pairingOffer')
      await g.call('hub.pair', { qr: offer.qr })
      gates.push(g)
    }
    const bare = await kiosk('SATU', 'mandiri')
    all.push(bare)
    await bare.call('ceremony.create', PILKADA_2024)
    // Crowds overlap: anyone may come through any gate, so the hub sees repeats too.
    const random = () => ROSTER[Math.floor(Math.random() * ROSTER.length)]!.nip
    const confirmed: string[] = []
    const [bareDurations, ...gateDurations] = await Promise.all([
      scanning(bare, Math.min(seconds, 10), random, 0.5 / GATES),
      ...gates.map((g, i) => scanning(g, seconds, random, i / GATES, confirmed)),
    ])
    // Every gate sends what it still has; then count.
    for (let round = 0; round < 200; round++) {
      const links = await Promise.all(gates.map((g) => g.call<GateLink>('hub.pushNow')))
      if (links.every((l) => l.backlog === 0)) break
      await sleep(50)
    }
    const held = await hub.rows<{ row: string }>(
      "SELECT kiosk_id || '|' || nip AS row FROM checkin",
    )
    const rows = new Set(held.map((r) => r.row))
    // A repeat the gate showed as "already" recorded no row there: only its arrivals count.
    const arrivals = gates.flatMap((g) =>
      (g.ctx.db.prepare('SELECT nip FROM checkin').pluck().all() as string[]).map(
        (nip) => `${g.ctx.kioskId}|${nip}`,
      ),
    )
    const lost = arrivals.filter((a) => !rows.has(a)).length
    const push = p95(gateDurations.flat())
    return [
      {
        name: `hub: ${GATES} gates x ${PER_SECOND} scans/s, push p95`,
        value: `${push.toFixed(1)} ms (p50 ${quantile(gateDurations.flat(), 0.5).toFixed(1)} ms, ${seconds} s, ${gateDurations.flat().length} scans, ${lost === 0 ? '0 lost' : `${lost} LOST`})`,
        baseline: `${p95(bareDurations!).toFixed(1)} ms standalone scan`,
        ratio: `${(push / p95(bareDurations!)).toFixed(1)}x`,
        target: `<= ${TARGET_MS} ms, 0 lost`,
        ok: push <= TARGET_MS && lost === 0,
      },
    ]
  } finally {
    await hub.stop()
    fs.rmSync(hubDir, { recursive: true, force: true })
    for (const k of all) {
      await stopNetwork(k.ctx)
      k.cleanup()
    }
  }
}
