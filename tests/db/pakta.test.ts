import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setOfficer } from '../../src/main/attendance/repository'
import { createCeremony, setActiveCeremony } from '../../src/main/ceremony/repository'
import type { Db } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { issueForms, type FormRequest } from '../../src/main/pakta/forms'
import { decodeForm, encodeForm, formSecret } from '../../src/main/pakta/payload'
import { receivePakta, receivePaktaByHand } from '../../src/main/pakta/receipt'
import { getPaktaCopy, savePaktaCopy } from '../../src/main/pakta/repository'
import { listPaktaTemplates } from '../../src/main/pakta/templates'
import { paktaOutstanding, paktaReceivedByNip, paktaTracking } from '../../src/main/pakta/tracking'
import { addNonAsn, applyRoster, listOpd, updateEmployee } from '../../src/main/roster/repository'
import { extractNip } from '../../src/shared/payload'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { rosterRow } from '../fixtures/roster-row'
import { tempDb } from '../fixtures/temp-db'
import { testSigning } from '../fixtures/signing'
import { verifyChain } from '../../src/main/log/chain'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const BUDI = '197405021993111001'
const SITI = '198206042015092003'
const ANI = '199009132025242014'
const AT = new Date('2024-09-30T00:40:00.000Z')

function setup() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  applyRoster(
    t.db,
    [
      { ...rosterRow(BUDI, 'Budi Santoso', 'Dinas Sosial'), pangkat: 'Pembina, IV/a' },
      rosterRow(SITI, 'Siti Aminah', 'Dinas Sosial'),
      { ...rosterRow(ANI, 'Ani Lestari', 'Inspektorat'), jenis: 'PPPK' as const },
    ],
    AT,
  )
  const ceremony = createCeremony(t.db, AT, {
    ...PILKADA_2024,
    election: 'Pemilihan Serentak Tahun 2024',
  })
  setOfficer(t.db, 'Rina (BKPSDM)')
  return { ...t, ceremonyId: ceremony.id }
}

const all = (ceremonyId: number, over: Partial<FormRequest> = {}): FormRequest => ({
  ceremonyId,
  employeeId: null,
  opdId: null,
  query: '',
  only: 'semua',
  ...over,
})

const receive = (db: Db, payload: string, now = AT) =>
  receivePakta(db, { payload, source: 'pemindai', kioskId: 'K1', now })

const formOf = (db: Db, ceremonyId: number, nip: string) =>
  issueForms(db, AT, all(ceremonyId)).forms.find((f) => f.nip === nip)!

describe('the pakta form payload', () => {
  it('encodes ceremony, form and NIP, decodes back, and holds no NIP a gate could read', () => {
    const secret = Buffer.alloc(32, 7)
    const payload = encodeForm({ ceremonyId: 3, formId: 41, nip: BUDI }, secret)
    expect(payload).toMatch(/^PAKTA1:3:41:[0-9A-Z]+:[0-9A-F]{12}$/)
    expect(decodeForm(payload, secret)).toEqual({
      ok: true,
      form: { ceremonyId: 3, formId: 41, nip: BUDI },
    })
    // Lower case from a scanner with caps lock on is the same form.
    expect(decodeForm(payload.toLowerCase(), secret).ok).toBe(true)
    expect(extractNip(payload).ok).toBe(false)
    expect(payload).not.toContain(BUDI)
  })

  it('refuses a changed ceremony, form id, NIP or MAC, and a key from another database', () => {
    const secret = Buffer.alloc(32, 7)
    const payload = encodeForm({ ceremonyId: 3, formId: 41, nip: BUDI }, secret)
    const [prefix, c, f, n, mac] = payload.split(':') as [string, string, string, string, string]
    const siti36 = BigInt(SITI).toString(36).toUpperCase()
    for (const tampered of [
      [prefix, '4', f, n, mac],
      [prefix, c, '42', n, mac],
      [prefix, c, f, siti36, mac],
      [prefix, c, f, n, mac.replace(/.$/, (d) => (d === '0' ? '1' : '0'))],
    ]) {
      expect(decodeForm(tampered.join(':'), secret)).toEqual({ ok: false, why: 'forged' })
    }
    expect(decodeForm(payload, Buffer.alloc(32, 8))).toEqual({ ok: false, why: 'forged' })
    expect(decodeForm('PAKTA1:rusak', secret)).toEqual({ ok: false, why: 'forged' })
    expect(decodeForm(BUDI, secret)).toEqual({ ok: false, why: 'shape' })
  })

  it('keeps one secret per database, made once', () => {
    const { db } = setup()
    const first = formSecret(db)
    expect(first).toHaveLength(32)
    expect(formSecret(db).equals(first)).toBe(true)
  })
})

