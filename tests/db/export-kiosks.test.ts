import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setOfficer } from '../../src/main/attendance/repository'
import { importBundles } from '../../src/main/bundle/read'
import { writeBundle } from '../../src/main/bundle/write'
import { exportCeremony } from '../../src/main/export/export'
import { MANIFEST, manifestSignatureHolds, type Manifest } from '../../src/main/export/manifest'
import { saveLink } from '../../src/main/gate/link'
import { ownKioskLabel } from '../../src/main/hub/kiosk-label'
import {
  applyPeerEntries,
  kioskLabel,
  MERGE_CANCELLED_BY,
  peerLabel,
} from '../../src/main/hub/merge'
import { ownEntries } from '../../src/main/hub/peer-chain'
import { setKioskRole } from '../../src/main/hub/role'
import { fingerprintOf } from '../../src/main/keys/signature'
import { chainHead } from '../../src/main/log/chain'
import { issueForms } from '../../src/main/pakta/forms'
import { receivePaktaByHand } from '../../src/main/pakta/receipt'
import { reportLines, verifyPath } from '../../src/main/verify/verify'
import type { Ceremony } from '../../src/shared/domain'
import { formatNip } from '../../src/shared/nip'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { crowdNip } from '../fixtures/crowd'
import { kioskAt, people, type Kiosk } from '../fixtures/kiosks'
import { libreOfficeResave, needsSoffice } from '../fixtures/other-programs'
import { laptopSealer } from '../fixtures/os-sealer'
import { tempDir } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

// Three OPD: Inspektorat (0, 3, 6), Dinas Sosial (1, 4, 7), Dinas Pendidikan (2, 5, 8).
const ROSTER = people(9, crowdNip)
const nip = (k: number) => ROSTER[k]!.nip
const TITLE = 'Kehadiran Apel Netralitas 2024-09-30'
const RECAP = `Rekap ${TITLE}.xlsx`
const CSV = `${TITLE} - Semua OPD.csv`
const opdFile = (opd: string) => `${TITLE} - ${opd}.xlsx`
const PRINT_HEADER = ['No', 'Nama', 'NIP', 'Jabatan', 'Pangkat/Gol.', 'Status', 'Pukul', 'Ikrar']

async function kiosk(id: string) {
  const k = await kioskAt(id, ROSTER)
  cleanups.push(k.cleanup)
  return k
}

function folder(prefix: string) {
  const dir = tempDir(prefix)
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * A hub with its own gate scans, a live gate (Gerbang 1) and an office that sent its file.
 * Counted: 0 at the hub; 1 and 3 at the gate; 2 and 4 at the office. Set aside: the gate's 2
 * (the office had it earlier) and the hub's 3 (the gate had it earlier).
 */
async function hubWithPeers() {
  const hub = await kiosk('HUB')
  setKioskRole(hub.ctx.db, 'induk')
  const ceremony = await hub.call<Ceremony>('ceremony.create', PILKADA_2024)
  await hub.scanAt('00:32:00', nip(0))
  await hub.scanAt('00:45:00', nip(3))

  const gate = await kiosk('GATE-A')
  gate.join(ceremony)
  await gate.scanAt('00:31:00', nip(1))
  await gate.scanAt('00:33:00', nip(2))
  await gate.scanAt('00:40:00', nip(3))
  const push = (db = hub.ctx.db) =>
    applyPeerEntries(
      db,
      {
        kioskId: gate.ctx.kioskId,
        label: 'Gerbang 1',
        publicKey: gate.ctx.key.publicKey,
        joinedBy: 'live',
      },
      ownEntries(gate.ctx.db),
      new Date('2024-09-30T00:41:00.000Z'),
    )

  const office = await kiosk('OFFICE-B')
  const c = office.join(ceremony)
  await office.scanAt('00:30:00', nip(2))
  await office.scanAt('00:35:00', nip(4))
  office.clock.t = Date.parse('2024-09-30T02:00:00.000Z')
  const sent = await writeBundle(office.ctx.db, office.ctx, c.id, folder('kirim-'), new Date())
  const takeIn = () => {
    const [report] = importBundles(hub.ctx.db, [sent.file], new Date(), hub.ctx.kioskId)
    expect(report!.error).toBeNull()
  }
  push()
  takeIn()
  /** Another hub of the same apel, its own two scans, the same gate chain and office file. */
  const again = async (id: string) => {
    const other = await kiosk(id)
    setKioskRole(other.ctx.db, 'induk')
    const c = other.join(ceremony)
    await other.scanAt('00:32:00', nip(0))
    await other.scanAt('00:45:00', nip(3))
    return { other, ceremonyId: c.id, push, file: sent.file }
  }
  return { hub, ceremony, gate, office, again, officeLabel: peerLabel(hub.ctx.db, 'OFFICE-B')! }
}

async function exportOf(k: Kiosk, ceremonyId: number) {
  const { folder: out } = await exportCeremony(k.ctx.db, {
    ceremonyId,
    folder: folder('ekspor-'),
    order: 'name',
    ikrar: null,
    signing: {
      key: k.ctx.key,
      chainHead: chainHead(k.ctx.db),
      at: '2024-09-30T03:00:00.000Z',
    },
  })
  return out
}

async function readBook(file: string) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  return book
}

