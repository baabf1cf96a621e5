import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importBundles } from '../../src/main/bundle/read'
import { writeBundle } from '../../src/main/bundle/write'
import { getIkrarCopy } from '../../src/main/ikrar/repository'
import { fingerprintOf } from '../../src/main/keys/signature'
import { verifyChain } from '../../src/main/log/chain'
import { importPaket } from '../../src/main/paket/read'
import { writePaket } from '../../src/main/paket/write'
import type { Paket } from '../../src/main/paket/format'
import type { Ceremony } from '../../src/shared/domain'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { crowdNip } from '../fixtures/crowd'
import { kioskAt, people, type Kiosk } from '../fixtures/kiosks'
import { tempDir } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const ROSTER = people(9, crowdNip)
const SOSIAL = ROSTER.filter((p) => p.opd === 'Dinas Sosial')

async function kiosk(id: string, roster = ROSTER) {
  const k = await kioskAt(id, roster)
  cleanups.push(k.cleanup)
  return k
}

const IKRAR = {
  instansi: 'Pemerintah Kabupaten Contoh',
  heading: 'IKRAR NETRALITAS PEGAWAI APARATUR SIPIL NEGARA',
  opening: 'Dalam rangka menyukseskan pelaksanaan {pemilihan} kami berikrar:',
  points: ['Menjaga dan menegakkan prinsip netralitas.', 'Menolak politik uang.'],
  closing: null,
}

/** BKPSDM's apel, its ikrar text, and a package of it for Dinas Sosial written to a folder. */
async function bkpsdmPackage() {
  const bkpsdm = await kiosk('BKPSDM')
  const ceremony = await bkpsdm.call<Ceremony>('ceremony.create', PILKADA_2024)
  await bkpsdm.call('ikrar.save', { ceremonyId: ceremony.id, ...IKRAR })
  const sosial = bkpsdm.ctx.db
    .prepare("SELECT id FROM opd WHERE name = 'Dinas Sosial'")
    .pluck()
    .get() as number
  const dir = tempDir('paket-')
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const written = await writePaket(
    bkpsdm.ctx.db,
    bkpsdm.ctx,
    { ceremonyId: ceremony.id, opdIds: [sosial] },
    dir,
    new Date(bkpsdm.clock.t),
  )
  return { bkpsdm, ceremony, written, dir }
}

const counts = (k: Kiosk) =>
  ['employee', 'opd', 'ceremony', 'ceremony_ikrar', 'log_entry'].map(
    (t) => k.ctx.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number,
  )

const open = (k: Kiosk, file: string, removeDemo = false) =>
  importPaket(k.ctx.db, file, { now: new Date(k.clock.t), kioskId: k.ctx.kioskId, removeDemo })

describe('Paket acara', () => {
  it('an OPD kiosk runs BKPSDM ceremony under its global id, with the OPD roster and the ikrar text, and its file comes back', async () => {
    const { bkpsdm, ceremony, written } = await bkpsdmPackage()
    expect(written).toMatchObject({ employees: SOSIAL.length, opd: ['Dinas Sosial'] })
    expect(path.basename(written.file)).toBe(
      'Paket acara 2024-09-30 Apel Netralitas ASN Pilkada Serentak 2024 - Dinas Sosial.paket.json',
    )
    const office = await kiosk('OFFICE-SOSIAL', [])
    const imported = open(office, written.file)
    expect(imported.ceremony).toMatchObject({
      globalId: ceremony.globalId,
      name: ceremony.name,
      lateAt: ceremony.lateAt,
      election: ceremony.election,
      active: true,
    })
    expect(imported.issuer).toEqual({
      label: 'BKPSDM',
      fingerprint: fingerprintOf(bkpsdm.ctx.key.publicKey),
    })
    const staff = office.ctx.db
      .prepare(
        'SELECT e.nip, o.name AS opd FROM employee e JOIN opd o ON o.id = e.opd_id ORDER BY e.nip',
      )
      .all()
    expect(staff).toEqual(
      SOSIAL.map((p) => ({ nip: p.nip, opd: 'Dinas Sosial' })).sort((a, b) =>
        a.nip < b.nip ? -1 : 1,
      ),
    )
    const opdIds = imported.ceremony.opdIds!
    expect(opdIds).toHaveLength(1)
    const copy = getIkrarCopy(office.ctx.db, imported.ceremony.id)
    expect(copy).toMatchObject({ ...IKRAR })
    const kinds = office.ctx.db.prepare('SELECT kind FROM log_entry ORDER BY seq').pluck().all()
    expect(kinds).toEqual(
      expect.arrayContaining(['roster.imported', 'ceremony.created', 'paket.imported']),
    )
    expect(verifyChain(office.ctx.db).ok).toBe(true)
    // The apel runs at the office, and its file goes back to BKPSDM.
    await office.scanAt('00:31:00', SOSIAL[0]!.nip)
    await office.scanAt('00:32:00', SOSIAL[1]!.nip)
    const out = path.dirname(written.file)
    const bundle = await writeBundle(
      office.ctx.db,
      office.ctx,
      imported.ceremony.id,
      out,
      new Date(office.clock.t),
    )
    expect(bundle.arrivals).toBe(2)
    const [report] = importBundles(bkpsdm.ctx.db, [bundle.file], new Date(), 'BKPSDM')
    expect(report).toMatchObject({ ok: true, arrivals: 2, label: 'Dinas Sosial' })
    const live = bkpsdm.ctx.db
      .prepare(
        'SELECT nip FROM checkin WHERE ceremony_id = ? AND cancelled_at IS NULL ORDER BY nip',
      )
      .pluck()
      .all(ceremony.id)
    expect(live).toEqual([SOSIAL[0]!.nip, SOSIAL[1]!.nip].sort())
  }, 60_000)

  it('refuses a changed package, naming it, and writes nothing', async () => {
    const { written } = await bkpsdmPackage()
    const office = await kiosk('OFFICE-SOSIAL', [])
    const paket = JSON.parse(fs.readFileSync(written.file, 'utf8')) as Paket
    paket.roster[0]!.name = 'Orang Lain'
    const bad = path.join(path.dirname(written.file), 'paket diubah.paket.json')
    fs.writeFileSync(bad, JSON.stringify(paket))
    const before = counts(office)
    expect(() => open(office, bad)).toThrow(
      /^Paket acara "paket diubah\.paket\.json" ditolak: tanda tangan paket tidak sah untuk kunci KIOSK-/,
    )
    fs.writeFileSync(bad, JSON.stringify({ ...paket, roster: [] }))
    expect(() => open(office, bad)).toThrow(/bukan paket acara yang sah \(bagian roster\)/)
    expect(counts(office)).toEqual(before)
  }, 60_000)

  it('taken in once: the same package again is refused and changes nothing', async () => {
    const { written } = await bkpsdmPackage()
    const office = await kiosk('OFFICE-SOSIAL', [])
    open(office, written.file)
    const before = counts(office)
    expect(() => open(office, written.file)).toThrow(/sudah ada di kiosk ini/)
    expect(counts(office)).toEqual(before)
  }, 60_000)
})
