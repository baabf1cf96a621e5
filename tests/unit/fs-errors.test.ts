import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { UserError } from '../../src/main/errors'
import { fsError, fsReason } from '../../src/main/fs-errors'
import { tempDir } from '../fixtures/temp-db'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** The error Node really raises for `act`, so the mapping is tested on real codes. */
function raised(act: () => void): unknown {
  try {
    act()
  } catch (error) {
    return error
  }
  throw new Error('expected the file-system call to fail')
}

const withCode = (code: string) => Object.assign(new Error(`${code}: english text`), { code })

describe('file-system errors in Indonesian', () => {
  it('gives every code an officer can meet its own Indonesian reason, never English', () => {
    const codes = [
      'EACCES',
      'EPERM',
      'EROFS',
      'ENOSPC',
      'ENOENT',
      'EBUSY',
      'EMFILE',
      'ENFILE',
      'ENOTDIR',
      'EEXIST',
      'EISDIR',
      'ENOTEMPTY',
      'ENAMETOOLONG',
      'EIO',
      'SQLITE_FULL',
      'SQLITE_READONLY',
      'SQLITE_CANTOPEN',
    ]
    for (const code of codes) {
      const reason = fsReason(withCode(code))
      expect(reason, code).not.toMatch(/english|kesalahan sistem berkas/)
      expect(reason.length, code).toBeGreaterThan(10)
    }
    expect(fsReason(withCode('ENOSPC'))).toBe(
      'penyimpanan penuh; kosongkan ruang atau pakai flashdisk lain',
    )
    expect(fsReason(withCode('EROFS'))).toContain('hanya-baca')
    expect(fsReason(withCode('EBUSY'))).toContain('dipakai program lain')
    // An extended SQLite code means what its primary code means.
    expect(fsReason(withCode('SQLITE_IOERR_WRITE'))).toBe(fsReason(withCode('EIO')))
  })

  it('names an unknown code instead of passing English through', () => {
    expect(fsReason(withCode('EWEIRD'))).toBe('kesalahan sistem berkas (EWEIRD)')
    expect(fsReason(new Error('something broke'))).toBe('kesalahan sistem berkas')
    expect(fsReason(null)).toBe('kesalahan sistem berkas')
  })

  it('names the action and the file, and passes an officer error through unchanged', () => {
    const error = fsError(
      'X',
      withCode('EACCES'),
      'menyimpan berkas',
      'Rekap.xlsx',
      'Lainnya aman.',
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error.code).toBe('X')
    expect(error.message).toBe(
      'Gagal menyimpan berkas "Rekap.xlsx": tidak ada izin menulis di sana; pilih folder lain. Lainnya aman.',
    )
    const own = new UserError('MINE', 'Sudah jelas.')
    expect(fsError('X', own, 'menyimpan berkas', 'a')).toBe(own)
  })

  it('translates the errors Node really raises (a file where a folder should be)', () => {
    const dir = tempDir('kiosk-fs-')
    dirs.push(dir)
    const file = path.join(dir, 'berkas')
    fs.writeFileSync(file, 'x')
    const notDir = raised(() => fs.writeFileSync(path.join(file, 'a.xlsx'), 'x'))
    expect(fsReason(notDir)).toBe(
      'sebagian jalurnya adalah berkas, bukan folder; pilih folder lain',
    )
    const exists = raised(() => fs.mkdirSync(file))
    expect(fsReason(exists)).toContain('sudah ada berkas bernama sama')
    const isDir = raised(() => fs.writeFileSync(dir, 'x'))
    expect(fsReason(isDir)).toContain('sudah ada folder bernama sama')
    const missing = raised(() => fs.writeFileSync(path.join(dir, 'dicabut', 'a.xlsx'), 'x'))
    expect(fsReason(missing)).toContain('apakah flashdisk dicabut?')
  })
})
