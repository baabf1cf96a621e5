import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { FIELD_LABELS, fieldLabel } from '../../src/main/ipc/field-labels'
import { invoke } from '../../src/main/ipc/invoke'
import type { Handlers } from '../../src/main/ipc/handlers'
import { CHANNELS, contract } from '../../src/shared/contract'

/** Every object key anywhere in a schema, looking through optional, default, array and the like. */
function keysOf(schema: z.ZodType, seen = new Set<string>()): Set<string> {
  const def = (schema as unknown as { def: Record<string, unknown> }).def
  if (def.type === 'object') {
    for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      seen.add(key)
      keysOf(inner, seen)
    }
  }
  for (const inner of [def.innerType, def.element, def.in, def.out])
    if (inner) keysOf(inner as z.ZodType, seen)
  return seen
}

describe('field names in messages', () => {
  it('has an Indonesian label for every input field of every call', () => {
    const fields = new Set<string>()
    for (const channel of CHANNELS) keysOf(contract[channel].input, fields)
    expect(fields.size).toBeGreaterThan(30)
    expect([...fields].filter((f) => !FIELD_LABELS[f])).toEqual([])
  })

  it('numbers items from one and leaves out a field it has no label for', () => {
    expect(fieldLabel(['points', 2])).toBe('Butir ikrar ke-3')
    expect(fieldLabel(['pin'])).toBe('PIN')
    expect(fieldLabel(['tidakAda'])).toBeNull()
    expect(fieldLabel([])).toBeNull()
  })

  it('says "Isian tidak valid (PIN)", never the code word', async () => {
    const r = await invoke({} as Handlers, 'auth.setPin', { pin: '12' })
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: 'Isian tidak valid (PIN): PIN baru berupa 6 sampai 8 angka',
      },
    })
  })
})
