// Three gates and a hub over real TLS on 127.0.0.1, each with its own SQLite file and handler
// table: pairing and its refusals, overlapping crowds, the hub stopped and started mid-apel, a
// gate gone after a local commit and before its push; nothing confirmed is lost, no one counted
// twice, the same arrivals as one kiosk scanning them all.
import https from 'node:https'
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { decideScan } from '../../src/main/checkin/record'
import { readCredential, readLink } from '../../src/main/gate/link'
import { stopNetwork } from '../../src/main/ipc/hub'
import { pairingQr } from '../../src/main/hub/pairing'
import type {
  GateLink,
  HubDashboard,
  HubServerInfo,
  PairingOffer,
} from '../../src/shared/contract/hub'
import type { Ceremony, ScanOutcome } from '../../src/shared/domain'
import { crowdNip } from '../fixtures/crowd'
import { clientAs } from '../fixtures/hub-pair'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { kioskAt, people, reopenKiosk, type Kiosk } from '../fixtures/kiosks'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const ROSTER = people(60, crowdNip)
const NIPS = ROSTER.map((p) => p.nip)
const FAST = { heartbeatMs: 100, backoffMinMs: 20, backoffMaxMs: 200, requestTimeoutMs: 2_000 }

/** Every kiosk's wall clock at once: one time on the field, so offsets measure 0. */
function field(kiosks: Kiosk[]) {
  return (time: string) => {
    for (const k of kiosks) k.clock.t = Date.parse(`2024-09-30T${time}.000Z`)
  }
}

async function kiosk(id: string, role: 'induk' | 'gerbang' | 'mandiri') {
  const k = await kioskAt(id, ROSTER)
  k.ctx.network = { mdns: false, pusher: FAST }
  if (role !== 'mandiri') await k.call('hub.setRole', { role })
  cleanups.push(k.cleanup, () => stopNetwork(k.ctx))
  return k
}

async function hubWithGates(n: number) {
  const hub = await kiosk('HUB', 'induk')
  await hub.call<Ceremony>('ceremony.create', PILKADA_2024)
  const server = await hub.call<HubServerInfo>('hub.start', { address: '127.0.0.1', port: 0 })
  const gates: Kiosk[] = []
  for (let i = 0; i < n; i++) {
    const g = await kiosk(`GATE-${i + 1}`, 'gerbang')
    const offer = await hub.call<PairingOffer>('hub.pairingOffer')
    const link = await g.call<GateLink>('hub.pair', { qr: offer.qr })
    expect(link.label).toBe(`Gerbang ${i + 1}`)
    gates.push(g)
  }
  return { hub, server, gates, at: field([hub, ...gates]) }
}

