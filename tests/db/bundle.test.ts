import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckThread } from '../../src/main/bundle/check-thread'
import { importBundles } from '../../src/main/bundle/read'
import { startTsWorker } from '../../src/main/jobs/start-worker'
import {
  bundleFile,
  clearUnfinishedBundle,
  signBundle,
  writeBundle,
} from '../../src/main/bundle/write'
import { signBytes } from '../../src/main/keys/signature'
import { createKey } from '../../src/main/keys/kiosk-key'
import { fingerprintOf } from '../../src/main/keys/signature'
import { bundleSignedBytes, type Bundle } from '../../src/main/bundle/format'
import { REPORT_DUPLICATES } from '../../src/shared/contract/exchange'
import { exportCeremony } from '../../src/main/export/export'
import { verifyChain } from '../../src/main/log/chain'
import { rebuildMatches } from '../../src/main/log/rebuild'
import type { Ceremony } from '../../src/shared/domain'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { crowdNip } from '../fixtures/crowd'
import { kioskAt, people, type Kiosk } from '../fixtures/kiosks'
import { testSigning } from '../fixtures/signing'
import { tempDir } from '../fixtures/temp-db'
import { NO_DIALOGS } from '../fixtures/context'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const ROSTER = people(12, crowdNip)
const BROKEN_CHECKER = path.join(__dirname, '../fixtures/broken-check-worker.ts')
const STUCK_CHECKER = path.join(__dirname, '../fixtures/stuck-check-worker.ts')
const nip = (k: number) => ROSTER[k]!.nip

async function kiosk(id: string) {
  const k = await kioskAt(id, ROSTER)
  cleanups.push(k.cleanup)
  return k
}

function folder() {
  const dir = tempDir('kirim-')
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** What every test starts from: BKPSDM's ceremony, three offices that ran it and sent files. */
async function threeOffices() {
  const bkpsdm = await kiosk('BKPSDM')
  const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
  const out = folder()
  const offices: Kiosk[] = []
  const files: string[] = []
  // Overlapping crowds: person 3 at all three offices, 4 and 5 at two, the rest at one.
  const scans: [string, [string, number][]][] = [
    [
      'OFFICE-A',
      [
        ['00:31:00', 0],
        ['00:32:00', 3],
        ['00:33:00', 4],
        ['00:50:00', 6],
      ],
    ],
    [
      'OFFICE-B',
      [
        ['00:30:30', 1],
        ['00:34:00', 3],
        ['00:31:30', 4],
        ['00:35:00', 5],
        ['00:36:00', 1],
      ],
    ],
    [
      'OFFICE-C',
      [
        ['00:31:10', 2],
        ['00:29:00', 3],
        ['00:40:00', 5],
        ['00:41:00', 7],
      ],
    ],
  ]
  for (const [id, list] of scans) {
    const k = await kiosk(id)
    const c = k.join(ceremony)
    for (const [time, who] of list) await k.scanAt(time, nip(who))
    k.clock.t = Date.parse('2024-09-30T02:00:00.000Z')
    const written = await writeBundle(k.ctx.db, k.ctx, c.id, out, new Date(k.clock.t))
    offices.push(k)
    files.push(written.file)
  }
  return { bkpsdm, ceremony, offices, files }
}

/** A fresh BKPSDM kiosk that knows the ceremony (as its maker would). */
async function receiver(ceremony: Ceremony, id = 'BKPSDM') {
  const k = await kiosk(id)
  k.join(ceremony)
  return k
}

const arrivals = (k: Kiosk) =>
  k.ctx.db
    .prepare(
      `SELECT nip, kiosk_id AS kiosk, seq, scanned_at AS at, late, cancelled_at AS cancelledAt,
         cancel_reason AS reason, cancelled_by AS cancelledBy FROM checkin ORDER BY kiosk_id, seq`,
    )
    .all()

const counts = (k: Kiosk) =>
  ['peer', 'peer_entry', 'checkin', 'log_entry'].map(
    (t) => k.ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number,
  )

/** Every cell value of every sheet but the signature's, per file: what an OPD head reads. */
async function dataSheets(k: Kiosk, ceremony: Ceremony) {
  const out = folder()
  const id = k.ctx.db
    .prepare('SELECT id FROM ceremony WHERE global_id = ?')
    .pluck()
    .get(ceremony.globalId) as number
  const summary = await exportCeremony(k.ctx.db, {
    ceremonyId: id,
    folder: out,
    order: 'name',
    ikrar: null,
    signing: testSigning(),
  })
  const sheets: Record<string, unknown[][]> = {}
  for (const file of summary.files.filter((f) => f.endsWith('.xlsx'))) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path.join(summary.folder, file))
    book.eachSheet((sheet) => {
      if (/keaslian/i.test(sheet.name)) return
      const rows: unknown[][] = []
      sheet.eachRow((row) =>
        rows.push((row.values as unknown[]).map((v) => (v instanceof Date ? v.toISOString() : v))),
      )
      sheets[`${file}/${sheet.name}`] = rows
    })
  }
  return sheets
}

