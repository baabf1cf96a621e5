import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setOfficer, setReason } from '../../src/main/attendance/repository'
import { exportCeremony } from '../../src/main/export/export'
import { csvSealName, type Signing } from '../../src/main/export/keaslian'
import { MANIFEST, manifestSignedBytes, type Manifest } from '../../src/main/export/manifest'
import { createKey } from '../../src/main/keys/kiosk-key'
import { fingerprintOf, signBytes, type KioskKey } from '../../src/main/keys/signature'
import { reportLines, verifyPath } from '../../src/main/verify/verify'
import type { AuthenticityReport } from '../../src/shared/contract/authenticity'
import { formatNip } from '../../src/shared/nip'
import { checkIn, seedApel, testNip, type Person } from '../fixtures/attendance'
import {
  libreOfficeResave,
  needsSoffice,
  openpyxlFooter,
  openpyxlEdit,
  type SheetEdit,
} from '../fixtures/other-programs'
import { testKey, testSigning } from '../fixtures/signing'
import { tempDb } from '../fixtures/temp-db'
import { NO_DIALOGS } from '../fixtures/context'
import { kioskTable } from '../fixtures/kiosk-table'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const PENDIDIKAN = 'Dinas Pendidikan'
const PEOPLE: Person[] = [
  { nip: testNip(1), name: 'Budi Santoso', opd: PENDIDIKAN },
  { nip: testNip(2), name: 'Siti Rahayu', opd: PENDIDIKAN },
  { nip: testNip(3), name: 'Agus Salim', opd: PENDIDIKAN },
  { nip: testNip(4), name: 'Dewi Lestari', opd: PENDIDIKAN },
  { nip: testNip(7), name: 'Rina Wati', opd: 'Inspektorat' },
  { nip: testNip(8), name: 'Joko Susilo', opd: 'Inspektorat' },
]
const TITLE = 'Kehadiran Apel Netralitas 2024-09-30'
const OPD_FILE = `${TITLE} - ${PENDIDIKAN}.xlsx`
const RECAP_FILE = `Rekap ${TITLE}.xlsx`
const CSV_FILE = `${TITLE} - Semua OPD.csv`
/** Tidak Hadir, no reason: the status a forger turns into Hadir. */
const ABSENT = testNip(3)
const PRESENT = testNip(1)

/** A real export: two scanned, one late, one reason with a formula-like note, one stranger. */
async function exportedFolder(
  key: KioskKey = testKey(),
  chainHead: Signing['chainHead'] = null,
): Promise<string> {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const ceremony = seedApel(t.db, PEOPLE)
  checkIn(t.db, ceremony.id, PRESENT, '2024-09-30T00:20:05.000Z', { source: 'pemindai' })
  checkIn(t.db, ceremony.id, testNip(2), '2024-09-30T00:50:00.000Z', { late: true })
  checkIn(t.db, ceremony.id, testNip(7), '2024-09-30T00:21:00.000Z')
  checkIn(t.db, ceremony.id, '199001012015011001', '2024-09-30T00:23:00.000Z', {
    source: 'manual',
  })
  setOfficer(t.db, 'Petugas BKPSDM')
  const dewi = t.db.prepare('SELECT id FROM employee WHERE nip = ?').pluck().get(testNip(4))
  setReason(t.db, new Date('2024-09-30T03:00:00Z'), {
    ceremonyId: ceremony.id,
    employeeId: dewi as number,
    reason: 'SAKIT',
    note: '=1+1 demam',
    previous: null,
  })
  const usb = path.join(t.dir, 'usb')
  fs.mkdirSync(usb)
  const { folder } = await exportCeremony(t.db, {
    ceremonyId: ceremony.id,
    folder: usb,
    order: 'name',
    ikrar: null,
    signing: { ...testSigning(key, new Date('2024-09-30T03:10:00Z')), chainHead },
  })
  return folder
}

const findings = (r: AuthenticityReport) => r.files.flatMap((f) => f.findings)

