import { z } from 'zod'
import netralitasAsn from '../../../resources/pakta/netralitas-asn.json'
import { unknownPlaceholders } from '../../shared/ikrar'
import { paktaParts, type PaktaTemplate } from '../../shared/pakta'

export const DEFAULT_PAKTA_TEMPLATE = 'netralitas-asn'

const line = z.string().trim().min(1)
const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: line,
    heading: line,
    subheading: z.string().trim(),
    opening: line,
    statement: line,
    points: z.array(line).min(1),
    sanction: line,
    closing: line,
    source: line,
  })
  .strict()

/** Checks shipped template data, as the ikrar's are: a broken file fails the tests and the start. */
export function parsePaktaTemplates(raw: readonly unknown[]): PaktaTemplate[] {
  const templates = raw.map((r) => templateSchema.parse(r))
  if (new Set(templates.map((t) => t.id)).size !== templates.length)
    throw new Error('Template pakta dengan id ganda')
  for (const t of templates) {
    const unknown = paktaParts(t).flatMap(unknownPlaceholders)
    if (unknown.length) throw new Error(`Template ${t.id}: penanda tak dikenal {${unknown[0]}}`)
  }
  return templates
}

const TEMPLATES = parsePaktaTemplates([netralitasAsn])

/** Fresh objects each call: whatever a caller does to them never reaches the shipped text. */
export function listPaktaTemplates(): PaktaTemplate[] {
  return structuredClone(TEMPLATES)
}

export function findPaktaTemplate(id: string): PaktaTemplate | null {
  return listPaktaTemplates().find((t) => t.id === id) ?? null
}