const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
]

describe('Kirim data and Terima data', () => {
  it('bundles from three kiosks merged in all six orders give the same arrivals and byte-identical data sheets', async () => {
    const { ceremony, files } = await threeOffices()
    const results: { arrivals: unknown; sheets: unknown }[] = []
    for (const [i, order] of ORDERS.entries()) {
      const hub = await receiver(ceremony, `BKPSDM-${i}`)
      const picked = order.map((n) => files[n]!)
      // Half the orders take the files in one pick (settled together), half one pick per file.
      const reports =
        i % 2 === 0
          ? importBundles(hub.ctx.db, picked, new Date(), hub.ctx.kioskId)
          : picked.flatMap((f) => importBundles(hub.ctx.db, [f], new Date(), hub.ctx.kioskId))
      expect(reports.map((r) => [r.ok, r.error])).toEqual(order.map(() => [true, null]))
      const live = hub.ctx.db
        .prepare(
          'SELECT nip, kiosk_id AS kiosk FROM checkin WHERE cancelled_at IS NULL ORDER BY nip',
        )
        .all() as { nip: string; kiosk: string }[]
      // 8 people, each once; the earliest scan counts (person 3 at C 07.29, 4 at B 07.31.30).
      expect(live).toHaveLength(8)
      expect(live.find((r) => r.nip === nip(3))!.kiosk).toBe('OFFICE-C')
      expect(live.find((r) => r.nip === nip(4))!.kiosk).toBe('OFFICE-B')
      expect(live.find((r) => r.nip === nip(5))!.kiosk).toBe('OFFICE-B')
      const total = reports.reduce((n, r) => n + r.arrivals, 0)
      expect(total).toBeGreaterThanOrEqual(8)
      expect(reports.flatMap((r) => r.duplicates).length).toBeGreaterThan(0)
      expect(verifyChain(hub.ctx.db).ok).toBe(true)
      expect(rebuildMatches(hub.ctx.db).matches).toBe(true)
      results.push({ arrivals: arrivals(hub), sheets: await dataSheets(hub, ceremony) })
    }
    for (const r of results.slice(1)) {
      expect(r.arrivals).toEqual(results[0]!.arrivals)
      expect(r.sheets).toEqual(results[0]!.sheets)
    }
    expect(Object.keys(results[0]!.sheets as object).length).toBeGreaterThan(0)
  }, 180_000)

  it('goes through the handler table: Kirim data into the folder picked, Terima data from the files picked', async () => {
    const bkpsdm = await kiosk('BKPSDM')
    const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
    const out = folder()
    const office = await kioskAt('OFFICE-A', ROSTER, {
      ...NO_DIALOGS,
      chooseExportFolder: async () => out,
    })
    cleanups.push(office.cleanup)
    const c = office.join(ceremony)
    await office.scanAt('00:31:00', nip(0))
    const progress: { kind: string; state: string }[] = []
    office.ctx.events.listen(
      (name, p) => name === 'job.progress' && progress.push(p as { kind: string; state: string }),
    )
    const sent = await office.call<{ file: string; arrivals: number }>('exchange.sendBundle', {
      ceremonyId: c.id,
    })
    expect(sent.arrivals).toBe(1)
    // Read and written by a worker thread, with progress, as an export is.
    expect(progress.every((p) => p.kind === 'bundle')).toBe(true)
    expect(progress.map((p) => p.state)).toEqual([
      ...progress.slice(0, -1).map(() => 'running'),
      'done',
    ])
    expect(progress.length).toBeGreaterThan(2)
    expect(fs.readdirSync(out)).toEqual([path.basename(sent.file)])
    const hub = await kioskAt('HUB', ROSTER, {
      ...NO_DIALOGS,
      openBundleFiles: async () => [sent.file],
    })
    cleanups.push(hub.cleanup)
    hub.join(ceremony)
    const heard: unknown[] = []
    hub.ctx.events.listen((name, p) => name === 'checkin.changed' && heard.push(p))
    const reports = await hub.call<{ ok: boolean; arrivals: number }[]>('exchange.receiveBundles')
    expect(reports).toMatchObject([{ ok: true, arrivals: 1 }])
    expect(heard).toEqual([{ ceremonyId: ceremony.id }])
    // Without the PIN, neither is possible.
    await hub.call('auth.lock')
    expect(await hub.attempt('exchange.receiveBundles')).toMatchObject({ ok: false })
  }, 60_000)

  it('a stopped Kirim data job leaves no half file, and takes nothing else of the folder', async () => {
    const bkpsdm = await kiosk('BKPSDM')
    const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
    const office = await kiosk('OFFICE-A')
    const c = office.join(ceremony)
    await office.scanAt('00:31:00', nip(0))
    const signed = signBundle(office.ctx.db, office.ctx, c.id, new Date(office.clock.t))
    const out = folder()
    const half = `~${path.basename(bundleFile(out, signed))}.0a1b2c3d.tmp`
    const others = ['~Rekap.xlsx.0a1b2c3d.tmp', 'manifest.json', 'foto.jpg']
    for (const name of [half, ...others]) fs.writeFileSync(path.join(out, name), 'x')
    await clearUnfinishedBundle(out, signed)
    expect(fs.readdirSync(out).sort()).toEqual([...others].sort())
  })

  it('the same bundle twice changes nothing, not even the log', async () => {
    const { ceremony, files } = await threeOffices()
    const hub = await receiver(ceremony)
    const first = importBundles(hub.ctx.db, [files[0]!], new Date(), hub.ctx.kioskId)
    expect(first[0]).toMatchObject({ ok: true, arrivals: 4, repeats: 0 })
    const before = { rows: arrivals(hub), counts: counts(hub) }
    const again = importBundles(hub.ctx.db, [files[0]!], new Date(), hub.ctx.kioskId)
    expect(again[0]).toMatchObject({ ok: true, newEntries: 0, arrivals: 0 })
    expect({ rows: arrivals(hub), counts: counts(hub) }).toEqual(before)
    const logged = hub.ctx.db
      .prepare("SELECT body FROM log_entry WHERE kind = 'bundle.imported'")
      .pluck()
      .all() as string[]
    expect(logged.map((b) => JSON.parse(b))).toEqual([
      expect.objectContaining({
        peerKioskId: 'OFFICE-A',
        fileName: path.basename(files[0]!),
        arrivals: 4,
      }),
    ])
  }, 60_000)

  it('checked by a thread a file ahead of the store: the same reports and arrivals as on one thread, a tampered file refused by name', async () => {
    const { ceremony, files } = await threeOffices()
    const tampered = path.join(path.dirname(files[0]!), 'diubah.kirim.json')
    const bundle = JSON.parse(fs.readFileSync(files[1]!, 'utf8')) as Bundle
    const scan = bundle.entries.find((e) => e.kind === 'scan')!
    ;(scan.body as { nip: string }).nip = nip(11)
    fs.writeFileSync(tampered, JSON.stringify(bundle))
    const picked = [files[0]!, tampered, files[2]!, files[1]!]
    const here = await receiver(ceremony, 'BKPSDM-1')
    const expected = importBundles(here.ctx.db, picked, new Date(0), here.ctx.kioskId)
    const threaded = await receiver(ceremony, 'BKPSDM-2')
    const checker = new CheckThread()
    cleanups.push(() => checker.close())
    const checks = checker.check(picked)
    await checks.ready()
    const reports = importBundles(
      threaded.ctx.db,
      picked,
      new Date(0),
      threaded.ctx.kioskId,
      checks,
    )
    expect(reports).toEqual(expected)
    expect(reports.map((r) => r.ok)).toEqual([true, false, true, true])
    expect(reports[1]!.error).toMatch(
      new RegExp(`^Berkas "diubah.kirim.json" ditolak: entri nomor ${scan.seq} hash tidak cocok`),
    )
    expect(arrivals(threaded)).toEqual(arrivals(here))
  }, 60_000)

  it('a check thread that cannot start is said in Indonesian, and nothing is written', async () => {
    const { ceremony, files } = await threeOffices()
    const hub = await receiver(ceremony)
    const before = counts(hub)
    const checker = new CheckThread((data, _entry, transfer) =>
      startTsWorker(BROKEN_CHECKER, data, transfer),
    )
    cleanups.push(() => checker.close())
    await expect(checker.check(files).ready()).rejects.toThrow(
      /^Pemeriksaan berkas Kirim data berhenti tiba-tiba \(galat di dalam proses pemeriksaan\)\. Tidak ada data yang diubah/,
    )
    expect(counts(hub)).toEqual(before)
  }, 60_000)

  it('a check thread that stops answering mid-import is said in Indonesian, and nothing is written', async () => {
    const { ceremony, files } = await threeOffices()
    const hub = await receiver(ceremony)
    const before = { rows: arrivals(hub), counts: counts(hub) }
    const checker = new CheckThread(
      (data, _entry, transfer) => startTsWorker(STUCK_CHECKER, data, transfer),
      1000,
    )
    cleanups.push(() => checker.close())
    const checks = checker.check(files)
    await checks.ready()
    expect(() => importBundles(hub.ctx.db, files, new Date(0), hub.ctx.kioskId, checks)).toThrow(
      /^Pemeriksaan berkas Kirim data berhenti tiba-tiba \(tidak ada jawaban dalam 1 detik\)\. Tidak ada data yang diubah/,
    )
    expect({ rows: arrivals(hub), counts: counts(hub) }).toEqual(before)
  }, 60_000)

  it("an office's earlier and later files in one pick, in either order: the later one's cancellation holds", async () => {
    const bkpsdm = await kiosk('BKPSDM')
    const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
    const office = await kiosk('OFFICE-A')
    const c = office.join(ceremony)
    const out = [folder(), folder()]
    const wrong = await office.scanAt('00:31:00', nip(0))
    await office.scanAt('00:32:00', nip(1))
    const earlier = await writeBundle(office.ctx.db, office.ctx, c.id, out[0]!, new Date())
    await office.call('checkin.undo', { checkinId: wrong.checkinId, reason: 'Salah orang' })
    await office.scanAt('00:40:00', nip(2))
    const later = await writeBundle(office.ctx.db, office.ctx, c.id, out[1]!, new Date())
    const states = []
    for (const [i, pick] of [
      [earlier.file, later.file],
      [later.file, earlier.file],
      [later.file],
    ].entries()) {
      const hub = await receiver(ceremony, `BKPSDM-${i}`)
      const reports = importBundles(hub.ctx.db, pick, new Date(), hub.ctx.kioskId)
      expect(reports.every((r) => r.ok)).toBe(true)
      states.push(arrivals(hub))
    }
    expect(states[0]).toEqual(states[2])
    expect(states[1]).toEqual(states[2])
    expect(states[0]).toEqual([
      expect.objectContaining({ nip: nip(0), reason: 'Salah orang', cancelledBy: 'OFFICE-A' }),
      expect.objectContaining({ nip: nip(1), cancelledAt: null }),
      expect.objectContaining({ nip: nip(2), cancelledAt: null }),
    ])
  }, 60_000)

  it('lists the first people recorded at two offices and counts them all', async () => {
    const crowd = people(REPORT_DUPLICATES + 10, crowdNip)
    const at = async (id: string) => {
      const k = await kioskAt(id, crowd)
      cleanups.push(k.cleanup)
      return k
    }
    const bkpsdm = await at('BKPSDM')
    const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
    const files = []
    for (const id of ['OFFICE-A', 'OFFICE-B']) {
      const office = await at(id)
      const c = office.join(ceremony)
      for (const p of crowd) await office.scanAt('00:31:00', p.nip)
      files.push((await writeBundle(office.ctx.db, office.ctx, c.id, folder(), new Date())).file)
    }
    const hub = await at('HUB')
    hub.join(ceremony)
    const reports = importBundles(hub.ctx.db, files, new Date(), hub.ctx.kioskId)
    for (const r of reports) {
      expect(r.duplicates).toHaveLength(REPORT_DUPLICATES)
      expect(r.duplicateCount).toBe(crowd.length)
    }
  }, 60_000)

  describe('refuses, naming the file and the entry, and writes nothing', () => {
    async function refusedWith(change: (b: Bundle) => Bundle, message: RegExp) {
      const { ceremony, files } = await threeOffices()
      const hub = await receiver(ceremony)
      const good = importBundles(hub.ctx.db, [files[1]!], new Date(), hub.ctx.kioskId)
      expect(good[0]!.ok).toBe(true)
      const before = { rows: arrivals(hub), counts: counts(hub) }
      const bundle = JSON.parse(fs.readFileSync(files[0]!, 'utf8')) as Bundle
      const bad = path.join(path.dirname(files[0]!), 'Kirim data diubah.kirim.json')
      fs.writeFileSync(bad, JSON.stringify(change(bundle)))
      const [report] = importBundles(hub.ctx.db, [bad], new Date(), hub.ctx.kioskId)
      expect(report!.ok).toBe(false)
      expect(report!.error).toMatch(/^Berkas "Kirim data diubah\.kirim\.json" ditolak: /)
      expect(report!.error).toMatch(message)
      expect({ rows: arrivals(hub), counts: counts(hub) }).toEqual(before)
    }
    /** Signs the file again with the sender's header as it now stands (a forger with the file only cannot). */
    const scanAt = (b: Bundle, n: number) => b.entries.filter((e) => e.kind === 'scan')[n]!

    it('one entry changed', async () => {
      await refusedWith((b) => {
        scanAt(b, 0).body['nip'] = nip(11)
        return b
      }, /entri nomor \d+ hash tidak cocok dengan isinya/)
    }, 60_000)

    /** The file signed again, whole, with a key that is not the sender's. */
    const resigned = (b: Bundle) => {
      const other = createKey()
      const header = {
        ...b,
        publicKey: other.publicKey,
        fingerprint: fingerprintOf(other.publicKey),
      }
      return {
        ...header,
        signature: signBytes(other, bundleSignedBytes(header, b.entries.at(-1)!)),
      }
    }

    it('one entry changed and the file re-signed with another key', async () => {
      await refusedWith((b) => {
        scanAt(b, 1).body['nip'] = nip(11)
        return resigned(b)
      }, /entri nomor \d+ hash tidak cocok/)
    }, 60_000)

    it('one entry removed', async () => {
      await refusedWith((b) => {
        const gone = scanAt(b, 1).seq
        return { ...b, entries: b.entries.filter((e) => e.seq !== gone) }
      }, /entri nomor \d+ tidak menyambung entri nomor \d+/)
    }, 60_000)

    it('signed by another key', async () => {
      await refusedWith(resigned, /entri nomor \d+ kepala rantai ditandatangani kunci lain/)
    }, 60_000)

    it('an entry of another form: a field added, one missing, a hash not hex', async () => {
      const forms: ((e: Record<string, unknown>) => void)[] = [
        (e) => (e['extra'] = 1),
        (e) => delete e['at'],
        (e) => (e['hash'] = 'Z'.repeat(64)),
        (e) => (e['seq'] = 1.5),
      ]
      for (const change of forms)
        await refusedWith((b) => {
          change(b.entries[2] as unknown as Record<string, unknown>)
          return b
        }, /bukan berkas Kirim data yang sah \(bagian entries\.2\)/)
    }, 120_000)

    it('the end cut off', async () => {
      await refusedWith(
        (b) => ({ ...b, entries: b.entries.slice(0, -1) }),
        /tanda tangan berkas tidak sah/,
      )
    }, 60_000)

    it('a ceremony this kiosk does not know', async () => {
      const { files } = await threeOffices()
      const stranger = await kiosk('ELSEWHERE')
      await stranger.call('ceremony.create', PILKADA_2024)
      const before = counts(stranger)
      const [report] = importBundles(stranger.ctx.db, [files[0]!], new Date(), 'ELSEWHERE')
      expect(report!.error).toMatch(
        /acara "Apel Netralitas ASN Pilkada Serentak 2024" \(2024-09-30\) tidak ada di kiosk ini/,
      )
      expect(counts(stranger)).toEqual(before)
    }, 60_000)

    it('a file that is not a bundle, or too big to read', async () => {
      const hub = await kiosk('BKPSDM')
      const dir = folder()
      const junk = path.join(dir, 'foto.kirim.json')
      fs.writeFileSync(junk, 'bukan json')
      const wrong = path.join(dir, 'lain.kirim.json')
      fs.writeFileSync(wrong, JSON.stringify({ format: 'lain/1' }))
      const big = path.join(dir, 'besar.kirim.json')
      fs.writeFileSync(big, '')
      fs.truncateSync(big, 65 * 1024 * 1024)
      const reports = importBundles(
        hub.ctx.db,
        [junk, wrong, big, path.join(dir, 'hilang.kirim.json')],
        new Date(),
        'BKPSDM',
      )
      expect(reports.map((r) => r.error)).toEqual([
        'Berkas "foto.kirim.json" ditolak: bukan berkas Kirim data (isinya bukan JSON).',
        'Berkas "lain.kirim.json" ditolak: bukan berkas Kirim data yang sah (bagian format).',
        expect.stringMatching(
          /^Berkas "besar\.kirim\.json" ditolak: ukurannya 65 MB, paling besar 64 MB\.$/,
        ),
        expect.stringMatching(/^Berkas "hilang\.kirim\.json" ditolak: tidak dapat dibaca: /),
      ])
    })
  })
})