/** An edited copy of `file` (openpyxl) in a folder of its own, the same name. */
function edited(file: string, edits: SheetEdit[], dirName = 'diedit'): string {
  const dir = path.join(path.dirname(file), '..', dirName)
  fs.mkdirSync(dir, { recursive: true })
  const out = path.join(dir, path.basename(file))
  openpyxlEdit(file, out, edits)
  return out
}

describe('a fresh export', () => {
  it('verifies as Asli: the folder, each workbook, the CSV, signed by the key it names', async () => {
    const folder = await exportedFolder()
    const report = await verifyPath(folder, { ownKey: testKey().publicKey })
    expect(report.verdict, findings(report).join('\n')).toBe('asli')
    expect(report.signedBy).toMatchObject({
      fingerprint: fingerprintOf(testKey().publicKey),
      at: '2024-09-30T03:10:00.000Z',
      ownKiosk: true,
    })
    expect(report.summary).toMatch(
      /^Asli\. 6 berkas diperiksa, semua asli\. Ditandatangani kiosk ini KIOSK-/,
    )
    for (const name of [OPD_FILE, RECAP_FILE, CSV_FILE]) {
      const one = await verifyPath(path.join(folder, name))
      expect(one.verdict, `${name}: ${findings(one).join('\n')}`).toBe('asli')
      expect(one.files[0]!.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/)
      if (name === CSV_FILE) continue
      // The paper the head signs carries the same code and the kiosk's fingerprint.
      const footer = openpyxlFooter(path.join(folder, name), name === OPD_FILE ? 'Cetak' : 'Rekap')
      expect(footer.center).toBe(
        `Kode keaslian ${one.files[0]!.code} · ${fingerprintOf(testKey().publicKey)}`,
      )
      expect(footer.right).toContain('Halaman &P dari &N')
    }
  })

  it('verifies again after openpyxl opened and saved each workbook untouched', async () => {
    const folder = await exportedFolder()
    for (const name of [OPD_FILE, RECAP_FILE]) {
      const copy = edited(path.join(folder, name), [])
      expect(fs.readFileSync(copy).equals(fs.readFileSync(path.join(folder, name)))).toBe(false)
      const report = await verifyPath(copy)
      expect(report.verdict, `${name}: ${findings(report).join('\n')}`).toBe('asli')
    }
  })

  it('verifies again after LibreOffice re-saved each workbook untouched', async (t) => {
    if (!needsSoffice(t)) return
    const folder = await exportedFolder()
    for (const name of [OPD_FILE, RECAP_FILE]) {
      const copy = libreOfficeResave(path.join(folder, name), path.join(folder, '..', 'lo'))
      const report = await verifyPath(copy)
      expect(report.verdict, `${name}: ${findings(report).join('\n')}`).toBe('asli')
    }
  }, 120_000)
})