describe('pakta forms', () => {
  it('prints one form per ASN with the identity rows and the filled election; non-ASN get none', () => {
    const { db, ceremonyId } = setup()
    const opd = listOpd(db).find((o) => o.name === 'Dinas Sosial')!
    addNonAsn(db, AT, { name: 'Tenaga Kontrak', opdId: opd.id, jabatan: '', pangkat: '' })
    const batch = issueForms(db, AT, all(ceremonyId))
    expect(batch.forms.map((f) => f.name)).toEqual(['Budi Santoso', 'Siti Aminah', 'Ani Lestari'])
    expect(batch.forms[0]).toMatchObject({ pangkat: 'Pembina, IV/a', opdName: 'Dinas Sosial' })
    expect(batch.text.subheading).toBe('DALAM PENYELENGGARAAN Pemilihan Serentak Tahun 2024')
    expect(batch.text.points[0]).toContain('pelaksanaan Pemilihan Serentak Tahun 2024.')
    expect(batch.date).toBe('30 September 2024')
    const secret = formSecret(db)
    for (const form of batch.forms) {
      expect(decodeForm(form.payload, secret)).toEqual({
        ok: true,
        form: { ceremonyId, formId: form.formId, nip: form.nip },
      })
    }
  })

  it('reuses a person’s form id on a reprint, and selects one person, an OPD, a filter or the outstanding', () => {
    const { db, ceremonyId } = setup()
    const first = issueForms(db, AT, all(ceremonyId)).forms
    const again = issueForms(db, AT, all(ceremonyId)).forms
    expect(again.map((f) => [f.formId, f.payload])).toEqual(first.map((f) => [f.formId, f.payload]))
    const budi = first.find((f) => f.nip === BUDI)!
    const only = (over: Partial<FormRequest>) =>
      issueForms(db, AT, all(ceremonyId, over)).forms.map((f) => f.nip)
    expect(only({ employeeId: budi.employeeId })).toEqual([BUDI])
    const inspektorat = listOpd(db).find((o) => o.name === 'Inspektorat')!
    expect(only({ opdId: inspektorat.id })).toEqual([ANI])
    expect(only({ query: 'siti' })).toEqual([SITI])
    receive(db, budi.payload)
    expect(only({ only: 'belum' })).toEqual([SITI, ANI])
  })

  it('refuses to print while the election the text names is empty, saying where to fill it', () => {
    const t = tempDb()
    cleanups.push(t.cleanup)
    applyRoster(t.db, [rosterRow(BUDI, 'Budi Santoso', 'Dinas Sosial')], AT)
    const { id } = createCeremony(t.db, AT, { ...PILKADA_2024, election: '' })
    expect(() => issueForms(t.db, AT, all(id))).toThrow(/\{pemilihan\}.*data acara/)
  })

  it('keeps the ceremony’s own edited copy, refusing unknown placeholders', () => {
    const { db, ceremonyId } = setup()
    const copy = getPaktaCopy(db, ceremonyId)
    expect(copy.updatedAt).toBeNull()
    expect(listPaktaTemplates()[0]!.heading).toBe('PAKTA INTEGRITAS NETRALITAS ASN')
    const { ceremonyId: _c, templateId: _t, updatedAt: _u, ...fields } = copy
    const saved = savePaktaCopy(db, AT, ceremonyId, {
      ...fields,
      points: ['Satu butir saja untuk {acara}.'],
      place: 'Banyuwangi',
      meterai: true,
    })
    expect(saved).toMatchObject({ place: 'Banyuwangi', meterai: true })
    expect(issueForms(db, AT, all(ceremonyId)).text.points).toEqual([
      'Satu butir saja untuk Apel Netralitas ASN Pilkada Serentak 2024.',
    ])
    expect(() =>
      savePaktaCopy(db, AT, ceremonyId, { ...fields, closing: 'Salah {pemilhan}' }),
    ).toThrow(/Penanda \{pemilhan\} tidak dikenal/)
  })
})