/** A sheet's rows from its header row on (the first holding `first`), as plain values. */
function table(sheet: ExcelJS.Worksheet, first: string): unknown[][] {
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  const start = rows.findIndex((r) => r[0] === first)
  expect(start, `${sheet.name}: no header "${first}"`).toBeGreaterThanOrEqual(0)
  return rows.slice(start)
}

/** NIP (without spaces) to the value under `header`, on a table with NIP and Status. */
function byNip(rows: unknown[][], header: string): Record<string, unknown> {
  const [head, ...body] = rows
  const n = head!.indexOf('NIP')
  const h = head!.indexOf(header)
  expect(h, `no column ${header} in ${JSON.stringify(head)}`).toBeGreaterThanOrEqual(0)
  return Object.fromEntries(
    body
      .filter((r) => typeof r[n] === 'string' && /\d/.test(r[n]))
      .map((r) => [String(r[n]).replace(/ /g, ''), r[h] ?? '']),
  )
}

describe('exports at a hub name the kiosk of every arrival', () => {
  it('has a Kiosk column in the data sheet, the print sheet, the recap lists and the CSV', async () => {
    const { hub, ceremony, officeLabel } = await hubWithPeers()
    const out = await exportOf(hub, ceremony.id)
    const where = {
      [nip(0)]: 'Kiosk induk',
      [nip(1)]: 'Gerbang 1',
      [nip(2)]: officeLabel,
      [nip(3)]: 'Gerbang 1',
      [nip(4)]: officeLabel,
      [nip(5)]: '',
      [nip(6)]: '',
      [nip(7)]: '',
      [nip(8)]: '',
    }
    const ofOpd = (opd: string) =>
      Object.fromEntries(ROSTER.filter((p) => p.opd === opd).map((p) => [p.nip, where[p.nip]]))
    for (const opd of ['Inspektorat', 'Dinas Sosial', 'Dinas Pendidikan']) {
      const book = await readBook(path.join(out, opdFile(opd)))
      expect(byNip(table(book.getWorksheet('Data Kehadiran')!, 'No'), 'Kiosk')).toEqual(ofOpd(opd))
      const print = table(book.getWorksheet('Cetak')!, 'No')
      expect(print[0]).toEqual([...PRINT_HEADER, 'Kiosk', 'Keterangan'])
      expect(byNip(print, 'Kiosk')).toEqual(ofOpd(opd))
    }
    const recap = await readBook(path.join(out, RECAP))
    const listed = ['Inspektorat', 'Dinas Sosial', 'Dinas Pendidikan'].map((opd) =>
      byNip(table(recap.getWorksheet(opd)!, 'No'), 'Kiosk'),
    )
    expect(Object.assign({}, ...listed)).toEqual(where)
    const lines = fs.readFileSync(path.join(out, CSV), 'utf8').slice(1).trimEnd().split('\r\n')
    const csv = lines.map((l) => l.split(';'))
    expect(byNip(csv, 'Kiosk')).toEqual(where)
    // Every NIP in the CSV with its usual spaces, as before.
    expect(lines.join('\n')).toContain(formatNip(nip(0)))
  })

  it('lists each contributing kiosk on the recap: how it joined, key, chain head, counts, last seen', async () => {
    const { hub, ceremony, gate, office, officeLabel } = await hubWithPeers()
    const hubHead = chainHead(hub.ctx.db)!
    const out = await exportOf(hub, ceremony.id)
    const sheet = (await readBook(path.join(out, RECAP))).getWorksheet('Kiosk')!
    expect(sheet, 'the recap has a Kiosk sheet').toBeDefined()
    const rows = table(sheet, 'No')
    expect(rows[0]).toEqual([
      'No',
      'Kiosk',
      'Cara Bergabung',
      'Sidik Kunci',
      'Kepala Rantai (Nomor)',
      'Kepala Rantai (Hash)',
      'Kedatangan Dihitung',
      'Disisihkan (Sudah Tercatat di Kiosk Lain)',
      'Terakhir Terlihat (WIB)',
    ])
    const held = (kioskId: string) =>
      hub.ctx.db
        .prepare(
          'SELECT seq, hash, at FROM peer_entry WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(kioskId) as { seq: number; hash: string; at: string }
    const gateHead = held('GATE-A')
    const officeHead = held('OFFICE-B')
    // The office's chain ends on the head it signed for its file; the hub holds all of it.
    expect(officeHead.seq).toBe(chainHead(office.ctx.db)!.seq)
    expect(gateHead.seq).toBe(chainHead(gate.ctx.db)!.seq)
    // Wall-clock times in WIB, read back as the cell's UTC fields.
    const wib = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString()
    const seen = (v: unknown) => (v instanceof Date ? v.toISOString() : v)
    // A cell left empty reads back as nothing: nine columns each.
    const cells = (r: unknown[]) => Array.from({ length: 9 }, (_, i) => seen(r[i] ?? ''))
    expect(rows.slice(1, 4).map(cells)).toEqual([
      [
        1,
        'Kiosk induk',
        'kiosk ini',
        fingerprintOf(hub.ctx.key.publicKey),
        hubHead.seq,
        hubHead.hash.slice(0, 16),
        1,
        1,
        '',
      ],
      [
        2,
        'Gerbang 1',
        'langsung',
        fingerprintOf(gate.ctx.key.publicKey),
        gateHead.seq,
        gateHead.hash.slice(0, 16),
        2,
        1,
        wib('2024-09-30T00:41:00.000Z'),
      ],
      [
        3,
        officeLabel,
        'berkas',
        fingerprintOf(office.ctx.key.publicKey),
        officeHead.seq,
        officeHead.hash.slice(0, 16),
        2,
        0,
        wib(officeHead.at),
      ],
    ])
    expect(rows[1]![3]).toMatch(
      /^KIOSK-[0-9A-F]{4} · [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/,
    )
    expect(cells(rows[4]!)).toEqual(['', 'JUMLAH', '', '', '', '', 5, 2, ''])
    // Counted arrivals add up to the people present on the recap's lists.
    const live = hub.ctx.db
      .prepare('SELECT count(*) FROM checkin WHERE cancelled_at IS NULL')
      .pluck()
      .get()
    expect(live).toBe(5)
  })

  it('lists the same kiosks, with full chain heads, in the signed manifest; the folder verifies', async () => {
    const { hub, ceremony, gate, office, officeLabel } = await hubWithPeers()
    const out = await exportOf(hub, ceremony.id)
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')) as Manifest
    expect(manifestSignatureHolds(manifest)).toBe(true)
    const head = (kioskId: string) =>
      hub.ctx.db
        .prepare('SELECT seq, hash FROM peer_entry WHERE kiosk_id = ? ORDER BY seq DESC LIMIT 1')
        .get(kioskId) as { seq: number; hash: string }
    expect(manifest.kiosk).toEqual([
      {
        label: 'Kiosk induk',
        caraBergabung: 'kiosk ini',
        sidikKunci: fingerprintOf(hub.ctx.key.publicKey),
        kepalaRantai: manifest.keaslian!.kepalaRantai,
        dihitung: 1,
        disisihkan: 1,
      },
      {
        label: 'Gerbang 1',
        caraBergabung: 'langsung',
        sidikKunci: fingerprintOf(gate.ctx.key.publicKey),
        kepalaRantai: head('GATE-A'),
        dihitung: 2,
        disisihkan: 1,
      },
      {
        label: officeLabel,
        caraBergabung: 'berkas',
        sidikKunci: fingerprintOf(office.ctx.key.publicKey),
        kepalaRantai: head('OFFICE-B'),
        dihitung: 2,
        disisihkan: 0,
      },
    ])
    // A kiosk list changed after the export breaks the manifest's signature.
    const forged = { ...manifest, kiosk: manifest.kiosk!.map((k) => ({ ...k, dihitung: 9 })) }
    expect(manifestSignatureHolds(forged)).toBe(false)
    const report = await verifyPath(out, { ownKey: hub.ctx.key.publicKey })
    expect(report.verdict, report.files.flatMap((f) => f.findings).join('\n')).toBe('asli')
    // The verification names them too, in the kiosk and on the command line.
    expect(report.kiosks).toEqual(manifest.kiosk)
    expect(reportLines(report)).toContain(
      `  Gerbang 1 (langsung), ${fingerprintOf(gate.ctx.key.publicKey)}, kepala rantai #${head('GATE-A').seq} ${head('GATE-A').hash.slice(0, 16)}…: 2 dihitung, 1 disisihkan`,
    )
    // Written into the folder, the forged list fails the check and is not shown as the signer's.
    fs.writeFileSync(path.join(out, MANIFEST), JSON.stringify(forged))
    const changed = await verifyPath(out, { ownKey: hub.ctx.key.publicKey })
    expect(changed.verdict).toBe('diubah')
    expect(changed.kiosks).toEqual([])
  })

  it('still verifies as Asli after LibreOffice re-saved the recap and an OPD workbook', async (t) => {
    if (!needsSoffice(t)) return
    const { hub, ceremony } = await hubWithPeers()
    const out = await exportOf(hub, ceremony.id)
    for (const name of [RECAP, opdFile('Dinas Sosial')]) {
      const copy = libreOfficeResave(path.join(out, name), path.join(out, '..', 'lo'))
      const report = await verifyPath(copy)
      expect(report.verdict, `${name}: ${report.files.flatMap((f) => f.findings).join('\n')}`).toBe(
        'asli',
      )
      const book = await readBook(copy)
      const sheet = book.getWorksheet(name === RECAP ? 'Dinas Sosial' : 'Cetak')!
      expect(byNip(table(sheet, 'No'), 'Kiosk')[nip(1)]).toBe('Gerbang 1')
    }
  }, 120_000)
})

describe('the kiosks of an export, whichever order their arrivals came in', () => {
  it('gives the same Kiosk column and Kiosk sheet when the office file comes before the gate', async () => {
    const cellsOf = async (k: Kiosk, ceremonyId: number) => {
      const recap = await readBook(path.join(await exportOf(k, ceremonyId), RECAP))
      const rows = table(recap.getWorksheet('Kiosk')!, 'No')
      // This hub's own key and head are its own; every other cell must agree.
      rows[1]!.splice(3, 3)
      const lists = ['Inspektorat', 'Dinas Sosial', 'Dinas Pendidikan'].map((opd) =>
        byNip(table(recap.getWorksheet(opd)!, 'No'), 'Kiosk'),
      )
      return { rows, lists }
    }
    const gateFirst = await hubWithPeers()
    const { other, ceremonyId, push, file } = await gateFirst.again('HUB-2')
    const [report] = importBundles(other.ctx.db, [file], new Date(), other.ctx.kioskId)
    expect(report!.error).toBeNull()
    push(other.ctx.db)
    const first = await cellsOf(gateFirst.hub, gateFirst.ceremony.id)
    expect(await cellsOf(other, ceremonyId)).toEqual(first)
    expect(first.rows.slice(0, 5).map((r) => r[1])).toEqual([
      'Kiosk',
      'Kiosk induk',
      'Gerbang 1',
      gateFirst.officeLabel,
      'JUMLAH',
    ])
  })
})

describe('a standalone kiosk exports as before', () => {
  it('has no Kiosk column, no Kiosk sheet and no kiosk list when only its own arrivals are there', async () => {
    const k = await kiosk('SOLO')
    const ceremony = await k.call<Ceremony>('ceremony.create', PILKADA_2024)
    await k.scanAt('00:31:00', nip(0))
    const out = await exportOf(k, ceremony.id)
    const book = await readBook(path.join(out, opdFile('Inspektorat')))
    expect(table(book.getWorksheet('Cetak')!, 'No')[0]).toEqual([...PRINT_HEADER, 'Keterangan'])
    expect(table(book.getWorksheet('Data Kehadiran')!, 'No')[0]).not.toContain('Kiosk')
    const recap = await readBook(path.join(out, RECAP))
    expect(recap.getWorksheet('Kiosk')).toBeUndefined()
    expect(table(recap.getWorksheet('Inspektorat')!, 'No')[0]).not.toContain('Kiosk')
    expect(fs.readFileSync(path.join(out, CSV), 'utf8').split('\r\n')[0]).not.toContain('Kiosk')
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST), 'utf8')) as Manifest
    expect(manifest.kiosk).toBeUndefined()
  })

  it('shows the column at a hub even before any gate sent arrivals', async () => {
    const k = await kiosk('HUB')
    setKioskRole(k.ctx.db, 'induk')
    const ceremony = await k.call<Ceremony>('ceremony.create', PILKADA_2024)
    await k.scanAt('00:31:00', nip(0))
    const out = await exportOf(k, ceremony.id)
    const book = await readBook(path.join(out, opdFile('Inspektorat')))
    expect(byNip(table(book.getWorksheet('Cetak')!, 'No'), 'Kiosk')).toEqual({
      [nip(0)]: 'Kiosk induk',
      [nip(3)]: '',
      [nip(6)]: '',
    })
    const sheet = (await readBook(path.join(out, RECAP))).getWorksheet('Kiosk')!
    expect(
      table(sheet, 'No')
        .slice(1, 2)
        .map((r) => r.slice(0, 3)),
    ).toEqual([[1, 'Kiosk induk', 'kiosk ini']])
  })
})