describe('a workbook changed in another program', () => {
  const DATA = 'Data Kehadiran'
  const CASES: [string, SheetEdit[], RegExp][] = [
    [
      'a status changed from Tidak Hadir to Hadir',
      [{ op: 'set', sheet: DATA, nip: ABSENT, column: 'Status', value: 'Hadir' }],
      new RegExp(`NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`),
    ],
    [
      'a row deleted',
      [{ op: 'delete', sheet: DATA, nip: ABSENT }],
      new RegExp(`NIP ${formatNip(ABSENT)} \\(Tidak Hadir\\) dihapus dari lembar "${DATA}"`),
    ],
    [
      'a row added',
      [{ op: 'append', sheet: DATA, like: PRESENT, nip: testNip(99) }],
      new RegExp(
        `Lembar "${DATA}" baris \\d+: NIP ${formatNip(testNip(99))} \\(Hadir\\) ditambahkan`,
      ),
    ],
    [
      'a time moved',
      [{ op: 'shift-time', sheet: DATA, nip: PRESENT, minutes: 30 }],
      new RegExp(`NIP ${formatNip(PRESENT)}: waktu 07\\.20\\.05 WIB menjadi 07\\.50\\.05 WIB`),
    ],
    [
      'a status changed on the print sheet',
      [{ op: 'set', sheet: 'Cetak', nip: ABSENT, column: 'Status', value: 'Hadir' }],
      new RegExp(
        `Lembar "Cetak" baris \\d+, NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`,
      ),
    ],
  ]
  for (const [what, edits, message] of CASES) {
    it(`fails on ${what} (openpyxl), naming the NIP`, async () => {
      const folder = await exportedFolder()
      const report = await verifyPath(edited(path.join(folder, OPD_FILE), edits))
      expect(report.verdict).toBe('diubah')
      expect(findings(report).join('\n')).toMatch(message)
    })
  }

  it('fails on every one of those edits re-saved by LibreOffice too', async (t) => {
    if (!needsSoffice(t)) return
    const folder = await exportedFolder()
    for (const [what, edits, message] of CASES.slice(0, 4)) {
      const copy = edited(
        path.join(folder, OPD_FILE),
        edits,
        `diedit-${CASES.findIndex((c) => c[0] === what)}`,
      )
      const resaved = libreOfficeResave(copy, path.join(path.dirname(copy), 'lo'))
      const report = await verifyPath(resaved)
      expect(report.verdict, what).toBe('diubah')
      expect(findings(report).join('\n'), what).toMatch(message)
    }
  }, 240_000)

  it('fails on a status changed in the recap, naming the NIP and its OPD sheet', async () => {
    const folder = await exportedFolder()
    const copy = edited(path.join(folder, RECAP_FILE), [
      { op: 'set', sheet: PENDIDIKAN, nip: ABSENT, column: 'Status', value: 'Hadir' },
    ])
    const report = await verifyPath(copy)
    expect(report.verdict).toBe('diubah')
    expect(findings(report).join('\n')).toMatch(
      new RegExp(
        `Lembar "${PENDIDIKAN}" baris \\d+, NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`,
      ),
    )
  })

  it('fails when the signed rows on the Keaslian sheet are changed to match', async () => {
    const folder = await exportedFolder()
    const copy = edited(path.join(folder, OPD_FILE), [
      { op: 'set', sheet: 'Data Kehadiran', nip: ABSENT, column: 'Status', value: 'Hadir' },
      { op: 'set', sheet: 'Keaslian', nip: ABSENT, column: 'Status', value: 'Hadir' },
    ])
    const report = await verifyPath(copy)
    expect(report.verdict).toBe('diubah')
    expect(findings(report)[0]).toMatch(/^Tanda tangan tidak cocok/)
  })
})