describe('a returned pakta', () => {
  it('is received once, with when, which officer and which kiosk; the second time is "sudah diterima"', () => {
    const { db, ceremonyId } = setup()
    const budi = formOf(db, ceremonyId, BUDI)
    expect(receive(db, budi.payload)).toEqual({
      kind: 'pakta-received',
      person: { nip: BUDI, name: 'Budi Santoso', opdName: 'Dinas Sosial' },
      at: AT.toISOString(),
    })
    const later = new Date(AT.getTime() + 60_000)
    expect(receive(db, budi.payload, later)).toMatchObject({
      kind: 'pakta-duplicate',
      firstAt: AT.toISOString(),
    })
    expect(db.prepare('SELECT * FROM pakta_receipt').all()).toEqual([
      expect.objectContaining({
        ceremony_id: ceremonyId,
        nip: BUDI,
        form_id: budi.formId,
        source: 'pemindai',
        received_at: AT.toISOString(),
        received_by: 'Rina (BKPSDM)',
        kiosk_id: 'K1',
      }),
    ])
    expect(paktaReceivedByNip(db, ceremonyId)).toEqual(new Map([[BUDI, AT.toISOString()]]))
    // The receipt is a fact in the signed log; the repeat is not a second one.
    const logged = db
      .prepare("SELECT at, kiosk_id AS kioskId, body FROM log_entry WHERE kind = 'pakta.received'")
      .all() as { at: string; kioskId: string; body: string }[]
    expect(logged.map((e) => ({ ...e, body: JSON.parse(e.body) }))).toEqual([
      {
        at: AT.toISOString(),
        kioskId: 'K1',
        body: {
          ceremonyId,
          employeeId: budi.employeeId,
          nip: BUDI,
          formId: budi.formId,
          source: 'pemindai',
          by: 'Rina (BKPSDM)',
        },
      },
    ])
    expect(verifyChain(db)).toMatchObject({ ok: true })
  })

  it('refuses a NIP card, another code, a tampered form, another ceremony’s form and a person off the roster', () => {
    const { db, ceremonyId } = setup()
    const siti = formOf(db, ceremonyId, SITI)
    const budi = formOf(db, ceremonyId, BUDI)
    const why = (payload: string) => {
      const o = receive(db, payload)
      return o.kind === 'pakta-refused' ? o.why : o.kind
    }
    expect(why(BUDI)).toBe('nip-card')
    expect(why(`NIP. ${BUDI}`)).toBe('nip-card')
    expect(why('https://contoh.go.id/promo')).toBe('not-pakta')
    // Budi's form passed off as Siti's (her NIP, his MAC) or as another form id.
    const [p, c, f, , mac] = budi.payload.split(':')
    const siti36 = siti.payload.split(':')[3]
    expect(why([p, c, f, siti36, mac].join(':'))).toBe('forged')
    expect(why([p, c, String(siti.formId), budi.payload.split(':')[3], mac].join(':'))).toBe(
      'forged',
    )
    // A form of another ceremony of this database, while this one runs.
    const other = createCeremony(db, AT, { ...PILKADA_2024, name: 'Apel Lain', election: 'X' })
    const otherForm = formOf(db, other.id, BUDI)
    expect(why(otherForm.payload)).toBe('other-ceremony')
    // A form printed by another kiosk's database.
    expect(why(encodeForm({ ceremonyId, formId: budi.formId, nip: BUDI }, Buffer.alloc(32)))).toBe(
      'forged',
    )
    // Siti made inactive after her form was printed.
    const opdId = listOpd(db).find((o) => o.name === 'Dinas Sosial')!.id
    updateEmployee(db, AT, {
      id: siti.employeeId,
      name: 'Siti Aminah',
      opdId,
      jabatan: '',
      pangkat: '',
      jenis: 'PNS',
      active: false,
    })
    expect(why(siti.payload)).toBe('not-on-roster')
    expect(db.prepare('SELECT count(*) FROM pakta_receipt').pluck().get()).toBe(0)
    // The other ceremony's form is taken once that ceremony is the active one.
    setActiveCeremony(db, other.id)
    expect(why(otherForm.payload)).toBe('pakta-received')
  })

  it('is refused while no officer is named to receive it, and taken once one is', () => {
    const { db, ceremonyId } = setup()
    const budi = formOf(db, ceremonyId, BUDI)
    db.prepare("DELETE FROM setting WHERE key = 'officer_name'").run()
    expect(receive(db, budi.payload)).toMatchObject({ kind: 'pakta-refused', why: 'no-officer' })
    setOfficer(db, 'Rina (BKPSDM)')
    expect(receive(db, budi.payload).kind).toBe('pakta-received')
  })

  it('is marked by hand from the list (a torn QR) as manual, once, and never for someone not asked', () => {
    const { db, ceremonyId } = setup()
    const budi = formOf(db, ceremonyId, BUDI)
    const byHand = (employeeId: number) =>
      receivePaktaByHand(db, { ceremonyId, employeeId, kioskId: 'K1', now: AT })
    expect(byHand(budi.employeeId).kind).toBe('pakta-received')
    expect(byHand(budi.employeeId).kind).toBe('pakta-duplicate')
    expect(receive(db, budi.payload).kind).toBe('pakta-duplicate')
    const opd = listOpd(db).find((o) => o.name === 'Dinas Sosial')!
    const staff = addNonAsn(db, AT, {
      name: 'Tenaga Kontrak',
      opdId: opd.id,
      jabatan: '',
      pangkat: '',
    })
    expect(byHand(staff.id)).toMatchObject({ kind: 'pakta-refused', why: 'not-on-roster' })
    expect(db.prepare('SELECT nip, form_id, source FROM pakta_receipt').all()).toEqual([
      { nip: BUDI, form_id: budi.formId, source: 'manual' },
    ])
  })

  it('is counted per OPD, and the reminder list names who is outstanding', () => {
    const { db, ceremonyId } = setup()
    const forms = issueForms(db, AT, all(ceremonyId)).forms
    receive(db, forms.find((f) => f.nip === SITI)!.payload)
    const tracking = paktaTracking(db, ceremonyId)
    expect(tracking).toMatchObject({ expected: 3, received: 1 })
    expect(tracking.opd.map((o) => [o.opdName, o.received, o.expected])).toEqual([
      ['Dinas Sosial', 1, 2],
      ['Inspektorat', 0, 1],
    ])
    expect(paktaOutstanding(db, ceremonyId, null).map((o) => o.name)).toEqual([
      'Budi Santoso',
      'Ani Lestari',
    ])
    const sosial = tracking.opd[0]!.opdId
    expect(paktaOutstanding(db, ceremonyId, sosial)).toEqual([
      expect.objectContaining({ nip: BUDI, issuedAt: AT.toISOString() }),
    ])
  })
})