describe('this kiosk names its own arrivals by its role', () => {
  it('is "Kiosk ini" at a standalone kiosk that took in an office\'s file: column, sheet, set-aside reason', async () => {
    const solo = await kiosk('SOLO')
    const ceremony = await solo.call<Ceremony>('ceremony.create', PILKADA_2024)
    await solo.scanAt('00:31:00', nip(0))
    const office = await kiosk('OFFICE-B')
    const c = office.join(ceremony)
    await office.scanAt('00:30:00', nip(3))
    await office.scanAt('00:35:00', nip(0))
    const sent = await writeBundle(office.ctx.db, office.ctx, c.id, folder('kirim-'), new Date())
    const [report] = importBundles(solo.ctx.db, [sent.file], new Date(), solo.ctx.kioskId)
    expect(report!.error).toBeNull()
    const officeLabel = peerLabel(solo.ctx.db, 'OFFICE-B')!
    const out = await exportOf(solo, ceremony.id)
    const book = await readBook(path.join(out, opdFile('Inspektorat')))
    expect(byNip(table(book.getWorksheet('Cetak')!, 'No'), 'Kiosk')).toEqual({
      [nip(0)]: 'Kiosk ini',
      [nip(3)]: officeLabel,
      [nip(6)]: '',
    })
    const sheet = (await readBook(path.join(out, RECAP))).getWorksheet('Kiosk')!
    expect(
      table(sheet, 'No')
        .slice(1, 3)
        .map((r) => r.slice(0, 3)),
    ).toEqual([
      [1, 'Kiosk ini', 'kiosk ini'],
      [2, officeLabel, 'berkas'],
    ])
    // The office's later scan of the same person was set aside, saying where it was first.
    const reasons = solo.ctx.db
      .prepare('SELECT cancel_reason FROM checkin WHERE cancelled_by = ?')
      .pluck()
      .all(MERGE_CANCELLED_BY)
    expect(reasons).toEqual(['Sudah tercatat lebih awal di Kiosk ini pukul 07.31 WIB'])
  })

  it('is "Kiosk induk" at a hub, and at a gate the label its hub gave it ("Kiosk gerbang" unpaired)', async () => {
    const k = await kiosk('ROLES')
    const own = () => [ownKioskLabel(k.ctx.db), kioskLabel(k.ctx.db, k.ctx.kioskId)]
    expect(own()).toEqual(['Kiosk ini', 'Kiosk ini'])
    setKioskRole(k.ctx.db, 'induk')
    expect(own()).toEqual(['Kiosk induk', 'Kiosk induk'])
    setKioskRole(k.ctx.db, 'gerbang')
    expect(own()).toEqual(['Kiosk gerbang', 'Kiosk gerbang'])
    saveLink(
      k.ctx.db,
      {
        hubKioskId: 'HUB',
        address: '127.0.0.1',
        port: 48_123,
        certPem: 'pem',
        certSha256: 'sha',
        credential: 'secret',
        label: 'Gerbang 3',
        pairedAt: '2024-09-30T00:00:00.000Z',
        ackSeq: 0,
        offsetMs: null,
        lastContact: null,
        ceremonyGlobalId: null,
      },
      laptopSealer(),
    )
    expect(own()).toEqual(['Gerbang 3', 'Gerbang 3'])
  })
})

