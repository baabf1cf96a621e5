import { scryptSync } from 'node:crypto'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeCsv } from '../fixtures/roster-files'
import { kioskTable, type KioskTable } from '../fixtures/kiosk-table'

let k: KioskTable
let call: KioskTable['call']
let rosterFile: string

beforeEach(() => {
  k = kioskTable({ openRosterFile: async () => rosterFile, chooseExportFolder: async () => null })
  call = k.call
  rosterFile = path.join(k.dir, 'pegawai.csv')
  writeCsv(rosterFile, [
    ['NIP', 'Nama', 'Unit Kerja'],
    ['197405021993111001', 'Budi Santoso', 'Inspektorat'],
  ])
})
afterEach(() => k.cleanup())

async function importRoster() {
  const preview = (await call('roster.chooseImportFile')) as {
    ok: true
    value: { previewId: string }
  }
  return call('roster.applyImport', { previewId: preview.value.previewId })
}

describe('the PIN comes before the roster', () => {
  it('refuses the first real import until a PIN exists, then imports', async () => {
    expect(await importRoster()).toMatchObject({
      ok: false,
      error: { code: 'PIN_FIRST', message: expect.stringContaining('Buat PIN petugas dulu') },
    })
    expect(k.ctx.db.prepare('SELECT count(*) FROM employee').pluck().get()).toBe(0)
    await call('auth.setPin', { pin: '135790' })
    expect(await importRoster()).toMatchObject({ ok: true, value: { added: 1 } })
  })

  it('takes new PINs of 6 to 8 digits only, saying so in Indonesian', async () => {
    for (const pin of ['2468', '24680', '123456789', '12345a']) {
      const r = await call('auth.setPin', { pin })
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
      expect((r as { error: { message: string } }).error.message).toContain(
        'PIN baru berupa 6 sampai 8 angka',
      )
    }
    expect(await call('auth.setPin', { pin: '24681357' })).toMatchObject({ ok: true })
  })

  it('keeps a 4-digit PIN from an earlier version working until it is changed', async () => {
    // The stored form that earlier versions wrote for PIN 2468 (salted scrypt, N=16384).
    const salt = Buffer.from('0123456789abcdef')
    const hash = scryptSync('2468', salt, 32, { N: 16384, r: 8, p: 1 })
    k.ctx.db
      .prepare("INSERT INTO setting (key, value) VALUES ('officer_pin', ?)")
      .run(`scrypt$${salt.toString('base64')}$${hash.toString('base64')}`)
    k.rebuild()
    expect(await call('auth.status')).toMatchObject({ ok: true, value: { unlocked: false } })
    expect(await call('auth.unlock', { pin: '2468' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    })
    // Changing it must meet the new rule.
    expect(await call('auth.setPin', { pin: '1357' })).toMatchObject({ ok: false })
    expect(await call('auth.setPin', { pin: '135799' })).toMatchObject({ ok: true })
    await call('auth.lock')
    expect(await call('auth.unlock', { pin: '2468' })).toMatchObject({ ok: false })
  })
})
