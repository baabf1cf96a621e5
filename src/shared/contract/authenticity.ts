import { z } from 'zod'
import { call } from './define'

/** A verification's outcome, as the officer and the CLI say it. */
export const VERDICT_LABEL = {
  asli: 'Asli',
  diubah: 'Diubah',
  'tidak-terbaca': 'Tidak dapat dibaca',
} as const
export type Verdict = keyof typeof VERDICT_LABEL

/** Which key signed, as the file itself names it. */
export interface SignedBy {
  /** "KIOSK-7F3A · 91C2-4B0E-…" */
  fingerprint: string
  /** Ed25519 public key, 32 raw bytes in base64. */
  publicKey: string
  /** UTC instant of the signature. */
  at: string
  /** Whether it is this kiosk's own key (the CLI has none to compare with: false). */
  ownKiosk: boolean
}

/** One file's check. */
export interface FileCheck {
  name: string
  verdict: Verdict
  /** "Buku kerja OPD Dinas Pendidikan", "Rekap", "CSV", "Daftar berkas". */
  what: string
  signedBy: SignedBy | null
  /** The short code printed in the daftar hadir's footer. */
  code: string | null
  /** Signed rows the file carries. */
  rows: number | null
  /** What differs, each naming the NIP or row, in Indonesian; or why it cannot be read. */
  findings: string[]
  /** Said beside an Asli verdict, e.g. that the file was re-saved with the same content. */
  note: string | null
}

/**
 * A kiosk whose arrivals a hub's export holds, as its signed manifest lists it (keys in
 * Indonesian, as in the file). Checked on the way in: a manifest is a file from anywhere.
 */
export const manifestKiosk = z
  .object({
    label: z.string().max(200),
    caraBergabung: z.string().max(40),
    sidikKunci: z.string().max(200),
    kepalaRantai: z
      .object({
        seq: z.number().int().nonnegative(),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .nullable(),
    dihitung: z.number().int().nonnegative(),
    disisihkan: z.number().int().nonnegative(),
  })
  .strict()
export type ManifestKiosk = z.infer<typeof manifestKiosk>

export interface AuthenticityReport {
  /** The file or folder checked. */
  target: string
  verdict: Verdict
  /** One line in Indonesian: the verdict, who signed and when. */
  summary: string
  folder: boolean
  signedBy: SignedBy | null
  ceremony: string | null
  /** The kiosk log's head the export was signed at, when the manifest carries one. */
  chainHead: { seq: number; hash: string } | null
  /** The kiosks a hub's export says contributed, when its manifest's signature holds; else none. */
  kiosks: ManifestKiosk[]
  files: FileCheck[]
}

export interface KioskKeyInfo {
  fingerprint: string
  publicKey: string
}

export const authenticityContract = {
  /** This kiosk's signing key: what Pengaturan shows and the printed sheets carry. */
  'authenticity.key': call<KioskKeyInfo>()(z.undefined()),
  /**
   * Asks main for a workbook, CSV or database backup (`file`) or an export folder (`folder`),
   * or takes this kiosk's own database (`database`), then checks it in a worker; null when the
   * officer cancels the dialog.
   */
  'authenticity.verify': call<AuthenticityReport | null>({ officer: true })(
    z.object({ pick: z.enum(['file', 'folder', 'database']) }).strict(),
  ),
}