describe('the export folder', () => {
  it('is Asli with a workbook re-saved in place, and names a workbook edited in place', async () => {
    const folder = await exportedFolder()
    const file = path.join(folder, OPD_FILE)
    fs.copyFileSync(edited(file, []), file)
    const resaved = await verifyPath(folder)
    expect(resaved.verdict, findings(resaved).join('\n')).toBe('asli')
    expect(resaved.files.find((f) => f.name === OPD_FILE)?.note).toMatch(/disimpan ulang/)

    fs.copyFileSync(
      edited(
        file,
        [{ op: 'set', sheet: 'Data Kehadiran', nip: ABSENT, column: 'Status', value: 'Hadir' }],
        'lagi',
      ),
      file,
    )
    const changed = await verifyPath(folder)
    expect(changed.verdict).toBe('diubah')
    expect(changed.files.find((f) => f.name === OPD_FILE)?.findings.join('\n')).toMatch(
      new RegExp(`NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`),
    )
    expect(changed.files.find((f) => f.name === RECAP_FILE)?.verdict).toBe('asli')
  })

  it('fails a manifest whose signature is by another key than the one it names', async () => {
    const folder = await exportedFolder()
    const file = path.join(folder, MANIFEST)
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    manifest.berkas[0]!.sha256 = '0'.repeat(64)
    manifest.keaslian!.tandaTangan = signBytes(createKey(), manifestSignedBytes(manifest))
    fs.writeFileSync(file, JSON.stringify(manifest))
    const report = await verifyPath(folder)
    expect(report.verdict).toBe('diubah')
    const head = report.files.find((f) => f.name === MANIFEST)!
    expect(head.findings[0]).toContain(
      `tidak dibuat oleh kunci yang disebutnya (${fingerprintOf(testKey().publicKey)})`,
    )
  })

  it('fails files signed by another key than the manifest, or than the one expected', async () => {
    const other = createKey()
    const folder = await exportedFolder()
    const forged = await exportedFolder(other)
    // A whole export re-made by another key: the manifest holds, but its files are not ours.
    const replaced = path.join(folder, OPD_FILE)
    fs.copyFileSync(path.join(forged, OPD_FILE), replaced)
    const report = await verifyPath(folder)
    expect(report.verdict).toBe('diubah')
    expect(report.files.find((f) => f.name === OPD_FILE)?.findings).toContain(
      `Ditandatangani kunci ${fingerprintOf(other.publicKey)}, bukan kunci ${fingerprintOf(testKey().publicKey)} yang diharapkan.`,
    )
    const expected = await verifyPath(forged, { expectedKey: fingerprintOf(testKey().publicKey) })
    expect(expected.verdict).toBe('diubah')
    expect(findings(expected)[0]).toContain(
      `Ditandatangani kunci ${fingerprintOf(other.publicKey)}`,
    )
    // Typed from the paper: case, spacing and separators do not matter.
    const typed = fingerprintOf(other.publicKey)
      .toLowerCase()
      .replace(' · ', ' ')
      .replace(/-/g, ' ')
    expect((await verifyPath(forged, { expectedKey: typed })).verdict).toBe('asli')
  })

  it('names a file removed, and a workbook added after the export', async () => {
    const folder = await exportedFolder()
    fs.rmSync(path.join(folder, `${TITLE} - Inspektorat.xlsx`))
    fs.writeFileSync(path.join(folder, 'Tambahan.xlsx'), 'x')
    const report = await verifyPath(folder)
    expect(report.verdict).toBe('diubah')
    expect(findings(report)).toEqual(
      expect.arrayContaining([
        `Berkas ${TITLE} - Inspektorat.xlsx hilang dari folder.`,
        'Berkas Tambahan.xlsx tidak tercantum di daftar berkas yang ditandatangani (ditambahkan sesudah ekspor).',
      ]),
    )
  })

  it('carries the log chain head it was given, signed, and shows it', async () => {
    const head = { seq: 42, hash: 'ab'.repeat(32) }
    const folder = await exportedFolder(testKey(), head)
    const report = await verifyPath(folder)
    expect(report).toMatchObject({ verdict: 'asli', chainHead: head })
    expect(reportLines(report)).toContain(`Kepala rantai log kiosk saat ekspor: #42 ${head.hash}`)
    const file = path.join(folder, MANIFEST)
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    manifest.keaslian!.kepalaRantai = { seq: 41, hash: head.hash }
    fs.writeFileSync(file, JSON.stringify(manifest))
    expect((await verifyPath(folder)).verdict).toBe('diubah')
  })

  it('never follows a manifest entry outside the folder', async () => {
    const folder = await exportedFolder()
    const file = path.join(folder, MANIFEST)
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
    manifest.berkas.push({ nama: '../../../../../dev/zero', ukuran: 1, sha256: '0'.repeat(64) })
    fs.writeFileSync(file, JSON.stringify(manifest))
    const report = await verifyPath(folder)
    expect(report.verdict).toBe('diubah')
    expect(findings(report)).toContain(
      'Daftar berkas menyebut nama berkas yang tidak sah: "../../../../../dev/zero".',
    )
  })

  it('is unreadable without a manifest', async () => {
    const folder = await exportedFolder()
    fs.rmSync(path.join(folder, MANIFEST))
    const report = await verifyPath(folder)
    expect(report.verdict).toBe('tidak-terbaca')
    expect(findings(report)[0]).toMatch(/tidak punya Daftar Berkas Ekspor\.json/)
  })

  it('points to the export inside when the officer picks the stick it is on', async () => {
    const folder = await exportedFolder()
    const report = await verifyPath(path.dirname(folder))
    expect(report.verdict).toBe('tidak-terbaca')
    expect(findings(report)).toEqual([
      `Folder ini bukan folder ekspor, tetapi berisi folder ekspor: "${TITLE}". Pilih folder itu.`,
    ])
  })
})

