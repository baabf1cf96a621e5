// Between kiosks by file (docs/antar-kiosk.md): "Kirim data" from an office kiosk, "Terima
// data" at BKPSDM, and the "Paket acara" that carries a ceremony the other way.
import { z } from 'zod'
import type { Ceremony } from '../domain'
import { call } from './define'

const id = z.number().int().positive()

/** A person recorded at more than one kiosk: which arrival counts and which were set aside. */
export interface MergeDuplicate {
  ceremonyId: number
  nip: string
  kept: { kiosk: string; at: string }
  repeats: { kiosk: string; at: string }[]
}

/** One "Kirim data" file taken in, or refused. */
export interface BundleReport {
  fileName: string
  ok: boolean
  /** Why it was refused, in Indonesian, naming the file and the entry; null when taken in. */
  error: string | null
  /** The sending kiosk as the officer reads it, with its key's fingerprint. */
  label: string | null
  fingerprint: string | null
  ceremonyName: string | null
  /** This kiosk's ceremony the file went into; null when refused. */
  ceremonyId: number | null
  newEntries: number
  arrivals: number
  repeats: number
  /** The first REPORT_DUPLICATES people of the file recorded at another kiosk too. */
  duplicates: MergeDuplicate[]
  /** All of them: a big office's file can touch thousands, too many to list on the screen. */
  duplicateCount: number
}

/** How many people recorded at two kiosks a report lists; the exports list every one. */
export const REPORT_DUPLICATES = 50

export interface BundleWritten {
  file: string
  entries: number
  /** Arrivals of the ceremony in the file (this kiosk's scans that recorded someone). */
  arrivals: number
}

export interface PaketWritten {
  file: string
  employees: number
  /** The OPD the package is for; null: every OPD. */
  opd: string[] | null
}

export interface PaketImported {
  ceremony: Ceremony
  employees: number
  /** Who signed the package: compare with the fingerprint BKPSDM gave. */
  issuer: { label: string; fingerprint: string }
}

export const exchangeContract = {
  /** Asks for a folder (a USB stick), writes the ceremony's signed file; null when cancelled. */
  'exchange.sendBundle': call<BundleWritten | null>({ officer: true })(
    z.object({ ceremonyId: id }).strict(),
  ),
  /** Asks for one or more files and takes each in; null when cancelled. */
  'exchange.receiveBundles': call<BundleReport[] | null>({
    officer: true,
    changes: ['ceremony.changed'],
  })(z.undefined()),
  /** Writes a ceremony package for the chosen OPD (null: the ceremony's own); null when cancelled. */
  'exchange.writePaket': call<PaketWritten | null>({ officer: true })(
    z
      .object({ ceremonyId: id, opdIds: z.array(id).min(1, 'Pilih minimal satu OPD').nullable() })
      .strict(),
  ),
  /** Asks for a package file and runs its ceremony here; null when cancelled. */
  'exchange.importPaket': call<PaketImported | null>({
    officer: true,
    changes: ['roster.changed', 'ceremony.changed'],
  })(z.object({ removeDemo: z.boolean() }).strict()),
}
