import { z } from 'zod'
import nasional2020 from '../../../resources/ikrar/nasional-2020.json'
import limaButir from '../../../resources/ikrar/lima-butir.json'
import pemilu2024 from '../../../resources/ikrar/pemilu-2024.json'
import pilkada2020 from '../../../resources/ikrar/pilkada-2020.json'
import { unknownPlaceholders, textParts, type IkrarTemplate } from '../../shared/ikrar'

/**
 * The five points, with the election named from the ceremony ({pemilihan}): a 2024 apel must
 * not read "Pilkada Serentak Tahun 2020". The historical texts stay as they were read.
 */
export const DEFAULT_TEMPLATE_ID = 'lima-butir'

const line = z.string().trim().min(1)
const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: line,
    heading: line,
    opening: line,
    points: z.array(line).min(1),
    closing: line.nullable(),
    source: line,
  })
  .strict()

/**
 * Checks shipped template data: a broken resource file must fail the tests and the start,
 * not show up half-read in front of a thousand people.
 */
export function parseTemplates(raw: readonly unknown[]): IkrarTemplate[] {
  const templates = raw.map((r) => templateSchema.parse(r))
  const ids = new Set(templates.map((t) => t.id))
  if (ids.size !== templates.length) throw new Error('Template ikrar dengan id ganda')
  for (const t of templates) {
    const unknown = textParts(t).flatMap(unknownPlaceholders)
    if (unknown.length) throw new Error(`Template ${t.id}: penanda tak dikenal {${unknown[0]}}`)
  }
  return templates
}

const TEMPLATES = parseTemplates([limaButir, pilkada2020, nasional2020, pemilu2024])

/** Fresh objects each call: whatever a caller does to them never reaches the shipped text. */
export function listTemplates(): IkrarTemplate[] {
  return structuredClone(TEMPLATES)
}

export function findTemplate(id: string): IkrarTemplate | null {
  return listTemplates().find((t) => t.id === id) ?? null
}
