import type { IkrarText } from './ikrar'
import type { Signer } from './signer'

/**
 * The "Lembar Penandatanganan Ikrar Netralitas": the ikrar as read at the apel, then a table
 * where the officials sign. Its rows: the region's leaders the officer lists (Bupati/Wali Kota
 * or Pj, Sekda, asisten), then the head of every OPD the apel expects.
 */

/** One of the region's leaders: title as it stands, name and NIP (empty: written by hand). */
export type RegionalLeader = Pick<Signer, 'title' | 'name' | 'nip'>

/** One row of the signature table. */
export interface Signatory extends RegionalLeader {
  /** 'daerah': a regional leader; 'opd': the head of an OPD (its signer, or the derived title). */
  kind: 'daerah' | 'opd'
}

export interface Declaration {
  ceremonyId: number
  ceremonyName: string
  /** The text as it was last read at this apel; never read yet: the ceremony's copy, filled. */
  text: IkrarText
  /** Whether `text` is what was read (true) or what will be read (false). */
  read: boolean
  /** "Halaman Kantor Bupati"; '' when the ceremony names no place. */
  place: string
  /** "Senin, 30 September 2024": the apel's day. */
  date: string
  signatories: Signatory[]
}

/** A long list still prints: more leaders than this is a typing accident, not a region. */
export const MAX_LEADERS = 30
