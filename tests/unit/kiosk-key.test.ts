import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  KEY_FILE,
  fileKeyStore,
  loadOrCreateKey,
  sealedFileStore,
  type Sealer,
} from '../../src/main/keys/kiosk-key'
import { canonicalBytes, makeSeal, sealHolds } from '../../src/main/keys/seal'
import { fingerprintOf, signBytes, verifyBytes } from '../../src/main/keys/signature'
import { formatFingerprint } from '../../src/shared/fingerprint'
import { tempDir } from '../fixtures/temp-db'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const fresh = () => {
  const dir = tempDir('kiosk-key-')
  dirs.push(dir)
  return dir
}

describe('the installation key', () => {
  it('is made once, at first start, and the same key is loaded at every start after', () => {
    const dir = fresh()
    const first = loadOrCreateKey(fileKeyStore(dir))
    expect(first.notice).toBeNull()
    expect(Buffer.from(first.key.publicKey, 'base64')).toHaveLength(32)
    expect(loadOrCreateKey(fileKeyStore(dir)).key).toEqual(first.key)
    const bytes = Buffer.from('kehadiran')
    expect(verifyBytes(first.key.publicKey, bytes, signBytes(first.key, bytes))).toBe(true)
    expect(
      verifyBytes(first.key.publicKey, Buffer.from('kehadiran!'), signBytes(first.key, bytes)),
    ).toBe(false)
  })

  it('keeps only what the sealer gives it on disk', () => {
    const dir = fresh()
    const file = path.join(dir, KEY_FILE)
    // A stand-in for safeStorage: reversible, and the plain key never appears in the file.
    const sealer: Sealer = {
      encryptString: (t) => Buffer.from(Buffer.from(t, 'utf8').map((b) => b ^ 0x5a)),
      decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    }
    const { key } = loadOrCreateKey(sealedFileStore(file, sealer))
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.privateKey.slice(0, 24))
    expect(loadOrCreateKey(sealedFileStore(file, sealer)).key).toEqual(key)
  })

  it('a damaged or undecryptable key file: moved aside, a new key made, the officer told', () => {
    const dir = fresh()
    const old = loadOrCreateKey(fileKeyStore(dir)).key
    fs.writeFileSync(path.join(dir, KEY_FILE), 'rusak')
    const now = new Date('2024-09-30T01:00:00Z')
    const again = loadOrCreateKey(fileKeyStore(dir), now)
    expect(again.key.publicKey).not.toBe(old.publicKey)
    expect(again.notice).toContain('rusak atau tidak dapat dibuka')
    expect(again.notice).toContain(fingerprintOf(again.key.publicKey))
    expect(fs.readdirSync(dir).sort()).toEqual([
      KEY_FILE,
      `${KEY_FILE}.rusak-2024-09-30T01-00-00-000Z`,
    ])

    // Sealed by another account: the OS refuses to unseal it.
    const refusing: Sealer = {
      encryptString: (t) => Buffer.from(t),
      decryptString: () => {
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        )
      },
    }
    const sealed = loadOrCreateKey(sealedFileStore(path.join(dir, KEY_FILE), refusing))
    expect(sealed.notice).toContain('rusak atau tidak dapat dibuka')
  })
})

describe('the fingerprint and the seal', () => {
  it('groups the SHA-256 as KIOSK-XXXX · XXXX-XXXX-XXXX-XXXX', () => {
    expect(formatFingerprint('7f3a91c24b0ea1b2c3d4e5f6')).toBe('KIOSK-7F3A · 91C2-4B0E-A1B2-C3D4')
  })

  it('signs rows in a canonical order, and any change of a field breaks it', () => {
    const dir = fresh()
    const { key } = loadOrCreateKey(fileKeyStore(dir))
    const rows = [
      {
        nip: '198206042015092003',
        status: 'Hadir',
        time: '2024-09-30T00:20:05Z',
        source: 'kamera',
        reason: '',
      },
      { nip: '197405021993111001', status: 'Izin', time: '', source: '', reason: 'tab\there' },
    ]
    const body = {
      scope: 'OPD Dinas Pendidikan',
      ceremonyId: 1,
      ceremonyName: 'Apel',
      ceremonyDate: '2024-09-30',
      timeZone: 'Asia/Jakarta' as const,
      signedAt: '2024-09-30T03:00:00.000Z',
      rows,
    }
    const seal = makeSeal(key, body)
    expect(sealHolds(seal)).toBe(true)
    expect(sealHolds({ ...seal, rows: [...seal.rows].reverse() })).toBe(true)
    expect(canonicalBytes(seal).toString('utf8')).toContain(
      '197405021993111001\tIzin\t\t\ttab\\there\n',
    )
    expect(
      sealHolds({ ...seal, rows: [{ ...seal.rows[0]!, status: 'Hadir' }, seal.rows[1]!] }),
    ).toBe(false)
    expect(sealHolds({ ...seal, scope: 'Rekap' })).toBe(false)
  })
})
