import fs from 'node:fs'
import path from 'node:path'
import type { FileCheck } from '../../shared/contract/authenticity'
import { formatCount } from '../../shared/format'
import {
  MANIFEST,
  manifestSignatureHolds,
  parseManifest,
  sha256,
  type Manifest,
} from '../export/manifest'
import { UserError } from '../errors'
import { readRegularFile } from '../roster/table-file'
import { verifyCsv } from './csv'
import { judgeSeal, unreadable, type VerifyOptions } from './judge'
import { verifyWorkbook } from './workbook'

/** A file name with no folder in it: a manifest never points outside its own folder. */
const PLAIN_NAME = /^[^/\\]+$/
/** Far above any export (60 OPD make 64 files), far below what would hold up a check. */
const MAX_LISTED = 5000

function changed(name: string, why: string): FileCheck {
  return { ...unreadable(name, 'Berkas', why), verdict: 'diubah' }
}

/** The folder's manifest, or why it cannot be read (absent, too big, not one). */
/** Export folders one level down: an officer often picks the stick instead of the export on it. */
function exportsInside(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(folder, d.name, MANIFEST)))
      .map((d) => d.name)
  } catch {
    return []
  }
}

async function manifestIn(folder: string): Promise<Manifest | string> {
  const inside = exportsInside(folder)
  const none = inside.length
    ? `Folder ini bukan folder ekspor, tetapi berisi folder ekspor: ${inside.map((n) => `"${n}"`).join(', ')}. Pilih folder itu.`
    : `Folder ini tidak punya ${MANIFEST} yang terbaca: bukan folder ekspor, atau ekspornya belum lengkap.`
  let bytes: Buffer
  try {
    bytes = await readRegularFile(path.join(folder, MANIFEST), MANIFEST)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return error.code === 'FILE_MISSING' ? none : error.message
  }
  const manifest = parseManifest(bytes.toString('utf8'))
  if (!manifest) return none
  if (manifest.berkas.length > MAX_LISTED) {
    return `${MANIFEST} mencantumkan ${formatCount(manifest.berkas.length)} berkas (batas ${formatCount(MAX_LISTED)}): bukan daftar ekspor kiosk.`
  }
  return manifest
}

export interface FolderCheck {
  manifest: Manifest | null
  /** Whether the manifest's signature holds, checked once here for the report to rely on. */
  signatureHolds: boolean
  files: FileCheck[]
}

/** The manifest's own check: its signature over every file's digest (`holds`: checked already). */
function manifestCheck(manifest: Manifest, holds: boolean, options: VerifyOptions): FileCheck {
  const seal = manifest.keaslian
  if (!seal) {
    return unreadable(
      MANIFEST,
      'Daftar berkas',
      `${MANIFEST} tidak bertanda tangan (ekspor dari versi kiosk sebelum tanda tangan digital).`,
    )
  }
  return judgeSeal(
    MANIFEST,
    'Daftar berkas',
    {
      publicKey: seal.kunciPublik,
      signedAt: seal.waktu,
      signature: seal.tandaTangan,
      rows: manifest.berkas,
    },
    holds,
    options,
    () => [],
  )
}

/** One listed file: the same bytes as signed, or (re-saved, edited) its content checked. */
async function listedFile(
  folder: string,
  entry: Manifest['berkas'][number],
  options: VerifyOptions,
): Promise<FileCheck> {
  if (typeof entry.nama !== 'string' || !PLAIN_NAME.test(entry.nama) || entry.nama === '..') {
    return changed(
      String(entry.nama),
      `Daftar berkas menyebut nama berkas yang tidak sah: "${String(entry.nama)}".`,
    )
  }
  const file = path.join(folder, entry.nama)
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (stat && !stat.isFile()) return changed(entry.nama, `${entry.nama} bukan berkas biasa.`)
  if (!stat) {
    return changed(entry.nama, `Berkas ${entry.nama} hilang dari folder.`)
  }
  const same = (await sha256(file)) === entry.sha256
  const content = entry.nama.endsWith('.xlsx')
    ? same && !options.fullContent
      ? null
      : await verifyWorkbook(file, options)
    : entry.nama.endsWith('.csv')
      ? same && !options.fullContent
        ? null
        : await verifyCsv(file, options)
      : null
  if (content) {
    const resaved = !same && content.verdict === 'asli'
    return resaved
      ? {
          ...content,
          note: 'Isi sama dengan yang ditandatangani; berkasnya disimpan ulang (SHA-256 berbeda dari daftar berkas).',
        }
      : content
  }
  const sealOfCsv = entry.nama.endsWith('.keaslian.json')
  const what = sealOfCsv ? 'Keaslian CSV' : entry.nama.endsWith('.csv') ? 'CSV' : 'Buku kerja'
  return {
    name: entry.nama,
    verdict: same ? 'asli' : 'diubah',
    what,
    signedBy: null,
    code: null,
    rows: null,
    findings: same
      ? []
      : [`Berkas ${entry.nama} berubah sesudah ekspor (SHA-256 berbeda dari daftar berkas).`],
    note: same
      ? 'Sama persis (SHA-256) dengan berkas yang tercantum di daftar bertanda tangan.'
      : null,
  }
}

/** Workbooks and CSVs in the folder that the signed manifest does not list. */
function unlisted(folder: string, manifest: Manifest): FileCheck[] {
  const listed = new Set(manifest.berkas.map((b) => b.nama))
  return fs
    .readdirSync(folder)
    .filter((n) => !listed.has(n) && n !== MANIFEST && /\.(xlsx|csv)$/i.test(n))
    .map((n) =>
      changed(
        n,
        `Berkas ${n} tidak tercantum di daftar berkas yang ditandatangani (ditambahkan sesudah ekspor).`,
      ),
    )
}

/**
 * An export folder: the manifest's signature, each file's SHA-256 against it, then the content
 * of every workbook or CSV whose bytes changed (re-saved with the same content is Asli). Every
 * file must be signed with the manifest's key.
 */
export async function verifyFolder(
  folder: string,
  options: VerifyOptions = {},
): Promise<FolderCheck> {
  const manifest = await manifestIn(folder)
  if (typeof manifest === 'string') {
    return {
      manifest: null,
      signatureHolds: false,
      files: [unreadable(MANIFEST, 'Daftar berkas', manifest)],
    }
  }
  const signatureHolds = manifestSignatureHolds(manifest)
  const head = manifestCheck(manifest, signatureHolds, options)
  const key = manifest.keaslian?.kunciPublik
  const inner: VerifyOptions = { ...options, expectedKey: options.expectedKey ?? key }
  const files: FileCheck[] = [head]
  for (const [i, entry] of manifest.berkas.entries()) {
    options.progress?.(i, manifest.berkas.length, `Memeriksa ${entry.nama}`)
    files.push(await listedFile(folder, entry, inner))
  }
  files.push(...unlisted(folder, manifest))
  return { manifest, signatureHolds, files }
}
