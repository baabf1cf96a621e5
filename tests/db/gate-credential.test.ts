// The gate's hub credential at rest: sealed in gate_link by the OS's seal (a stand-in for
// safeStorage here), an old plain row from the previous release still read and sealed on open,
// and a database copied to another laptop telling the officer to pair again. Real SQLite files,
// a real hub over TLS on 127.0.0.1.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { CREDENTIAL_UNREADABLE, readCredential } from '../../src/main/gate/link'
import { stopNetwork } from '../../src/main/ipc/hub'
import type { GateLink, PairingOffer, RoleStatus } from '../../src/shared/contract/hub'
import type { ScanOutcome } from '../../src/shared/domain'
import { hubAndGate } from '../fixtures/hub-pair'
import { reopenKiosk, type Kiosk } from '../fixtures/kiosks'
import { laptopSealer } from '../fixtures/os-sealer'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const NETWORK = { mdns: false, pusher: { heartbeatMs: 60_000, requestTimeoutMs: 2_000 } }

const column = (db: Db) =>
  db.prepare('SELECT credential FROM gate_link WHERE id = 1').pluck().get() as string

/** What the hub keeps of the gate's credential: its SHA-256 only. */
const hubDigest = (hub: Kiosk) =>
  hub.ctx.db
    .prepare("SELECT credential_sha256 FROM hub_gate WHERE kiosk_id = 'GATE-1'")
    .pluck()
    .get()
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const scan = (k: Kiosk, nip: string) =>
  k.call<ScanOutcome>('checkin.scan', { payload: nip, source: 'kamera' })

/** The NIPs the hub holds from GATE-1. */
const atHub = (hub: Kiosk) =>
  hub.ctx.db.prepare("SELECT nip FROM checkin WHERE kiosk_id = 'GATE-1' ORDER BY nip").pluck().all()

describe('the gate credential at rest', () => {
  it('is sealed in gate_link, opens to the credential the hub issued, and the gate pushes with it', async () => {
    const sealer = laptopSealer()
    const { hub, gate, roster } = await hubAndGate(10, cleanups, sealer)
    const stored = column(gate.ctx.db)
    const credential = readCredential(gate.ctx.db, sealer)
    expect(stored.startsWith('segel:')).toBe(true)
    expect(stored).not.toContain(credential)
    expect(hubDigest(hub)).toBe(sha256(credential))
    // Without this laptop's seal the column is worth nothing, and says what to do.
    expect(() => readCredential(gate.ctx.db, laptopSealer())).toThrow(CREDENTIAL_UNREADABLE)
    expect(() => readCredential(gate.ctx.db, undefined)).toThrow(CREDENTIAL_UNREADABLE)

    expect((await scan(gate, roster[0]!.nip)).kind).toBe('recorded')
    const link = await gate.call<GateLink>('hub.pushNow')
    expect(link).toMatchObject({ online: true, backlog: 0, lastError: null })
    expect(atHub(hub)).toEqual([roster[0]!.nip])
  })

  it('reads the plain row the previous release wrote, seals it when the gate opens, and still pushes', async () => {
    // No seal at pairing: the column holds the credential as the previous release kept it.
    const { hub, gate, roster } = await hubAndGate(10, cleanups)
    const plain = column(gate.ctx.db)
    expect(hubDigest(hub)).toBe(sha256(plain))
    expect(readCredential(gate.ctx.db, undefined)).toBe(plain)
    await stopNetwork(gate.ctx)

    const sealer = laptopSealer()
    const opened = await reopenKiosk(gate, { ...NETWORK, sealer })
    cleanups.push(opened.cleanup)
    // Opening the gate's services sealed it; the same credential comes back out.
    await opened.call<RoleStatus>('hub.status')
    const stored = column(opened.ctx.db)
    expect(stored.startsWith('segel:')).toBe(true)
    expect(stored).not.toContain(plain)
    expect(readCredential(opened.ctx.db, sealer)).toBe(plain)

    expect((await scan(opened, roster[1]!.nip)).kind).toBe('recorded')
    expect(await opened.call<GateLink>('hub.pushNow')).toMatchObject({ online: true, backlog: 0 })
    expect(atHub(hub)).toEqual([roster[1]!.nip])
  })

  it('copied to another laptop: scans are still recorded, the officer is told to pair again, and pairing again pushes them', async () => {
    const { hub, gate, roster } = await hubAndGate(10, cleanups, laptopSealer())
    expect((await scan(gate, roster[0]!.nip)).kind).toBe('recorded')
    expect(await gate.call<GateLink>('hub.pushNow')).toMatchObject({ online: true, backlog: 0 })
    await stopNetwork(gate.ctx)
    const copy = path.join(gate.dir, 'salinan.sqlite')
    gate.ctx.db.prepare('VACUUM INTO ?').run(copy)

    const elsewhere = await reopenKiosk(gate, { ...NETWORK, sealer: laptopSealer() }, copy)
    cleanups.push(elsewhere.cleanup)
    expect((await scan(elsewhere, roster[1]!.nip)).kind).toBe('recorded')
    const link = await elsewhere.call<GateLink>('hub.pushNow')
    expect(link).toMatchObject({ paired: true, online: false, backlog: 1 })
    expect(link.lastError).toBe(CREDENTIAL_UNREADABLE)
    expect(link.lastError).toMatch(/Pasangkan gerbang ini lagi/)
    expect(await elsewhere.call<RoleStatus>('hub.status')).toMatchObject({
      role: 'gerbang',
      gate: { lastError: CREDENTIAL_UNREADABLE },
    })
    // Nothing recorded on either laptop is lost, and nothing reached the hub without the seal.
    expect(elsewhere.ctx.db.prepare('SELECT count(*) FROM checkin').pluck().get()).toBe(2)
    expect(atHub(hub)).toEqual([roster[0]!.nip])

    const offer = await hub.call<PairingOffer>('hub.pairingOffer')
    await elsewhere.call('hub.pair', { qr: offer.qr })
    expect(await elsewhere.call<GateLink>('hub.pushNow')).toMatchObject({
      online: true,
      backlog: 0,
      lastError: null,
    })
    expect(atHub(hub)).toEqual([roster[0]!.nip, roster[1]!.nip].sort())
  })
})
