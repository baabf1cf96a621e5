import { afterEach, describe, expect, it } from 'vitest'
import type { CeremonyFields } from '../../src/shared/contract/ceremony'
import { createCeremony, getCeremony, updateCeremony } from '../../src/main/ceremony/repository'
import type { KioskContext } from '../../src/main/context'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import {
  chooseTemplate,
  getIkrarCopy,
  listReadings,
  saveIkrarCopy,
} from '../../src/main/ikrar/repository'
import { createReadingSession } from '../../src/main/ikrar/session'
import { findTemplate } from '../../src/main/ikrar/templates'
import { tempDb } from '../fixtures/temp-db'
import { testContext } from '../fixtures/context'
import { PILKADA_2024 } from '../fixtures/ceremony'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const fields: CeremonyFields = { ...PILKADA_2024, name: 'Apel Netralitas ASN Pilkada 2024' }

/** A clock the test moves by hand, so recorded times are exact. */
function clock(start = '2024-09-30T00:35:00.000Z') {
  let t = Date.parse(start)
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

function setup() {
  const t = tempDb()
  cleanups.push(t.cleanup)
  const c = clock()
  const ceremony = createCeremony(t.db, c.now(), fields)
  return { ...t, clock: c, ceremonyId: ceremony.id }
}

const edit = (over: Partial<Parameters<typeof saveIkrarCopy>[3]> = {}) => ({
  instansi: 'Pemerintah Kabupaten Contoh',
  heading: 'IKRAR NETRALITAS ASN',
  opening: 'Kami ASN di lingkungan {instansi}, dengan ini berikrar:',
  points: ['Satu.', 'Dua.'],
  closing: null,
  ...over,
})

describe("a ceremony's ikrar copy", () => {
  it('is the default template until the officer saves one', () => {
    const { db, ceremonyId } = setup()
    const copy = getIkrarCopy(db, ceremonyId)
    const template = findTemplate('lima-butir')!
    expect(copy).toMatchObject({
      templateId: 'lima-butir',
      instansi: '',
      updatedAt: null,
      points: template.points,
      opening: template.opening,
    })
    expect(db.prepare('SELECT count(*) FROM ceremony_ikrar').pluck().get()).toBe(0)
  })

  it('keeps edits (reworded, added, removed, reordered points) apart from the template', () => {
    const { db, ceremonyId, clock } = setup()
    const template = findTemplate('lima-butir')!
    const original = getIkrarCopy(db, ceremonyId)
    const points = [...original.points]
    points.splice(1, 1) // remove point 2
    points.reverse() // reorder
    points[0] = 'Siap melakukan pencegahan dan pengawasan pelanggaran netralitas.' // reword
    points.push('Menjaga persatuan dan kesatuan bangsa.') // add
    const saved = saveIkrarCopy(db, clock.now(), ceremonyId, { ...original, points })
    expect(saved.points).toEqual(points)
    expect(saved.updatedAt).toBe('2024-09-30T00:35:00.000Z')
    expect(saved.templateId).toBe('lima-butir')
    expect(getIkrarCopy(db, ceremonyId).points).toEqual(points)
    expect(findTemplate('lima-butir')).toEqual(template)
  })

  it('stores a copy per ceremony', () => {
    const { db, ceremonyId, clock } = setup()
    const other = createCeremony(db, clock.now(), { ...fields, name: 'Apel OPD' }).id
    saveIkrarCopy(db, clock.now(), ceremonyId, edit())
    expect(getIkrarCopy(db, other).points).toHaveLength(5)
    expect(getIkrarCopy(db, ceremonyId).points).toEqual(['Satu.', 'Dua.'])
  })

  it('starts over from a chosen template and keeps the agency name typed', () => {
    const { db, ceremonyId, clock } = setup()
    saveIkrarCopy(db, clock.now(), ceremonyId, edit())
    const chosen = chooseTemplate(db, clock.now(), ceremonyId, 'pemilu-2024')
    expect(chosen).toMatchObject({
      templateId: 'pemilu-2024',
      instansi: 'Pemerintah Kabupaten Contoh',
    })
    expect(chosen.points).toEqual(findTemplate('pemilu-2024')!.points)
    expect(() => chooseTemplate(db, clock.now(), ceremonyId, 'tidak-ada')).toThrow(/tidak dikenal/)
  })

  it("starts a new ceremony's copy with the agency name last used", () => {
    const { db, ceremonyId, clock } = setup()
    saveIkrarCopy(db, clock.now(), ceremonyId, edit())
    const next = createCeremony(db, clock.now(), { ...fields, name: 'Apel berikutnya' }).id
    expect(getIkrarCopy(db, next).instansi).toBe('Pemerintah Kabupaten Contoh')
  })

  it('refuses a mistyped placeholder, and an empty closing means none', () => {
    const { db, ceremonyId, clock } = setup()
    expect(() =>
      saveIkrarCopy(db, clock.now(), ceremonyId, edit({ opening: 'Kami di {instnasi}:' })),
    ).toThrow(/\{instnasi\} tidak dikenal/)
    expect(saveIkrarCopy(db, clock.now(), ceremonyId, edit({ closing: '  ' })).closing).toBeNull()
  })
})

describe('a reading of the ikrar', () => {
  it('records its start and end with the filled text as read, kept after later edits', () => {
    const { db, ceremonyId, clock } = setup()
    saveIkrarCopy(db, clock.now(), ceremonyId, edit({ closing: 'Demikian, {acara}.' }))
    const session = createReadingSession(db, 'KIOSK-1', clock.now)
    const state = session.start(ceremonyId)
    expect(state).toMatchObject({ step: 0, mode: 'satu', startedAt: '2024-09-30T00:35:00.000Z' })
    expect(state.text.opening).toBe(
      'Kami ASN di lingkungan Pemerintah Kabupaten Contoh, dengan ini berikrar:',
    )
    expect(session.start(ceremonyId)).toBe(state)
    session.move('next')
    clock.advance(95_000)
    const record = session.end()
    expect(session.current()).toBeNull()
    expect(session.end()).toBeNull()
    saveIkrarCopy(db, clock.now(), ceremonyId, edit({ points: ['Diubah sesudahnya.'] }))

    const [read] = listReadings(db, ceremonyId)
    expect(read).toEqual(record)
    expect(read).toMatchObject({
      startedAt: '2024-09-30T00:35:00.000Z',
      endedAt: '2024-09-30T00:36:35.000Z',
    })
    expect(read!.text.points).toEqual(['Satu.', 'Dua.'])
    expect(read!.text.closing).toBe('Demikian, Apel Netralitas ASN Pilkada 2024.')
  })

  it('will not start while the text would read an empty agency name', () => {
    const { db, ceremonyId } = setup()
    const session = createReadingSession(db, 'KIOSK-1', () => new Date())
    expect(() => session.start(ceremonyId)).toThrow(/\{instansi\}.*masih kosong/)
    expect(listReadings(db, ceremonyId)).toEqual([])
  })

  it('keeps readings in the order they happened when the clock is set back between them', () => {
    const { db, ceremonyId, clock } = setup()
    saveIkrarCopy(db, clock.now(), ceremonyId, edit({ points: ['Teks lama.'] }))
    const session = createReadingSession(db, 'KIOSK-1', clock.now)
    session.start(ceremonyId)
    clock.advance(60_000)
    session.end()
    // Someone sets the laptop's clock back an hour, then the corrected text is read.
    clock.advance(-60 * 60_000)
    saveIkrarCopy(db, clock.now(), ceremonyId, edit({ points: ['Teks yang benar.'] }))
    session.start(ceremonyId)
    session.end()
    const readings = listReadings(db, ceremonyId)
    expect(readings[1]!.startedAt < readings[0]!.startedAt).toBe(true)
    // The export prints the last reading's text: the one read last, whatever the clock said.
    expect(readings.at(-1)!.text.points).toEqual(['Teks yang benar.'])
  })

  it('reads the election named by the ceremony, proposed from its date, and refuses to start without one', () => {
    const { db, ceremonyId, clock } = setup()
    expect(getCeremony(db, ceremonyId).election).toBe('Pilkada Serentak Tahun 2024')
    saveIkrarCopy(db, clock.now(), ceremonyId, {
      ...getIkrarCopy(db, ceremonyId),
      instansi: 'Pemerintah Kabupaten Contoh',
    })
    const session = createReadingSession(db, 'KIOSK-1', clock.now)
    expect(session.start(ceremonyId).text.points[0]).toContain(
      'sesudah pelaksanaan Pilkada Serentak Tahun 2024.',
    )
    session.end()
    // A ceremony from before the field (or cleared by the officer) is refused, naming it.
    updateCeremony(db, { ...fields, id: ceremonyId, election: '' })
    expect(() => session.start(ceremonyId)).toThrow(
      /Pembacaan belum bisa dimulai: teks ikrar memakai \{pemilihan\}.*masih kosong.*data acara \(Pemilihan/,
    )
    expect(listReadings(db, ceremonyId)).toHaveLength(1)
    // An edit that leaves the field out keeps it.
    updateCeremony(db, { ...fields, id: ceremonyId, election: 'Pemilu dan Pemilihan Tahun 2024' })
    updateCeremony(db, { ...fields, id: ceremonyId })
    expect(getCeremony(db, ceremonyId).election).toBe('Pemilu dan Pemilihan Tahun 2024')
  })

  it('ends a running reading when another ceremony starts one', () => {
    const { db, ceremonyId, clock } = setup()
    const other = createCeremony(db, clock.now(), { ...fields, name: 'Apel OPD' }).id
    saveIkrarCopy(db, clock.now(), ceremonyId, edit())
    saveIkrarCopy(db, clock.now(), other, edit())
    const session = createReadingSession(db, 'KIOSK-1', clock.now)
    session.start(ceremonyId)
    clock.advance(1000)
    session.start(other)
    expect(listReadings(db, ceremonyId)[0]?.endedAt).toBe('2024-09-30T00:35:01.000Z')
    expect(session.current()?.ceremonyId).toBe(other)
  })
})

describe('ikrar calls', () => {
  it('work on the active ceremony through the same door as the app', async () => {
    const { db, file, clock } = setup()
    const ctx: KioskContext = testContext({
      db,
      dbPath: file,
      kioskId: 'KIOSK-1',
      now: clock.now,
    })
    const handlers = createHandlers(ctx)
    const call = (channel: string, input?: unknown) => invoke(handlers, channel, input)

    expect(await call('ikrar.move', { to: 'next' })).toMatchObject({
      ok: false,
      error: { code: 'NO_READING' },
    })
    expect(await call('ikrar.save', { ...edit(), points: [] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('minimal satu butir') },
    })
    expect(await call('ikrar.save', edit())).toMatchObject({ ok: true })
    expect(await call('ikrar.startReading', {})).toMatchObject({
      ok: true,
      value: { step: 0, presenterShown: false, ceremonyName: fields.name },
    })
    expect(await call('ikrar.move', { to: 'last' })).toMatchObject({ value: { step: 2 } })
    expect(await call('ikrar.setMode', { mode: 'semua' })).toMatchObject({
      value: { mode: 'semua', step: 2 },
    })
    expect(await call('ikrar.reading')).toMatchObject({ value: { step: 2, mode: 'semua' } })
    expect(await call('ikrar.endReading')).toMatchObject({
      ok: true,
      value: { endedAt: expect.any(String) },
    })
    expect(await call('ikrar.reading')).toEqual({ ok: true, value: null })
  })
})
