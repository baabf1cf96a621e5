/**
 * Who was there for the ikrar: each arrival set against the ceremony's reading(s). Shared
 * because the exports, the gate and the attendance screen all say it in the same words.
 *
 * The rule (src/main/ikrar/attendance.ts applies it): a person pledged with a reading when
 * their arrival was recorded before that reading began. Before the first reading: IKUT. After
 * the first began but before a later one (pembacaan ulang) began: ULANG. Arriving during the
 * last reading: SAAT; after it ended: SETELAH; after it began when its end was never recorded
 * (the kiosk was closed during it, or it is still running): SETELAH_MULAI, since whether it was
 * during or after cannot be known. No reading recorded: BELUM_ADA, never a guess.
 */
export const IKRAR_CLASSES = [
  'IKUT',
  'ULANG',
  'SAAT',
  'SETELAH',
  'SETELAH_MULAI',
  'BELUM_ADA',
] as const
export type IkrarClass = (typeof IKRAR_CLASSES)[number]

/** The words of the exports' "Ikrar" column. */
export const IKRAR_LABEL: Record<IkrarClass, string> = {
  IKUT: 'Ikut ikrar',
  ULANG: 'Ikut ikrar (pembacaan ulang)',
  SAAT: 'Datang saat ikrar',
  SETELAH: 'Setelah ikrar',
  SETELAH_MULAI: 'Setelah ikrar dimulai (akhir pembacaan tidak tercatat)',
  BELUM_ADA: 'Belum ada pembacaan ikrar',
}

/** How many arrivals fall in each class. */
export type IkrarTally = Record<IkrarClass, number>

export function emptyTally(): IkrarTally {
  return Object.fromEntries(IKRAR_CLASSES.map((c) => [c, 0])) as IkrarTally
}

/** The gate's line: how many came after the (first) reading began, of whom how many re-pledged. */
export interface IkrarGate {
  /** 0: no reading recorded yet for the ceremony. */
  readings: number
  /** Present (expected) people who arrived after the first reading began. */
  afterStart: number
  /** Of those, the ones present before a later reading began. */
  repledged: number
}
