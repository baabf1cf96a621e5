import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  manifestKiosk,
  VERDICT_LABEL,
  type AuthenticityReport,
  type FileCheck,
  type ManifestKiosk,
  type SignedBy,
  type Verdict,
} from '../../shared/contract/authenticity'
import { formatCount } from '../../shared/format'
import { verifyCsv } from './csv'
import { isSqliteFile, verifyDatabase } from './database'
import { verifyFolder, type FolderCheck } from './folder'
import { unreadable, type VerifyOptions } from './judge'
import { verifyWorkbook } from './workbook'

export type { VerifyOptions } from './judge'

/** A changed file outweighs an unreadable one: the set as a whole is then not authentic. */
function overall(files: readonly FileCheck[]): Verdict {
  if (files.some((f) => f.verdict === 'diubah')) return 'diubah'
  if (files.some((f) => f.verdict === 'tidak-terbaca')) return 'tidak-terbaca'
  return 'asli'
}

/** "30 September 2024 pukul 07.45 UTC": when a file was signed, unambiguous for any reader. */
export function signedWhen(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const date = d.toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return `${date} pukul ${d.toISOString().slice(11, 16).replace(':', '.')} UTC`
}

function summaryOf(
  verdict: Verdict,
  signer: SignedBy | null,
  files: readonly FileCheck[],
  folder: boolean,
) {
  const label = VERDICT_LABEL[verdict]
  const who = signer
    ? ` Ditandatangani ${signer.ownKiosk ? 'kiosk ini' : 'kiosk'} ${signer.fingerprint}, ${signedWhen(signer.at)}.`
    : ''
  if (!folder) return `${label}.${who}`
  const changed = files.filter((f) => f.verdict !== 'asli').length
  const detail =
    verdict === 'asli'
      ? ` ${formatCount(files.length)} berkas diperiksa, semua asli.`
      : ` ${formatCount(changed)} dari ${formatCount(files.length)} berkas tidak asli atau tidak terbaca.`
  return `${label}.${detail}${who}`
}

async function verifyFile(file: string, options: VerifyOptions): Promise<FileCheck> {
  const name = path.basename(file)
  if (isSqliteFile(file)) return verifyDatabase(file, options)
  if (/\.xlsx$/i.test(name)) return verifyWorkbook(file, options)
  if (/\.csv$/i.test(name)) return verifyCsv(file, options)
  if (/\.csv\.keaslian\.json$/i.test(name))
    return verifyCsv(file.replace(/\.keaslian\.json$/i, ''), options)
  return unreadable(
    name,
    'Berkas',
    `Berkas ${name} bukan buku kerja (.xlsx), CSV, basis data kiosk, atau folder ekspor.`,
  )
}

/** A workbook, a CSV, a kiosk database or an export folder, checked; never throws for what it holds. */
export async function verifyPath(
  target: string,
  options: VerifyOptions = {},
): Promise<AuthenticityReport> {
  const stat = fs.statSync(target, { throwIfNoEntry: false })
  if (!stat) {
    const files = [unreadable(path.basename(target), 'Berkas', `${target} tidak ditemukan.`)]
    return report(target, files, null)
  }
  if (stat.isDirectory()) {
    const check = await verifyFolder(target, options)
    return report(target, check.files, check)
  }
  const file = await verifyFile(target, options)
  return report(target, [file], null)
}

/** The contributing kiosks a folder's manifest lists, only from one whose signature holds. */
function kiosksOf({ manifest, signatureHolds }: FolderCheck): ManifestKiosk[] {
  if (!manifest || !signatureHolds) return []
  const listed = z
    .array(manifestKiosk)
    .max(1000)
    .safeParse(manifest.kiosk ?? [])
  return listed.success ? listed.data : []
}

/** `check`: the folder's, or null when the target is one file. */
function report(target: string, files: FileCheck[], check: FolderCheck | null): AuthenticityReport {
  const folder = check !== null
  const manifest = check?.manifest
  const verdict = overall(files)
  const signedBy = files.find((f) => f.signedBy)?.signedBy ?? null
  return {
    target,
    verdict,
    summary: summaryOf(verdict, signedBy, files, folder),
    folder,
    signedBy,
    ceremony: manifest?.acara ?? null,
    chainHead: manifest?.keaslian?.kepalaRantai ?? null,
    kiosks: check ? kiosksOf(check) : [],
    files,
  }
}

/** The report as lines for a terminal: the summary, then each file that is not plainly Asli. */
export function reportLines(r: AuthenticityReport): string[] {
  const lines = [`${r.target}`, r.summary]
  if (r.chainHead)
    lines.push(`Kepala rantai log kiosk saat ekspor: #${r.chainHead.seq} ${r.chainHead.hash}`)
  if (r.kiosks.length > 0) lines.push('Kiosk yang menyumbang kedatangan:')
  for (const k of r.kiosks) lines.push(`  ${kioskLine(k)}`)
  for (const f of r.files) {
    const code = f.code ? ` (kode keaslian ${f.code})` : ''
    lines.push(`- ${f.name}: ${VERDICT_LABEL[f.verdict]}${code}`)
    if (f.note) lines.push(`    ${f.note}`)
    for (const finding of f.findings) lines.push(`    ${finding}`)
  }
  return lines
}

/** One contributing kiosk in a line: who, how it joined, its key, its chain head, its counts. */
function kioskLine(k: ManifestKiosk): string {
  const head = k.kepalaRantai
    ? `kepala rantai #${k.kepalaRantai.seq} ${k.kepalaRantai.hash.slice(0, 16)}…`
    : 'tanpa kepala rantai'
  return `${k.label} (${k.caraBergabung}), ${k.sidikKunci}, ${head}: ${formatCount(k.dihitung)} dihitung, ${formatCount(k.disisihkan)} disisihkan`
}

/** The CLI's exit status: 0 authentic, 1 changed, 2 unreadable. */
export const EXIT_CODE: Record<Verdict, number> = { asli: 0, diubah: 1, 'tidak-terbaca': 2 }
