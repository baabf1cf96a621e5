/**
 * Who signs an export: the head of each OPD on its daftar hadir, the head of BKPSDM on the
 * recap. The title is written as it stands ("Plt. Camat Kota"); empty name and NIP print as
 * dotted lines to fill in by hand.
 */
export interface Signer {
  title: string
  name: string
  pangkat: string
  nip: string
}

export interface OpdSigner {
  opdId: number
  opdName: string
  /** What prints when nothing is set: the title derived from the OPD's name. */
  derivedTitle: string
  signer: Signer | null
}

export interface SignerList {
  opd: OpdSigner[]
  /** The head of BKPSDM, on the recap. */
  recap: { derivedTitle: string; signer: Signer | null }
}

/** The recap's signer when none is set: the head of the agency that runs the apel. */
export const RECAP_TITLE = 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia'

/**
 * The title of an OPD's head, derived from its name, as regional government does it:
 * "Kecamatan Kota" is signed by the Camat Kota, "Inspektorat" by the Inspektur, a Dinas or
 * Badan by its Kepala. Each kind: the start of its names, and the title made from the whole
 * name and the rest after that start.
 */
const KINDS: [RegExp, (name: string, rest: string) => string][] = [
  [/^(sekretariat daerah|setda)\b/i, () => 'Sekretaris Daerah'],
  [/^(sekretariat (dprd|dewan perwakilan rakyat daerah)|setwan)\b/i, () => 'Sekretaris DPRD'],
  [/^inspektorat\b/i, () => 'Inspektur'],
  [/^(satuan polisi pamong praja|satpol[ -]?pp)\b/i, () => 'Kepala Satuan Polisi Pamong Praja'],
  [/^kecamatan\s+/i, (_n, rest) => `Camat ${rest}`],
  [/^kelurahan\s+/i, (_n, rest) => `Lurah ${rest}`],
  [/^(rsud|rumah sakit umum daerah)\b/i, (name) => `Direktur ${name}`],
]

export function signerTitle(opdName: string): string {
  const name = opdName.replace(/\s+/g, ' ').trim()
  for (const [pattern, title] of KINDS) {
    const match = pattern.exec(name)
    if (match) return title(name, name.slice(match[0].length).trim())
  }
  // Dinas, Badan, Bagian, UPTD, Puskesmas, Kantor, and whatever else: its Kepala.
  return `Kepala ${name}`
}

/** The signer to print: what the officer set, or the derived title with blank lines. */
export function signerOrBlank(stored: Signer | null | undefined, title: string): Signer {
  return stored ?? { title, name: '', pangkat: '', nip: '' }
}
