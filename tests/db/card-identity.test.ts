import QRCode from 'qrcode'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_LOGO_BYTES } from '../../src/shared/contract/roster'
import { kioskTable, type KioskTable } from '../fixtures/kiosk-table'

let k: KioskTable
beforeEach(() => (k = kioskTable()))
afterEach(() => k.cleanup())

const png = async (width: number) =>
  `data:image/png;base64,${(await QRCode.toBuffer('logo', { width })).toString('base64')}`

describe('the QR card identity', () => {
  it('is empty by default, and keeps a name and a small PNG once set', async () => {
    expect(await k.call('roster.cardIdentity')).toEqual({
      ok: true,
      value: { instansi: '', logo: null },
    })
    const logo = await png(120)
    expect(
      await k.call('roster.setCardIdentity', {
        instansi: '  Pemerintah Kabupaten Banyuwangi ',
        logo,
      }),
    ).toEqual({ ok: true, value: { instansi: 'Pemerintah Kabupaten Banyuwangi', logo } })
  })

  it('refuses a logo that is not a PNG, too large, or too many pixels, keeping the one set', async () => {
    const good = await png(64)
    await k.call('roster.setCardIdentity', { instansi: 'A', logo: good })
    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff]).toString('base64')}`
    const renamed = `data:image/png;base64,${Buffer.from('MZ not a png at all, an exe').toString('base64')}`
    const heavy = `data:image/png;base64,${Buffer.concat([
      Buffer.from(good.split(',')[1]!, 'base64'),
      Buffer.alloc(MAX_LOGO_BYTES),
    ]).toString('base64')}`
    const cases: [string, RegExp][] = [
      [jpeg, /pilih berkas gambar PNG/],
      [renamed, /bukan gambar PNG/],
      [heavy, /paling besar 100 KB|Isian tidak valid \(Logo\)/],
      [await png(1500), /1500 x 1500 piksel, paling besar 1024 x 1024/],
    ]
    for (const [logo, why] of cases) {
      const r = (await k.call('roster.setCardIdentity', { instansi: 'B', logo })) as {
        ok: false
        error: { message: string }
      }
      expect(r.ok).toBe(false)
      expect(r.error.message).toMatch(why)
    }
    expect(await k.call('roster.cardIdentity')).toEqual({
      ok: true,
      value: { instansi: 'A', logo: good },
    })
  })

  it("is the officer's to change", async () => {
    await k.call('auth.setPin', { pin: '135790' })
    await k.call('auth.lock')
    expect(await k.call('roster.setCardIdentity', { instansi: 'X', logo: null })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    expect(await k.call('roster.cardIdentity')).toMatchObject({ ok: true })
  })
})