describe('the exports of a ceremony that uses the pakta', () => {
  async function exportTo(dir: string, db: Db, ceremonyId: number) {
    const folder = path.join(dir, 'usb')
    fs.mkdirSync(folder, { recursive: true })
    const result = await exportCeremony(db, {
      ceremonyId,
      folder,
      order: 'name',
      ikrar: null,
      signing: testSigning(),
    })
    const read = async (name: string) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(
        path.join(
          result.folder,
          result.files.find((f) => f.includes(name))!,
        ),
      )
      return workbook
    }
    return { result, read }
  }
  const table = (sheet: ExcelJS.Worksheet) => {
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)
    const rows: Record<string, ExcelJS.CellValue>[] = []
    sheet.eachRow((row, n) => {
      if (n === 1) return
      const values = (row.values as ExcelJS.CellValue[]).slice(1)
      rows.push(Object.fromEntries(header.map((h, i) => [String(h), values[i] ?? null])))
    })
    return rows
  }

  it('carry a Pakta column in every table and the counts per OPD in the recap', async () => {
    const { db, dir, ceremonyId } = setup()
    const forms = issueForms(db, AT, all(ceremonyId)).forms
    receive(db, forms.find((f) => f.nip === SITI)!.payload)
    const { result, read } = await exportTo(dir, db, ceremonyId)

    const sosial = await read('Dinas Sosial')
    const rows = table(sosial.getWorksheet('Data Kehadiran')!)
    expect(rows.map((r) => [r.Nama, r.Pakta])).toEqual([
      ['Budi Santoso', 'Belum'],
      ['Siti Aminah', 'Diterima'],
    ])
    // 07.40 WIB as the wall clock, a date a spreadsheet sorts.
    expect(rows[1]!['Pakta Diterima (WIB)']).toEqual(new Date('2024-09-30T07:40:00.000Z'))

    const recap = await read('Rekap')
    expect(recap.worksheets.map((w) => w.name).slice(0, 3)).toEqual([
      'Rekap',
      'Rekap Ikrar',
      'Rekap Pakta',
    ])
    expect(table(recap.getWorksheet('Rekap Pakta')!)).toEqual([
      expect.objectContaining({
        OPD: 'Dinas Sosial',
        'Jumlah ASN': 2,
        'Sudah Mengembalikan': 1,
        Belum: 1,
        '% Pakta': 0.5,
      }),
      expect.objectContaining({
        OPD: 'Inspektorat',
        'Jumlah ASN': 1,
        'Sudah Mengembalikan': 0,
        Belum: 1,
      }),
      expect.objectContaining({
        OPD: 'Jumlah',
        'Jumlah ASN': 3,
        'Sudah Mengembalikan': 1,
        Belum: 2,
      }),
    ])
    const csv = fs.readFileSync(
      path.join(
        result.folder,
        result.files.find((f) => f.endsWith('.csv'))!,
      ),
      'utf8',
    )
    expect(csv.split('\r\n')[0]).toMatch(/;Keterangan;Pakta;Pakta Diterima \(WIB\)$/)
    expect(csv).toMatch(/Siti Aminah;.*;Diterima;2024-09-30 07:40:00/)
  })

  it('carry no pakta at all for a ceremony that never printed a form', async () => {
    const { db, dir, ceremonyId } = setup()
    const { read } = await exportTo(dir, db, ceremonyId)
    const recap = await read('Rekap')
    expect(recap.worksheets.map((w) => w.name)).not.toContain('Rekap Pakta')
    const header = (await read('Dinas Sosial')).getWorksheet('Data Kehadiran')!.getRow(1).values
    expect(header).not.toContain('Pakta')
  })
})
