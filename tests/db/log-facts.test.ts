import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOG_KINDS } from '../../src/main/log/kinds'
import { verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import { sha256 } from '../../src/main/export/manifest'
import path from 'node:path'
import { kioskTable } from '../fixtures/kiosk-table'
import { BUDI, JUNK, loggedSession, OTHER_STRANGER, RINA, STRANGER } from '../fixtures/log-session'

async function run() {
  const s = await loggedSession()
  const entries = (
    s.ctx.db.prepare('SELECT seq, kind, at, kiosk_id, body FROM log_entry ORDER BY seq').all() as {
      seq: number
      kind: string
      at: string
      kiosk_id: string | null
      body: string
    }[]
  ).map((e) => ({ ...e, body: JSON.parse(e.body) as Record<string, unknown> }))
  return { ...s, entries }
}

// One session for every check: it runs workers (roster preview, export, backup) and takes seconds.
let shared: Awaited<ReturnType<typeof run>>
beforeAll(async () => void (shared = await run()), 60_000)
afterAll(() => shared?.cleanup())
const session = async () => shared

describe('every fact is in the log, through the real handler table', () => {
  it('logs each kind of fact after its action, as this kiosk, and the chain verifies', async () => {
    const s = await session()
    const kinds = new Set(s.entries.map((e) => e.kind))
    // A new kind of fact must happen in this session, or be named here with the test that
    // covers it: the demo's removal is tested below, a pakta receipt in pakta.test.ts.
    const elsewhere = [
      'demo.removed',
      'pakta.received',
      // A refusal by the hub: tests/db/hub-net.test.ts.
      'hub.refused',
      // Between kiosks: tests/db/bundle.test.ts and tests/db/paket.test.ts.
      'bundle.imported',
      'paket.written',
      'paket.imported',
    ]
    expect(LOG_KINDS.filter((k) => !kinds.has(k))).toEqual(elsewhere)
    expect(s.entries.every((e) => e.kiosk_id === 'K')).toBe(true)
    expect(verifyChain(s.ctx.db)).toMatchObject({ ok: true, entries: s.entries.length })
  })

  it('logs every scan attempt with its outcome, source, time and NIP; junk only as a digest', async () => {
    const s = await session()
    const scans = s.entries.filter((e) => e.kind === 'scan').map((e) => e.body)
    expect(scans.map((b) => [b['result'], b['source'], b['nip']])).toEqual([
      ['no-ceremony', 'kamera', BUDI],
      ['recorded', 'kamera', BUDI],
      ['duplicate', 'pemindai', BUDI],
      ['unknown-recorded', 'manual', STRANGER],
      ['invalid', 'kamera', null],
      ['recorded', 'kamera', expect.any(String)],
      ['recorded', 'kamera', BUDI],
      ['unknown-refused', 'kamera', OTHER_STRANGER],
    ])
    expect(scans[0]!['ceremonyId']).toBeNull()
    const junk = scans[4]!
    expect(junk['payloadLength']).toBe(JUNK.length)
    expect(junk['payloadSha256']).toMatch(/^[0-9a-f]{16}$/)
    const all = s.ctx.db.prepare('SELECT group_concat(body) FROM log_entry').pluck().get()
    expect(String(all)).not.toContain('rahasia')
  })

  it('logs who cancelled and why, reasons with who and the value they replaced', async () => {
    const s = await session()
    const body = (kind: string) => s.entries.filter((e) => e.kind === kind).map((e) => e.body)
    expect(body('checkin.cancelled')).toEqual([
      expect.objectContaining({ nip: BUDI, reason: 'kartu orang lain', by: 'K' }),
    ])
    expect(body('absence.set')).toEqual([
      expect.objectContaining({ reason: 'IZIN', previousReason: null, by: 'Rina Petugas' }),
      expect.objectContaining({
        reason: 'SAKIT',
        note: 'surat dokter',
        previousReason: 'IZIN',
        previousNote: '',
      }),
    ])
  })

  it('logs the roster file by name and digest, ceremonies, the reading text digest, the export files', async () => {
    const s = await session()
    const body = (kind: string) => s.entries.filter((e) => e.kind === kind).map((e) => e.body)
    expect(body('roster.imported')).toEqual([
      {
        fileName: 'Data Pegawai.csv',
        fileSha256: await sha256(path.join(s.dir, 'Data Pegawai.csv')),
        added: 3,
        updated: 0,
        deactivated: 0,
        rejected: 0,
      },
    ])
    expect(body('ceremony.created')[0]).toMatchObject({
      ceremonyId: s.ceremonyId,
      place: 'Halaman Kantor Bupati',
    })
    expect(body('ceremony.changed')).toEqual([
      expect.objectContaining({ place: 'Alun-alun', unknownPolicy: 'review' }),
      expect.objectContaining({ unknownPolicy: 'refuse' }),
    ])
    // Activated once as the first ceremony, once on request.
    expect(body('ceremony.activated')).toHaveLength(2)
    const reading = s.ctx.db.prepare('SELECT text FROM ikrar_reading').pluck().get() as string
    const { createHash } = await import('node:crypto')
    expect(body('ikrar.started')[0]!['textSha256']).toBe(
      createHash('sha256').update(reading).digest('hex'),
    )
    expect(body('ikrar.ended')).toHaveLength(1)
    const written = body('export.written')[0]! as {
      folder: string
      files: { name: string; sha256: string }[]
    }
    expect(written.files.length).toBeGreaterThanOrEqual(4)
    for (const f of written.files)
      expect(f.sha256).toBe(await sha256(path.join(written.folder, f.name)))
  })

  it('logs that the PIN was set, never the PIN or its hash', async () => {
    const s = await session()
    expect(s.entries.filter((e) => e.kind === 'pin.set').map((e) => e.body)).toEqual([
      { replaced: false },
    ])
    const stored = s.ctx.db
      .prepare("SELECT value FROM setting WHERE key = 'officer_pin'")
      .pluck()
      .get() as string
    const all = String(s.ctx.db.prepare('SELECT group_concat(body) FROM log_entry').pluck().get())
    expect(all).not.toContain('135790')
    for (const part of stored.split('$').slice(1)) expect(all).not.toContain(part)
  })

  it('rebuilds the arrivals and reasons from the log alone, equal to the tables', async () => {
    const s = await session()
    expect(rebuildMatches(s.ctx.db)).toEqual({
      matches: true,
      checkins: 4,
      absences: 1,
      differences: [],
    })
  })
})

describe('the demo removed', () => {
  it('logs which arrivals and reasons went with it, so the rebuild still equals the tables', async () => {
    const k = kioskTable()
    try {
      expect(await k.call('app.loadDemo')).toMatchObject({ ok: true })
      const nips = k.ctx.db.prepare('SELECT nip FROM employee LIMIT 3').pluck().all() as string[]
      for (const nip of nips) await k.call('checkin.scan', { payload: nip, source: 'kamera' })
      expect(rebuildMatches(k.ctx.db)).toMatchObject({ matches: true, checkins: 3 })
      expect(await k.call('app.removeDemo')).toMatchObject({ ok: true })
      const removed = k.ctx.db
        .prepare("SELECT body FROM log_entry WHERE kind = 'demo.removed'")
        .pluck()
        .all() as string[]
      expect(removed.map((b) => JSON.parse(b))).toEqual([
        { ceremonyIds: [1], checkinIds: [1, 2, 3], absences: [] },
      ])
      expect(rebuildMatches(k.ctx.db)).toEqual({
        matches: true,
        checkins: 0,
        absences: 0,
        differences: [],
      })
      expect(verifyChain(k.ctx.db).ok).toBe(true)
    } finally {
      k.cleanup()
    }
  })
})

describe('one person’s history, from the log', () => {
  it('lists every attempt, cancellation and reason at the ceremony, with who and when, in order', async () => {
    const s = await session()
    const history = (nip: string) =>
      s.call('log.personHistory', { nip }) as Promise<{
        ok: true
        value: { lines: { at: string; what: string; by: string }[] }
      }>
    const budi = (await history(BUDI)).value.lines
    // The scan before any ceremony belongs to none, so it is not in this ceremony's history.
    expect(budi.map((l) => [l.at.slice(11, 16), l.what, l.by])).toEqual([
      ['00:35', 'Pindaian tercatat (kamera)', 'kiosk K'],
      ['00:35', 'Pindaian ulang, sudah tercatat sebelumnya (pemindai)', 'kiosk K'],
      ['00:50', 'Kehadiran dibatalkan: kartu orang lain', 'kiosk K'],
      ['00:50', 'Pindaian tercatat (kamera, terlambat)', 'kiosk K'],
    ])
    const rina = (await history(RINA)).value.lines
    expect(rina.map((l) => [l.what, l.by])).toEqual([
      ['Keterangan diubah dari Tidak Hadir menjadi Izin', 'Rina Petugas'],
      ['Keterangan diubah dari Izin menjadi Sakit (surat dokter)', 'Rina Petugas'],
    ])
    expect((await history(OTHER_STRANGER)).value.lines.map((l) => l.what)).toEqual([
      'Pindaian ditolak: NIP tidak terdaftar (kamera)',
    ])
  })
})
