/**
 * The ikrar netralitas: its text, the placeholders a ceremony fills, and the steps of a reading.
 * Shared because main stores and records it and the renderer shows it.
 */

/** The words a leader reads, placeholders still in or already filled. */
export interface IkrarText {
  heading: string
  opening: string
  points: string[]
  /** null: the template or the ceremony reads no closing line. */
  closing: string | null
}

/** A shipped text (resources/ikrar/*.json); never changed by a ceremony. */
export interface IkrarTemplate extends IkrarText {
  id: string
  title: string
  /** Where the wording comes from, so an officer can check it. */
  source: string
}

/** A ceremony's own copy of a template, edited freely, placeholders kept until it is read. */
export interface IkrarCopy extends IkrarText {
  ceremonyId: number
  templateId: string
  /** Fills {instansi}: "Pemerintah Kabupaten Contoh". */
  instansi: string
  /** null: nothing saved yet, this is the default template filled in for the ceremony. */
  updatedAt: string | null
}

/** Placeholders an officer may write in the text, what each is filled with, and from where. */
export const IKRAR_PLACEHOLDERS = {
  instansi: { label: 'nama instansi', filledIn: 'editor ikrar (Nama instansi)' },
  acara: { label: 'nama acara', filledIn: 'data acara (Nama acara)' },
  pemilihan: {
    label: 'nama pemilihan dan tahunnya',
    filledIn: 'data acara (Pemilihan, misalnya "Pilkada Serentak Tahun 2024")',
  },
} as const
export type IkrarPlaceholder = keyof typeof IKRAR_PLACEHOLDERS
export type IkrarValues = Record<IkrarPlaceholder, string>

const PLACEHOLDER = /\{([^{}\s]*)\}/g

function isPlaceholder(name: string): name is IkrarPlaceholder {
  return Object.hasOwn(IKRAR_PLACEHOLDERS, name)
}

/** "{instansi}" becomes the agency's name; anything in braces that is not a placeholder stays. */
export function fillPlaceholders(text: string, values: IkrarValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) ? values[name].trim() : whole,
  )
}

/** Brace words that are not placeholders, e.g. a typo like "{instnasi}" that would be read aloud. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((n) => !isPlaceholder(n))
}

/** Placeholders the text uses, so an empty value can be caught before the reading. */
export function usedPlaceholders(text: string): IkrarPlaceholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter(isPlaceholder)
}

/** "{instansi}, {acara} dan {pemilihan}": for messages that list what may be used. */
export const PLACEHOLDER_LIST = (() => {
  const names = Object.keys(IKRAR_PLACEHOLDERS).map((n) => `{${n}}`)
  return `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}`
})()

export function textParts(t: IkrarText): string[] {
  return [t.heading, t.opening, ...t.points, ...(t.closing === null ? [] : [t.closing])]
}

export function fillIkrar(t: IkrarText, values: IkrarValues): IkrarText {
  const fill = (s: string) => fillPlaceholders(s, values)
  return {
    heading: fill(t.heading),
    opening: fill(t.opening),
    points: t.points.map(fill),
    closing: t.closing === null ? null : fill(t.closing),
  }
}

/**
 * A reading goes through steps: 0 is the heading and opening, 1..n the points, and n+1 the
 * closing when there is one.
 */
export type IkrarStep =
  { kind: 'opening' } | { kind: 'point'; index: number; total: number } | { kind: 'closing' }

export function stepCount(t: IkrarText): number {
  return 1 + t.points.length + (t.closing === null ? 0 : 1)
}

export function stepAt(t: IkrarText, step: number): IkrarStep {
  const total = t.points.length
  if (step <= 0) return { kind: 'opening' }
  if (step > total && t.closing !== null) return { kind: 'closing' }
  return { kind: 'point', index: Math.min(step, total) - 1, total }
}

/** What the progress line says: "Butir 3 dari 5". */
export function stepLabel(s: IkrarStep): string {
  if (s.kind === 'opening') return 'Pembukaan'
  if (s.kind === 'closing') return 'Penutup'
  return `Butir ${s.index + 1} dari ${s.total}`
}

/** One point on the screen at a time, or the whole text at once. */
export const READING_MODES = ['satu', 'semua'] as const
export type ReadingMode = (typeof READING_MODES)[number]

/** What the officer's controls (or a clicker) can ask of a running reading. */
export const READING_MOVES = ['next', 'prev', 'first', 'last'] as const
export type ReadingMove = (typeof READING_MOVES)[number]

/** The reading in progress, as both the kiosk window and the projector window see it. */
export interface IkrarReading {
  readingId: number
  ceremonyId: number
  ceremonyName: string
  startedAt: string
  step: number
  mode: ReadingMode
  /** The filled text as it is being read (a snapshot taken when the reading started). */
  text: IkrarText
  /** A projector window shows the text: the kiosk window shows the officer's controls instead. */
  presenterShown: boolean
  /**
   * The kiosk's own screen is (or the officer says it is) mirrored to a projector: nothing but
   * the ikrar may appear on it, so latecomers' names are not shown there.
   */
  mirrored: boolean
}

/** Whether the kiosk screen is mirrored: the officer's setting, and what the OS let us see. */
export interface MirrorState {
  setting: boolean
  detected: boolean
}

/** A finished or interrupted reading, as recorded for the ceremony. */
export interface IkrarReadingRecord {
  id: number
  ceremonyId: number
  startedAt: string
  /** null: the reading was never ended (the kiosk was closed during it). */
  endedAt: string | null
  text: IkrarText
}
