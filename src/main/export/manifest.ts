import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ManifestKiosk } from '../../shared/contract/authenticity'
import type { Ceremony } from '../../shared/domain'
import { fsError } from '../fs-errors'
import { TEMP_FILE } from '../durable-file'
import { canonicalJson, type CanonicalValue } from '../log/canonical'
import { fingerprintOf, signBytes, verifyBytes } from '../keys/signature'
import { writeAtomic } from './atomic'
import type { Signing } from './keaslian'

/**
 * Written last, after every other file of an export is on disk: its presence says the set is
 * complete, and each file's size and SHA-256 say it is the file that was written. A folder
 * without it (a killed or failed export) is an incomplete set.
 */
export const MANIFEST = 'Daftar Berkas Ekspor.json'

export interface ManifestEntry {
  nama: string
  ukuran: number
  sha256: string
}

export const MANIFEST_FORMAT = 'kiosk-apel-daftar-berkas/1'

/** The manifest's signature and what it vouches for (docs/keaslian.md). */
export interface ManifestSeal {
  format: typeof MANIFEST_FORMAT
  acaraId: number
  /** The kiosk log's head at export (sequence and hash), null before the log existed. */
  kepalaRantai: { seq: number; hash: string } | null
  /** Ed25519 public key, 32 raw bytes in base64. */
  kunciPublik: string
  sidikKunci: string
  /** UTC instant of the export. */
  waktu: string
  /** Ed25519 over the canonical JSON of the whole manifest without this field. */
  tandaTangan: string
}

/** Keys in Indonesian: an OPD head who opens the file reads it. */
export interface Manifest {
  keterangan: string
  acara: string
  tanggal: string
  berkas: ManifestEntry[]
  /**
   * At a hub (or wherever other kiosks' arrivals were taken in): every kiosk whose arrivals the
   * export holds, with the chain head held for it. Under the signature like everything else.
   */
  kiosk?: ManifestKiosk[]
  /** Absent only in exports made before signing existed. */
  keaslian?: ManifestSeal
}

/**
 * The bytes a manifest's signature covers: all of it but the signature itself, in the log's one
 * canonical form. Throws on what that form refuses (a float, say): no manifest this kiosk signed
 * holds one.
 */
export function manifestSignedBytes(manifest: Manifest): Buffer {
  const { keaslian, ...rest } = manifest
  const { tandaTangan: _signature, ...seal } = keaslian ?? ({} as Partial<ManifestSeal>)
  return Buffer.from(
    canonicalJson({ ...rest, keaslian: seal } as unknown as CanonicalValue),
    'utf8',
  )
}

/** Whether the manifest carries a signature that holds for the public key it names. */
export function manifestSignatureHolds(manifest: Manifest): boolean {
  const seal = manifest.keaslian
  if (!seal || typeof seal.kunciPublik !== 'string' || typeof seal.tandaTangan !== 'string') {
    return false
  }
  try {
    return verifyBytes(seal.kunciPublik, manifestSignedBytes(manifest), seal.tandaTangan)
  } catch {
    return false
  }
}

function signManifest(
  manifest: Omit<Manifest, 'keaslian'>,
  signing: Signing,
  ceremonyId: number,
): Manifest {
  const unsigned: Manifest = {
    ...manifest,
    keaslian: {
      format: MANIFEST_FORMAT,
      acaraId: ceremonyId,
      kepalaRantai: signing.chainHead,
      kunciPublik: signing.key.publicKey,
      sidikKunci: fingerprintOf(signing.key.publicKey),
      waktu: signing.at,
      tandaTangan: '',
    },
  }
  const signature = signBytes(signing.key, manifestSignedBytes(unsigned))
  return { ...unsigned, keaslian: { ...unsigned.keaslian!, tandaTangan: signature } }
}

export interface ExportCheck {
  complete: boolean
  /** Files the manifest lists that are not in the folder (all of them when it has none). */
  missing: string[]
  /** Files whose size or SHA-256 differs from what was written. */
  changed: string[]
}

/** A file's SHA-256 in lowercase hex, read in chunks: the thread keeps answering meanwhile. */
export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function entryFor(folder: string, name: string): Promise<ManifestEntry> {
  const file = path.join(folder, name)
  const { size } = await fs.promises.stat(file)
  return { nama: name, ukuran: size, sha256: await sha256(file) }
}

/**
 * Before an export into `folder`: removes what a killed export left (temporary files) and the
 * old manifest, which would otherwise vouch for a set this export is about to replace.
 */
export async function clearUnfinished(folder: string): Promise<string[]> {
  const removed: string[] = []
  try {
    for (const name of await fs.promises.readdir(folder)) {
      if (!TEMP_FILE.test(name) && name !== MANIFEST) continue
      await fs.promises.rm(path.join(folder, name), { force: true })
      removed.push(name)
    }
  } catch (error) {
    throw fsError('EXPORT_FOLDER', error, 'membersihkan folder', folder)
  }
  return removed
}

/** Hashes the files as they landed on disk and writes the manifest; returns its name. */
export async function writeManifest(
  folder: string,
  ceremony: Pick<Ceremony, 'id' | 'name' | 'date'>,
  names: readonly string[],
  signing: Signing,
  kiosk: ManifestKiosk[] | null = null,
): Promise<string> {
  const berkas: ManifestEntry[] = []
  for (const name of names) berkas.push(await entryFor(folder, name))
  const manifest = signManifest(
    {
      keterangan: `Ekspor lengkap: ${berkas.length} berkas. Berkas yang ukuran atau SHA-256-nya berbeda dari daftar ini telah berubah sesudah ekspor. Daftar ini ditandatangani kiosk (bagian "keaslian"); periksa dengan "npm run verify -- <folder>".`,
      acara: ceremony.name,
      tanggal: ceremony.date,
      berkas,
      ...(kiosk ? { kiosk } : {}),
    },
    signing,
    ceremony.id,
  )
  await writeAtomic(path.join(folder, MANIFEST), (tmp) =>
    fs.promises.writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
  )
  return MANIFEST
}

/** A manifest from its text; null for anything that is not one. */
export function parseManifest(text: string): Manifest | null {
  try {
    const parsed = JSON.parse(text) as Manifest
    return Array.isArray(parsed.berkas) ? parsed : null
  } catch {
    return null
  }
}

function readManifest(folder: string): Manifest | null {
  try {
    return parseManifest(fs.readFileSync(path.join(folder, MANIFEST), 'utf8'))
  } catch {
    return null
  }
}

/** Whether the folder holds a whole export, as its manifest lists it. */
export async function checkExport(folder: string): Promise<ExportCheck> {
  const manifest = readManifest(folder)
  const present = new Set(fs.existsSync(folder) ? fs.readdirSync(folder) : [])
  if (!manifest) {
    return { complete: false, missing: [MANIFEST], changed: [] }
  }
  const missing: string[] = []
  const changed: string[] = []
  for (const entry of manifest.berkas) {
    if (!present.has(entry.nama)) {
      missing.push(entry.nama)
      continue
    }
    const now = await entryFor(folder, entry.nama)
    if (now.ukuran !== entry.ukuran || now.sha256 !== entry.sha256) changed.push(entry.nama)
  }
  return { complete: missing.length === 0 && changed.length === 0, missing, changed }
}
