import { afterEach, describe, expect, it } from 'vitest'
import { createCeremony } from '../../src/main/ceremony/repository'
import { setSigner } from '../../src/main/export/signers'
import { createHandlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { declaration } from '../../src/main/ikrar/declaration'
import { createReadingSession } from '../../src/main/ikrar/session'
import { findTemplate } from '../../src/main/ikrar/templates'
import { saveIkrarCopy } from '../../src/main/ikrar/repository'
import { opdKey } from '../../src/main/roster/opd-key'
import { applyRoster } from '../../src/main/roster/repository'
import { rosterRows, testNip, type Person } from '../fixtures/attendance'
import { PILKADA_2024 } from '../fixtures/ceremony'
import { testContext } from '../fixtures/context'
import { tempDb } from '../fixtures/temp-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const NOW = new Date('2024-09-30T00:20:00Z')
const OPD = ['Sekretariat Daerah', 'Dinas Sosial', 'Kecamatan Kota', 'Inspektorat']
const PEOPLE: Person[] = OPD.map((opd, i) => ({ nip: testNip(i + 1), name: `Pegawai ${i}`, opd }))

/** A roster of four OPD and an apel for three of them (Inspektorat is not invited). */
function setup(election = 'Pilkada Serentak Tahun 2024') {
  const t = tempDb()
  cleanups.push(t.cleanup)
  applyRoster(t.db, rosterRows(PEOPLE), NOW)
  const id = (name: string) =>
    t.db.prepare('SELECT id FROM opd WHERE key = ?').pluck().get(opdKey(name)) as number
  const ceremony = createCeremony(t.db, NOW, {
    ...PILKADA_2024,
    election,
    opdIds: OPD.slice(0, 3).map(id),
  })
  const { heading, opening, points, closing } = findTemplate('lima-butir')!
  const instansi = 'Pemerintah Kabupaten Contoh'
  saveIkrarCopy(t.db, NOW, ceremony.id, { instansi, heading, opening, points, closing })
  const handlers = createHandlers(
    testContext({ db: t.db, dbPath: t.file, kioskId: 'K', now: () => NOW }),
  )
  return { ...t, ceremonyId: ceremony.id, handlers, id }
}

const LEADERS = [
  { title: 'Pj. Bupati Contoh', name: 'Dr. H. Ahmad Fauzi, M.Si.', nip: '19740502 199311 1 001' },
  { title: '  Sekretaris   Daerah ', name: '', nip: '' },
  { title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', name: 'Siti Aminah', nip: '' },
]

describe('the ikrar declaration sheet', () => {
  it('lists the regional leaders in order, then the head of every OPD the apel expects', async () => {
    const { db, ceremonyId, handlers, id } = setup()
    setSigner(db, NOW, id('Kecamatan Kota'), {
      title: 'Plt. Camat Kota',
      name: 'Bambang Wijaya',
      pangkat: 'Penata Tingkat I, III/d',
      nip: '198001012005011002',
    })
    const saved = await invoke(handlers, 'declaration.setLeaders', { leaders: LEADERS })
    expect(saved).toEqual({
      ok: true,
      value: [
        {
          title: 'Pj. Bupati Contoh',
          name: 'Dr. H. Ahmad Fauzi, M.Si.',
          nip: '197405021993111001',
        },
        { title: 'Sekretaris Daerah', name: '', nip: '' },
        { title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', name: 'Siti Aminah', nip: '' },
      ],
    })
    const sheet = declaration(db, ceremonyId)
    expect(sheet.signatories.map((s) => [s.kind, s.title, s.name, s.nip])).toEqual([
      ['daerah', 'Pj. Bupati Contoh', 'Dr. H. Ahmad Fauzi, M.Si.', '197405021993111001'],
      ['daerah', 'Sekretaris Daerah', '', ''],
      ['daerah', 'Asisten Pemerintahan dan Kesejahteraan Rakyat', 'Siti Aminah', ''],
      ['opd', 'Kepala Dinas Sosial', '', ''],
      ['opd', 'Plt. Camat Kota', 'Bambang Wijaya', '198001012005011002'],
      ['opd', 'Sekretaris Daerah', '', ''],
    ])
    expect(sheet).toMatchObject({
      ceremonyName: PILKADA_2024.name,
      place: 'Halaman Kantor Bupati',
      date: 'Senin, 30 September 2024',
    })

    // Reordered and one removed: the new list replaces the old one as a whole.
    await invoke(handlers, 'declaration.setLeaders', { leaders: [LEADERS[2]!, LEADERS[0]!] })
    expect(
      declaration(db, ceremonyId)
        .signatories.slice(0, 3)
        .map((s) => s.title),
    ).toEqual([
      'Asisten Pemerintahan dan Kesejahteraan Rakyat',
      'Pj. Bupati Contoh',
      'Kepala Dinas Sosial',
    ])
  })

  it('refuses a bad row by its number and keeps the stored list', async () => {
    const { handlers } = setup()
    await invoke(handlers, 'declaration.setLeaders', { leaders: LEADERS })
    const bad = await invoke(handlers, 'declaration.setLeaders', {
      leaders: [LEADERS[0]!, { title: 'Asisten I', name: 'X', nip: '1974' }],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect((bad as { error: { message: string } }).error.message).toMatch(
      /^Pejabat daerah baris 2, NIP: /,
    )
    const untitled = await invoke(handlers, 'declaration.setLeaders', {
      leaders: [{ title: ' ', name: 'X', nip: '' }],
    })
    expect(untitled).toMatchObject({
      ok: false,
      error: { message: 'Pejabat daerah baris 1: jabatan wajib diisi.' },
    })
    const kept = await invoke(handlers, 'declaration.leaders', undefined)
    expect((kept as { value: unknown[] }).value).toHaveLength(3)
  })

  it('prints the text as read at the apel; before any reading, the copy as it will be read', () => {
    const { db, ceremonyId } = setup()
    const before = declaration(db, ceremonyId)
    expect(before.read).toBe(false)
    expect(before.text.points).toHaveLength(findTemplate('lima-butir')!.points.length)
    expect(before.text.points.join(' ')).toContain('Pilkada Serentak Tahun 2024')
    expect(before.text.points.join(' ')).not.toContain('{')
    expect(before.text.opening).toContain('Pemerintah Kabupaten Contoh')

    const session = createReadingSession(db, 'K', () => NOW)
    session.start(ceremonyId)
    session.end()
    db.prepare('UPDATE ceremony_ikrar SET points = ?').run(JSON.stringify(['Diubah sesudahnya.']))
    const after = declaration(db, ceremonyId)
    expect(after.read).toBe(true)
    expect(after.text).toEqual(before.text)
  })

  it('says what to fill when the text still has an empty placeholder, in the sheet’s words', async () => {
    const { ceremonyId, handlers } = setup('')
    const result = await invoke(handlers, 'declaration.get', { ceremonyId })
    expect(result).toMatchObject({ ok: false, error: { code: 'IKRAR_INCOMPLETE' } })
    expect((result as { error: { message: string } }).error.message).toMatch(
      /^Lembar penandatanganan belum bisa dibuat: teks ikrar memakai \{pemilihan\}/,
    )
  })

  it('needs the officer PIN', async () => {
    const { db, ceremonyId, handlers } = setup()
    await invoke(handlers, 'auth.setPin', { pin: '482719' })
    await invoke(handlers, 'auth.lock', undefined)
    for (const result of [
      await invoke(handlers, 'declaration.get', { ceremonyId }),
      await invoke(handlers, 'declaration.setLeaders', { leaders: LEADERS }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    }
    expect(db.prepare('SELECT count(*) FROM regional_leader').pluck().get()).toBe(0)
  })
})
