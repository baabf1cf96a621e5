import { z } from 'zod'
import { contract, type Channel } from '../../shared/contract'
import type { CallResult } from '../../shared/contract/define'
import { UserError } from '../errors'
import { fieldLabel } from './field-labels'
import type { Handlers } from './handlers'

z.config(z.locales.id())

const fail = (code: string, message: string): CallResult<never> => ({
  ok: false,
  error: { code, message },
})

function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name)
}

/** SQLite failures an officer can do something about, said in their words. */
function storageMessage(error: unknown): string | null {
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return null
  if (code.startsWith('SQLITE_FULL'))
    return 'Penyimpanan penuh: data tidak tersimpan. Kosongkan ruang disk lalu coba lagi.'
  if (code.startsWith('SQLITE_READONLY'))
    return 'Folder data hanya-baca: data tidak tersimpan. Periksa izin folder atau flashdisk.'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'Basis data sedang dipakai program lain (jendela kiosk kedua, laptop lain pada berkas yang sama, atau program pembuka berkas SQLite), jadi data ini belum tersimpan. Tutup program lain itu, lalu ulangi; untuk pindaian, pindai ulang.'
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return 'Gagal menulis ke penyimpanan: data tidak tersimpan. Periksa disk atau flashdisk.'
  }
  return null
}

/**
 * The one door from the renderer into main: unknown calls and malformed input are refused
 * before any handler runs, and no exception ever crosses back.
 */
export async function invoke(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<CallResult<unknown>> {
  if (!isChannel(channel)) return fail('UNKNOWN_CALL', `Perintah tidak dikenal: ${channel}`)
  const parsed = contract[channel].input.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const label = issue ? fieldLabel(issue.path) : null
    const where = label ? ` (${label})` : ''
    return fail('BAD_INPUT', `Isian tidak valid${where}: ${issue?.message ?? ''}`)
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof UserError) return fail(error.code, error.message)
    const storage = storageMessage(error)
    if (storage) return fail('STORAGE', storage)
    console.error(`[${channel}]`, error)
    return fail('INTERNAL', `Terjadi kesalahan tak terduga: ${(error as Error).message ?? error}`)
  }
}