/** Waits (bounded) until every gate has nothing left to send. */
async function drained(gates: Kiosk[], withinMs = 15_000) {
  const end = Date.now() + withinMs
  for (;;) {
    const links = await Promise.all(gates.map((g) => g.call<GateLink>('hub.pushNow')))
    if (links.every((l) => l.backlog === 0 && l.online)) return
    if (Date.now() > end) throw new Error(`masih tertunda: ${JSON.stringify(links)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const liveAt = (k: Kiosk) =>
  k.ctx.db
    .prepare('SELECT nip, scanned_at AS at FROM checkin WHERE cancelled_at IS NULL ORDER BY nip')
    .all() as { nip: string; at: string }[]

const scan = (k: Kiosk, nip: string) =>
  k.call<ScanOutcome>('checkin.scan', { payload: nip, source: 'kamera' })

describe('pairing a gate with the hub', () => {
  it('pairs by QR and by typed code, and refuses a wrong, expired or reused code and a certificate other than the one the QR names', async () => {
    const { hub, server, gates, at } = await hubWithGates(1)
    const g1 = gates[0]!
    const link = readLink(g1.ctx.db)!
    expect(link.ackSeq).toBe(0)
    // The gate took the hub's ceremony under the hub's global id, and made it its active one.
    const hubCeremony = hub.ctx.db.prepare('SELECT global_id FROM ceremony').pluck().get()
    expect(
      g1.ctx.db
        .prepare(
          "SELECT global_id FROM ceremony WHERE id = (SELECT value FROM setting WHERE key = 'active_ceremony_id')",
        )
        .pluck()
        .get(),
    ).toBe(hubCeremony)

    const g2 = await kiosk('GATE-2', 'gerbang')
    const offer = await hub.call<PairingOffer>('hub.pairingOffer')
    const wrong = await g2.attempt('hub.pair', {
      address: '127.0.0.1',
      port: server.port,
      code: 'AAAA-AAAA',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CODE_WRONG' } })
    expect(!wrong.ok && wrong.error.message).toMatch(/Kode pasangan salah/)

    // Another certificate than the QR names: refused before anything is sent.
    const forged = pairingQr({
      address: '127.0.0.1',
      port: server.port,
      fingerprint: 'ab'.repeat(32),
      code: offer.code,
    })
    const pinned = await g2.attempt('hub.pair', { qr: forged })
    expect(pinned).toMatchObject({ ok: false, error: { code: 'PIN_MISMATCH' } })

    const typed = await g2.call<GateLink>('hub.pair', {
      address: '127.0.0.1',
      port: server.port,
      code: offer.code.toLowerCase(),
    })
    expect(typed.label).toBe('Gerbang 2')
    const g3 = await kiosk('GATE-3', 'gerbang')
    const reused = await g3.attempt('hub.pair', { qr: offer.qr })
    expect(reused).toMatchObject({ ok: false, error: { code: 'CODE_USED' } })

    const late = await hub.call<PairingOffer>('hub.pairingOffer')
    at('00:06:00')
    const expired = await g3.attempt('hub.pair', { qr: late.qr })
    expect(expired).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED' } })
    expect(!expired.ok && expired.error.message).toMatch(/kedaluwarsa/)

    // Every refusal is in the hub's log, bounded.
    const refused = hub.ctx.db
      .prepare(
        "SELECT json_extract(body, '$.code') FROM log_entry WHERE kind = 'hub.refused' ORDER BY seq",
      )
      .pluck()
      .all()
    expect(refused).toEqual(['CODE_WRONG', 'CODE_USED', 'CODE_EXPIRED'])
  })

  it('refuses a revoked gate at once, and keeps what it pushed before', async () => {
    const { hub, gates, at } = await hubWithGates(2)
    const [g1, g2] = gates as [Kiosk, Kiosk]
    at('00:20:00')
    await scan(g1, NIPS[0]!)
    await drained([g1])
    await hub.call('hub.revokeGate', { kioskId: 'GATE-1' })
    at('00:21:00')
    const after = await scan(g1, NIPS[1]!)
    expect(after.kind).toBe('recorded') // committed at the gate, as always
    const link = await g1.call<GateLink>('hub.pushNow')
    expect(link.online).toBe(false)
    expect(link.lastError).toMatch(/sudah dicabut/)
    expect(link.backlog).toBeGreaterThan(0)
    expect(liveAt(hub).map((r) => r.nip)).toEqual([NIPS[0]])
    const d = await hub.call<HubDashboard>('hub.dashboard')
    expect(d.gates.find((r) => r.kioskId === 'GATE-1')).toMatchObject({
      revoked: true,
      present: 1,
      online: false,
    })
    // The other gate goes on.
    await scan(g2, NIPS[2]!)
    await drained([g2])
    expect(
      liveAt(hub)
        .map((r) => r.nip)
        .sort(),
    ).toEqual([NIPS[0], NIPS[2]].sort())
  })
})

describe('the hub refuses what the network should not send', () => {
  it('answers oversized, malformed, unknown-field, unpaired and replayed requests with a status and the reason', async () => {
    const { hub, server, gates } = await hubWithGates(1)
    const link = readLink(gates[0]!.ctx.db)!
    const credential = readCredential(gates[0]!.ctx.db, undefined)
    const raw = (path: string, body: string | Buffer, auth = `Apel GATE-1 ${credential}`) =>
      new Promise<{ status: number; json: { code: string; message: string } }>(
        (resolve, reject) => {
          const req = https.request(
            {
              host: '127.0.0.1',
              port: server.port,
              method: 'POST',
              path,
              ca: link.certPem,
              checkServerIdentity: () => undefined,
              headers: { 'content-type': 'application/json', authorization: auth },
              timeout: 5_000,
            },
            (res) => {
              let text = ''
              res.on('data', (c) => (text += c))
              res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }))
            },
          )
          req.on('error', reject)
          req.end(body)
        },
      )
    const push = { nonce: 'a'.repeat(32), sentAt: 1, offsetMs: null, backlog: 0, entries: [] }

    const big = await raw('/v1/kirim', JSON.stringify({ ...push, pad: 'x'.repeat(1_100_000) }))
    expect(big.status).toBe(413)
    expect(big.json.message).toMatch(/terlalu besar/)
    const junk = await raw('/v1/kirim', '{"nonce": ')
    expect(junk.status).toBe(400)
    expect(junk.json.message).toMatch(/tidak dapat dibaca/)
    const extra = await raw('/v1/kirim', JSON.stringify({ ...push, extra: 1 }))
    expect(extra).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST' } })
    const stranger = await raw('/v1/kirim', JSON.stringify(push), 'Apel GATE-9 bukan-rahasia')
    expect(stranger).toMatchObject({ status: 401, json: { code: 'UNPAIRED' } })
    expect(stranger.json.message).toMatch(/belum dipasangkan/)
    expect((await raw('/v1/kirim', JSON.stringify(push))).status).toBe(200)
    const again = await raw('/v1/kirim', JSON.stringify(push))
    expect(again).toMatchObject({ status: 409, json: { code: 'REPLAY' } })
    // A chain entry whose hash is not its own: refused by the merge, nothing stored.
    const client = clientAs(gates[0]!, server.port)
    const forged = gates[0]!.ctx.db
      .prepare(
        'SELECT seq, id, kind, at, kiosk_id AS kioskId, body, prev_hash AS prevHash, hash FROM log_entry WHERE seq = 1',
      )
      .get() as Record<string, unknown>
    const tampered = await client
      .request(
        'POST',
        '/v1/kirim',
        {
          ...push,
          nonce: 'b'.repeat(32),
          entries: [{ ...forged, body: { ...JSON.parse(forged.body as string), added: 999 } }],
        },
        5_000,
      )
      .catch((e: Error) => e)
    client.close()
    expect((tampered as Error).message).toMatch(/entri nomor 1/)
    const codes = hub.ctx.db
      .prepare(
        "SELECT json_extract(body, '$.code') FROM log_entry WHERE kind = 'hub.refused' ORDER BY seq",
      )
      .pluck()
      .all()
    expect(codes).toEqual([
      'TOO_LARGE',
      'MALFORMED',
      'BAD_REQUEST',
      'UNPAIRED',
      'REPLAY',
      'PEER_CHAIN',
    ])
  })
})

describe('three gates and a hub through one apel', () => {
  it('loses no confirmed scan, counts no one twice, and ends with the arrivals one kiosk would have', async () => {
    const { hub, server, gates } = await hubWithGates(3)
    const [g1, g2, g3] = gates as [Kiosk, Kiosk, Kiosk]
    const single = await kiosk('SATU', 'mandiri')
    await single.call('ceremony.create', PILKADA_2024)
    const every = [hub, ...gates, single]
    const clockAll = field(every)
    /** One arrival: at a gate, and at the single reference kiosk at the same time. */
    const confirmed: { gate: string; nip: string }[] = []
    const arrive = async (g: Kiosk, time: string, nip: string) => {
      clockAll(time)
      const out = await scan(g, nip)
      await scan(single, nip)
      if (out.kind === 'recorded') confirmed.push({ gate: g.ctx.kioskId, nip })
      return out
    }

    // Overlapping crowds: people 0..29 each come through one to three gates, a second apart.
    for (let k = 0; k < 30; k++) {
      const t = (s: number) =>
        `00:${String(20 + Math.floor((k * 3 + s) / 60)).padStart(2, '0')}:${String((k * 3 + s) % 60).padStart(2, '0')}`
      await arrive(gates[k % 3]!, t(0), NIPS[k]!)
      if (k % 2 === 0) await arrive(gates[(k + 1) % 3]!, t(1), NIPS[k]!)
      if (k % 5 === 0) await arrive(gates[(k + 2) % 3]!, t(2), NIPS[k]!)
    }
    await drained(gates)

    // The cross-gate word, as the gate's screen shows it.
    clockAll('00:30:00')
    await arrive(g1, '00:30:00', NIPS[40]!)
    await drained([g1])
    const repeat = await arrive(g2, '00:30:05', NIPS[40]!)
    expect(repeat).toMatchObject({
      kind: 'duplicate',
      where: 'Gerbang 1',
      firstAt: '2024-09-30T00:30:00.000Z',
    })

    // The hub's server stopped mid-apel: gates keep recording, and say what is not yet sent.
    await hub.call('hub.stop')
    await arrive(g1, '00:31:00', NIPS[41]!)
    await arrive(g2, '00:31:01', NIPS[42]!)
    await arrive(g3, '00:31:02', NIPS[41]!)
    const offline = await g1.call<GateLink>('hub.pushNow')
    expect(offline.online).toBe(false)
    expect(offline.backlog).toBeGreaterThan(0)

    // A gate gone after a local commit and before its push: its database closed, reopened.
    await stopNetwork(g3.ctx)
    clockAll('00:32:00')
    decideScan(g3.ctx.db, {
      payload: NIPS[43]!,
      source: 'kamera',
      kioskId: 'GATE-3',
      now: new Date(g3.clock.t),
    })
    await scan(single, NIPS[43]!)
    confirmed.push({ gate: 'GATE-3', nip: NIPS[43]! })
    g3.ctx.db.close()

    // The hub back on the same port; the gate reopened from its file.
    await hub.call('hub.start', { address: '127.0.0.1', port: server.port })
    const again = await reopenKiosk(g3, { mdns: false, pusher: FAST })
    cleanups.push(again.cleanup)
    await drained([g1, g2, again])

    // 0 confirmed scans lost: every one the gates confirmed is a row at the hub.
    const atHub = hub.ctx.db.prepare('SELECT kiosk_id AS gate, nip FROM checkin').all() as {
      gate: string
      nip: string
    }[]
    const held = new Set(atHub.map((r) => `${r.gate}|${r.nip}`))
    expect(confirmed.filter((c) => !held.has(`${c.gate}|${c.nip}`))).toEqual([])
    // 0 people counted twice, and the same arrivals (who, when) as the single kiosk.
    const live = liveAt(hub)
    expect(new Set(live.map((r) => r.nip)).size).toBe(live.length)
    // Times agree to within the clock offset each gate measured: this test moves every clock
    // at once while a heartbeat may be under way, so a measurement can be off by half a jump.
    const reference = liveAt(single)
    expect(live.map((r) => r.nip)).toEqual(reference.map((r) => r.nip))
    live.forEach((r, i) =>
      expect(Math.abs(Date.parse(r.at) - Date.parse(reference[i]!.at))).toBeLessThanOrEqual(1_000),
    )

    const d = await hub.call<HubDashboard>('hub.dashboard')
    expect(d.present).toBe(live.length)
    expect(d.gates.map((r) => r.label)).toEqual([
      'Kiosk induk',
      'Gerbang 1',
      'Gerbang 2',
      'Gerbang 3',
    ])
    expect(d.gates.slice(1).reduce((n, r) => n + r.present, 0)).toBe(live.length)
    expect(d.duplicates.length).toBeGreaterThan(0)
    expect(d.gates.slice(1).every((r) => r.offsetMs !== null)).toBe(true)

    // The phone page: counts only, no names and no NIPs, under a strict CSP.
    const info = await hub.call<HubServerInfo>('hub.start', {
      address: '127.0.0.1',
      port: server.port,
    })
    const page = await get(info.phoneUrl)
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/)
    const counts = await get(`${info.phoneUrl}angka`)
    expect(JSON.parse(counts.body)).toMatchObject({ present: live.length })
    expect(counts.body).not.toMatch(/\d{18}|Pegawai/)
  })
})

function get(url: string): Promise<{ body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { timeout: 5_000 }, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ body, headers: res.headers }))
      })
      .on('error', reject)
  })
}