describe('the print sheet of a ceremony that uses the pakta', () => {
  it('has a Pakta column: Diterima, Belum for an ASN asked to sign', async () => {
    const k = await kiosk('SOLO')
    const ceremony = await k.call<Ceremony>('ceremony.create', {
      ...PILKADA_2024,
      election: 'Pemilihan Serentak Tahun 2024',
    })
    setOfficer(k.ctx.db, 'Rina (BKPSDM)')
    const at = new Date('2024-09-30T00:40:00.000Z')
    issueForms(k.ctx.db, at, {
      ceremonyId: ceremony.id,
      employeeId: null,
      opdId: null,
      query: '',
      only: 'semua',
    })
    const employee = (n: string) =>
      k.ctx.db.prepare('SELECT id FROM employee WHERE nip = ?').pluck().get(n) as number
    const got = receivePaktaByHand(k.ctx.db, {
      ceremonyId: ceremony.id,
      employeeId: employee(nip(3)),
      kioskId: k.ctx.kioskId,
      now: at,
    })
    expect(got.kind).toBe('pakta-received')
    const out = await exportOf(k, ceremony.id)
    const print = table(
      (await readBook(path.join(out, opdFile('Inspektorat')))).getWorksheet('Cetak')!,
      'No',
    )
    expect(print[0]).toEqual([...PRINT_HEADER, 'Pakta', 'Keterangan'])
    expect(byNip(print, 'Pakta')).toEqual({
      [nip(0)]: 'Belum',
      [nip(3)]: 'Diterima',
      [nip(6)]: 'Belum',
    })
  })
})
