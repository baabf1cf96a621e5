import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createDurableSync } from '../durable-file'
import { fingerprintOf, rawPublicKey, type KioskKey } from './signature'

/**
 * Where an installation keeps its private key: never in the database file, so a copied
 * database alone cannot sign. The app seals it with the OS's key store (Electron's
 * safeStorage, in src/main/index.ts); tests and the browser harness keep it in a folder.
 */
export interface KeyStore {
  /** What the officer is told the key is kept in. */
  readonly place: string
  /** The stored secret, null when none is stored yet; throws when it cannot be read back. */
  load(): string | null
  /** Stores a new secret; never replaces one (a second start racing this one keeps the first). */
  save(secret: string): void
  /** Moves an unreadable secret aside (never deleted: an old export may need it). */
  setAside(stamp: string): void
}

/** What seals the secret on disk: Electron's safeStorage in the app, nothing in tests. */
export interface Sealer {
  encryptString(text: string): Buffer
  decryptString(sealed: Buffer): string
}

const PLAIN: Sealer = {
  encryptString: (text) => Buffer.from(text, 'utf8'),
  decryptString: (sealed) => sealed.toString('utf8'),
}

/** The key file beside installation.json; sealed by the OS in the app. */
export const KEY_FILE = 'kunci-kiosk.bin'

export function sealedFileStore(file: string, sealer: Sealer = PLAIN): KeyStore {
  return {
    place: file,
    load: () => {
      if (!fs.existsSync(file)) return null
      return sealer.decryptString(Buffer.from(fs.readFileSync(file, 'ascii'), 'base64'))
    },
    save: (secret) => {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      // The sealed bytes as base64 text, which createDurableSync writes unchanged.
      createDurableSync(file, sealer.encryptString(secret).toString('base64'))
    },
    setAside: (stamp) => fs.renameSync(file, `${file}.rusak-${stamp}`),
  }
}

/** The unsealed store of tests and the browser harness: a key file in the folder given. */
export function fileKeyStore(dir: string): KeyStore {
  return sealedFileStore(path.join(dir, KEY_FILE))
}

interface StoredKey {
  versi: 1
  /** PKCS#8 DER, base64. */
  kunciPrivat: string
  dibuat: string
}

function parseKey(secret: string): KioskKey {
  const stored = JSON.parse(secret) as Partial<StoredKey>
  if (stored.versi !== 1 || typeof stored.kunciPrivat !== 'string') throw new Error('bukan kunci')
  const der = Buffer.from(stored.kunciPrivat, 'base64')
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('bukan kunci Ed25519')
  return { privateKey: stored.kunciPrivat, publicKey: rawPublicKey(der) }
}

/** A fresh key pair as plain data (tests and scripts sign with one). */
export function createKey(now: Date = new Date()): KioskKey {
  return newKey(now).key
}

function newKey(now: Date): { key: KioskKey; secret: string } {
  const { privateKey } = generateKeyPairSync('ed25519')
  const der = privateKey.export({ format: 'der', type: 'pkcs8' })
  const stored: StoredKey = {
    versi: 1,
    kunciPrivat: der.toString('base64'),
    dibuat: now.toISOString(),
  }
  return {
    key: { privateKey: stored.kunciPrivat, publicKey: rawPublicKey(der) },
    secret: JSON.stringify(stored),
  }
}

export interface LoadedKey {
  key: KioskKey
  /** Set when the stored key could not be used and a new one was made: for the start-up notice. */
  notice: string | null
}

function readStored(store: KeyStore): KioskKey | 'absent' | 'damaged' {
  try {
    const secret = store.load()
    return secret === null ? 'absent' : parseKey(secret)
  } catch {
    return 'damaged'
  }
}

/**
 * This installation's key pair, made at first start. A key file that is damaged or that the
 * OS will not unseal (another user account, a reinstalled system) never stops the kiosk: it is
 * moved aside, a new key is made, and the officer is told that exports from now on carry a
 * new fingerprint.
 */
export function loadOrCreateKey(store: KeyStore, now: Date = new Date()): LoadedKey {
  const found = readStored(store)
  if (typeof found !== 'string') return { key: found, notice: null }
  if (found === 'damaged') store.setAside(now.toISOString().replace(/[:.]/g, '-'))
  const made = newKey(now)
  store.save(made.secret)
  // A second start that raced this one saved first: use what is stored, not our copy.
  const stored = readStored(store)
  const key = typeof stored === 'string' ? made.key : stored
  const notice =
    found === 'damaged'
      ? `Kunci tanda tangan kiosk (${store.place}) rusak atau tidak dapat dibuka, dan sudah dipindahkan ke samping (tidak dihapus). Kiosk membuat kunci baru dengan sidik ${fingerprintOf(key.publicKey)}: ekspor berikutnya membawa sidik baru ini. Ekspor lama tetap dapat diperiksa.`
      : null
  return { key, notice }
}