describe('the CSV', () => {
  it('fails an edited status or a deleted line, naming the NIP; verifies untouched', async () => {
    const folder = await exportedFolder()
    const file = path.join(folder, CSV_FILE)
    expect((await verifyPath(file)).verdict).toBe('asli')
    const text = fs.readFileSync(file, 'utf8')
    const line = text.split('\r\n').find((l) => l.includes(formatNip(ABSENT)))!
    fs.writeFileSync(file, text.replace(line, line.replace('Tidak Hadir', 'Hadir')))
    const report = await verifyPath(file)
    expect(report.verdict).toBe('diubah')
    expect(findings(report).join('\n')).toMatch(
      new RegExp(`Baris \\d+, NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`),
    )
    fs.writeFileSync(file, text.replace(`${line}\r\n`, ''))
    expect(findings(await verifyPath(file)).join('\n')).toMatch(
      new RegExp(`NIP ${formatNip(ABSENT)} \\(Tidak Hadir\\) dihapus dari CSV`),
    )
  })

  it('is unreadable without its seal beside it', async () => {
    const folder = await exportedFolder()
    fs.rmSync(path.join(folder, csvSealName(CSV_FILE)))
    const report = await verifyPath(path.join(folder, CSV_FILE))
    expect(report.verdict).toBe('tidak-terbaca')
  })
})

describe('Periksa keaslian berkas, through the handler table', () => {
  it('checks what the officer picks in a verify job, and says this kiosk signed it', async () => {
    const folder = await exportedFolder()
    const k = kioskTable({
      ...NO_DIALOGS,
      chooseVerifyFolder: async () => folder,
      openVerifyFile: async () => path.join(folder, CSV_FILE),
    })
    cleanups.push(k.cleanup)
    expect(await k.call('authenticity.key')).toEqual({
      ok: true,
      value: { fingerprint: fingerprintOf(testKey().publicKey), publicKey: testKey().publicKey },
    })
    const picked = await k.call('authenticity.verify', { pick: 'folder' })
    expect(picked).toMatchObject({
      ok: true,
      value: { verdict: 'asli', folder: true, signedBy: { ownKiosk: true }, chainHead: null },
    })
    const csv = await k.call('authenticity.verify', { pick: 'file' })
    expect(csv).toMatchObject({ ok: true, value: { verdict: 'asli', folder: false } })
    const none = kioskTable()
    cleanups.push(none.cleanup)
    expect(await none.call('authenticity.verify', { pick: 'file' })).toEqual({
      ok: true,
      value: null,
    })
  }, 60_000)
})

describe('npm run verify', () => {
  const CLI = path.resolve(__dirname, '../../scripts/verify.ts')
  const run = (target: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', CLI, target], {
      encoding: 'utf8',
      timeout: 60_000,
    })

  it('exits 0 for an authentic folder, 1 for a changed file, 2 for an unreadable one', async () => {
    const folder = await exportedFolder()
    const ok = run(folder)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('Asli. 6 berkas diperiksa, semua asli.')

    const changed = edited(path.join(folder, OPD_FILE), [
      { op: 'set', sheet: 'Data Kehadiran', nip: ABSENT, column: 'Status', value: 'Hadir' },
    ])
    const bad = run(changed)
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain(`NIP ${formatNip(ABSENT)}: status "Tidak Hadir" menjadi "Hadir"`)

    const junk = path.join(folder, '..', 'rusak.xlsx')
    fs.writeFileSync(junk, 'bukan excel')
    const unreadable = run(junk)
    expect(unreadable.status).toBe(2)
    expect(unreadable.stdout).toContain('Tidak dapat dibaca')
  }, 120_000)
})
