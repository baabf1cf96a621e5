import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOG_KINDS } from '../../src/main/log/kinds'
import { verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import { sha256 } from '../../src/main/export/manifest'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { canonicalJson, type CanonicalValue } from '../../src/main/log/canonical'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { kioskTable } from '../fixtures/kiosk-table'
import {
  BUDI,
  JUNK,
  loggedSession,
  OTHER_STRANGER,
  RINA,
  sessionTable,
  SITI,
  STRANGER,
} from '../fixtures/log-session'
import { tempDir } from '../fixtures/temp-db'

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
    // covers it: the demo's removal and the facts set by hand are tested below, a pakta
    // receipt in pakta.test.ts.
    const elsewhere = [
      'demo.removed',
      'pakta.received',
      'employee.registered',
      'employee.added',
      'employee.changed',
      'pakta.changed',
      'signer.set',
      'leaders.set',
      // A refusal by the hub: tests/db/hub-net.test.ts.
      'hub.refused',
      // Between kiosks: tests/db/bundle.test.ts and tests/db/paket.test.ts.
      'bundle.imported',
      'paket.written',
      'paket.imported',
      // An arrival the merge set aside counting again: tests/db/hub-merge.test.ts.
      'checkin.reinstated',
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

describe('facts set by hand', () => {
  interface Entry {
    seq: number
    kind: string
    body: Record<string, unknown>
  }
  // Every table one of these facts writes: a refused log entry must leave all of them as they were.
  const TABLES = [
    'employee',
    'checkin',
    'ceremony_ikrar',
    'ceremony_pakta',
    'signer',
    'regional_leader',
  ]

  let s: ReturnType<typeof sessionTable> & { ceremonyId: number; opd: Record<string, number> }
  beforeAll(async () => {
    const t = sessionTable(tempDir())
    await t.call('auth.setPin', { pin: '135790' })
    await t.importRoster([
      [BUDI, 'Budi Santoso', 'Inspektorat'],
      [SITI, 'Siti Aminah', 'Dinas Sosial'],
    ])
    const ceremony = await t.call<{ id: number }>('ceremony.create', PILKADA_2024)
    const opds = await t.call<{ id: number; name: string }[]>('roster.listOpd')
    s = { ...t, ceremonyId: ceremony.id, opd: Object.fromEntries(opds.map((o) => [o.name, o.id])) }
  }, 60_000)
  afterAll(() => s?.k.cleanup())

  const db = () => s.k.ctx.db
  const lastSeq = () =>
    db().prepare('SELECT coalesce(max(seq), 0) FROM log_entry').pluck().get() as number
  const since = (seq: number) =>
    (
      db().prepare('SELECT seq, kind, body FROM log_entry WHERE seq > ? ORDER BY seq').all(seq) as {
        seq: number
        kind: string
        body: string
      }[]
    ).map((e): Entry => ({ ...e, body: JSON.parse(e.body) as Record<string, unknown> }))
  const snapshot = () =>
    TABLES.map((t) => JSON.stringify(db().prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))

  /**
   * Runs the call once with the log refusing every insert (a disk that fails at the entry): the
   * call is refused and no table changed, so state and entry share one transaction. Then runs
   * it for real and returns the entries it wrote.
   */
  async function logged(channel: string, input?: unknown): Promise<Entry[]> {
    const before = snapshot()
    const seq = lastSeq()
    db().exec(
      "CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON main.log_entry BEGIN SELECT RAISE(ABORT, 'disk gone'); END",
    )
    try {
      expect(await s.k.call(channel, input)).toMatchObject({ ok: false })
    } finally {
      db().exec('DROP TRIGGER temp.refuse_log')
    }
    expect(snapshot()).toEqual(before)
    expect(lastSeq()).toBe(seq)
    await s.call(channel, input)
    return since(seq)
  }
  /** A call that changes nothing writes no entry. */
  async function unlogged(channel: string, input?: unknown) {
    const seq = lastSeq()
    await s.call(channel, input)
    expect(since(seq)).toEqual([])
  }
  const employeeId = (nip: string) =>
    db().prepare('SELECT id FROM employee WHERE nip = ?').pluck().get(nip) as number

  it('registering an unknown NIP at the gate logs the new employee and the arrivals it links', async () => {
    const unknown = await s.scan(STRANGER)
    expect(unknown).toMatchObject({ kind: 'unknown' })
    const checkinId = db().prepare('SELECT id FROM checkin WHERE nip = ?').pluck().get(STRANGER)
    const entries = await logged('checkin.registerUnknown', {
      nip: STRANGER,
      name: 'Tamu Terdaftar',
      opdId: s.opd['Dinas Sosial'],
    })
    expect(entries).toEqual([
      {
        seq: expect.any(Number),
        kind: 'employee.registered',
        body: {
          employeeId: employeeId(STRANGER),
          nip: STRANGER,
          name: 'Tamu Terdaftar',
          opd: 'Dinas Sosial',
          jenis: 'PNS',
          linkedCheckinIds: [checkinId],
        },
      },
    ])
  })

  it('an employee edited by hand logs only the fields that changed, previous and new', async () => {
    const budi = employeeId(BUDI)
    const edit = {
      id: budi,
      name: 'Budi Santoso',
      opdId: s.opd['Inspektorat'],
      jabatan: '',
      pangkat: '',
      jenis: 'PNS',
      active: true,
    }
    await unlogged('roster.update', edit)
    const moved = await logged('roster.update', {
      ...edit,
      opdId: s.opd['Dinas Sosial'],
      jabatan: 'Analis Kebijakan',
    })
    expect(moved.map((e) => [e.kind, e.body])).toEqual([
      [
        'employee.changed',
        {
          employeeId: budi,
          nip: BUDI,
          changes: [
            { field: 'jabatan', previous: '', value: 'Analis Kebijakan' },
            { field: 'opd', previous: 'Inspektorat', value: 'Dinas Sosial' },
          ],
        },
      ],
    ])
    const deactivated = await logged('roster.update', {
      ...edit,
      opdId: s.opd['Dinas Sosial'],
      jabatan: 'Analis Kebijakan',
      active: false,
    })
    expect(deactivated.map((e) => e.body['changes'])).toEqual([
      [{ field: 'active', previous: true, value: false }],
    ])
  })

  it('a non-ASN person added by hand logs the new record', async () => {
    const entries = await logged('roster.addNonAsn', {
      name: 'Sopir Dinas',
      opdId: s.opd['Inspektorat'],
      jabatan: 'Pengemudi',
      pangkat: '',
    })
    expect(entries.map((e) => [e.kind, e.body])).toEqual([
      [
        'employee.added',
        {
          employeeId: employeeId('NA-000001'),
          nip: 'NA-000001',
          name: 'Sopir Dinas',
          opd: 'Inspektorat',
          jabatan: 'Pengemudi',
          pangkat: '',
          jenis: 'NON_ASN',
        },
      ],
    ])
  })

  it('ikrar and pakta edits log the template and the text digest before and after', async () => {
    const textDigest = (copy: Record<string, unknown>, fields: string[]) =>
      createHash('sha256')
        .update(
          canonicalJson(Object.fromEntries(fields.map((f) => [f, copy[f]])) as CanonicalValue),
        )
        .digest('hex')
    const IKRAR = ['instansi', 'heading', 'opening', 'points', 'closing']
    const ceremonyId = s.ceremonyId
    const fresh = await s.call<Record<string, unknown>>('ikrar.get', { ceremonyId })
    const fields = {
      ceremonyId,
      instansi: 'Pemerintah Kabupaten Uji',
      heading: 'IKRAR NETRALITAS ASN',
      opening: 'Kami Aparatur Sipil Negara berikrar:',
      points: ['Menjaga netralitas.'],
      closing: null,
    }
    const saved = await logged('ikrar.save', fields)
    expect(saved.map((e) => [e.kind, e.body])).toEqual([
      [
        'ikrar.changed',
        {
          ceremonyId,
          templateId: fresh['templateId'],
          previousTemplateId: fresh['templateId'],
          previousTextSha256: textDigest(fresh, IKRAR),
          textSha256: textDigest(fields, IKRAR),
        },
      ],
    ])
    await unlogged('ikrar.save', fields)
    const switched = await logged('ikrar.chooseTemplate', {
      ceremonyId,
      templateId: 'pilkada-2020',
    })
    const now = await s.call<Record<string, unknown>>('ikrar.get', { ceremonyId })
    expect(switched.map((e) => e.body)).toEqual([
      expect.objectContaining({
        templateId: 'pilkada-2020',
        previousTemplateId: fresh['templateId'],
        previousTextSha256: textDigest(fields, IKRAR),
        textSha256: textDigest(now, IKRAR),
      }),
    ])

    const PAKTA = ['heading', 'subheading', 'opening', 'statement', 'points', 'sanction', 'closing']
    const pakta = await s.call<Record<string, unknown>>('pakta.get', { ceremonyId })
    const edited = {
      ...Object.fromEntries([...PAKTA, 'place', 'meterai'].map((f) => [f, pakta[f]])),
      place: 'Banyuwangi',
      ceremonyId,
    }
    const paktaSaved = await logged('pakta.save', edited)
    expect(paktaSaved.map((e) => [e.kind, e.body])).toEqual([
      [
        'pakta.changed',
        {
          ceremonyId,
          templateId: pakta['templateId'],
          previousTemplateId: pakta['templateId'],
          previousTextSha256: textDigest(pakta, [...PAKTA, 'place', 'meterai']),
          textSha256: textDigest(edited, [...PAKTA, 'place', 'meterai']),
        },
      ],
    ])
    // The words stay with the ceremony; the log holds their digest only.
    expect(JSON.stringify(paktaSaved)).not.toContain(String(pakta['statement']))
  })

  it('signers and regional leaders log what they replaced', async () => {
    const head = { title: 'Inspektur', name: 'Drs. Ahmad', pangkat: 'Pembina, IV/a', nip: '' }
    const opdId = s.opd['Inspektorat']!
    const set = await logged('signer.set', { opdId, ...head })
    expect(set.map((e) => [e.kind, e.body])).toEqual([
      ['signer.set', { opdId, opd: 'Inspektorat', previous: null, signer: head }],
    ])
    await unlogged('signer.set', { opdId, ...head })
    const cleared = await logged('signer.set', { opdId, ...head, title: ' ' })
    expect(cleared.map((e) => e.body)).toEqual([
      { opdId, opd: 'Inspektorat', previous: head, signer: null },
    ])
    const recap = await logged('signer.set', { opdId: null, ...head, title: 'Kepala BKPSDM' })
    expect(recap.map((e) => e.body)).toEqual([
      { opdId: null, opd: null, previous: null, signer: { ...head, title: 'Kepala BKPSDM' } },
    ])

    const bupati = { title: 'Bupati', name: 'H. Ipuk', nip: '' }
    const sekda = { title: 'Sekretaris Daerah', name: 'Ir. Mujiono', nip: BUDI }
    const first = await logged('declaration.setLeaders', { leaders: [bupati] })
    expect(first.map((e) => [e.kind, e.body])).toEqual([
      ['leaders.set', { previous: [], leaders: [bupati] }],
    ])
    await unlogged('declaration.setLeaders', { leaders: [bupati] })
    const moved = await logged('declaration.setLeaders', { leaders: [sekda, bupati] })
    expect(moved.map((e) => e.body)).toEqual([{ previous: [bupati], leaders: [sekda, bupati] }])
  })

  it('shows the roster facts in the person’s history; the chain verifies and the rebuild matches', async () => {
    const history = async (nip: string) =>
      (
        await s.call<{ lines: { what: string; by: string }[] }>('log.personHistory', {
          nip,
          ceremonyId: s.ceremonyId,
        })
      ).lines.map((l) => [l.what, l.by])
    expect(await history(STRANGER)).toEqual([
      ['Pindaian tercatat sebagai tidak terdaftar (kamera, terlambat)', 'kiosk K'],
      [
        'Didaftarkan dari gerbang sebagai Tamu Terdaftar, Dinas Sosial; 1 kedatangan ditautkan',
        'kiosk K',
      ],
    ])
    expect(await history(BUDI)).toEqual([
      [
        'Data pegawai diubah: jabatan (kosong) menjadi "Analis Kebijakan"; OPD "Inspektorat" menjadi "Dinas Sosial"',
        'kiosk K',
      ],
      ['Data pegawai diubah: dinonaktifkan', 'kiosk K'],
    ])
    expect((await history('NA-000001')).map(([what]) => what)).toEqual([
      'Ditambahkan ke data pegawai (Non-ASN): Sopir Dinas, Inspektorat',
    ])
    expect(verifyChain(db())).toMatchObject({ ok: true })
    expect(rebuildMatches(db())).toMatchObject({ matches: true, checkins: 1, differences: [] })
  })
})
