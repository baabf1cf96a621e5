/**
 * The longest text each employee field may hold, counted as zod's `max` counts (UTF-16 code
 * units). One table for the contract's schemas and for the roster import, so a value the
 * officer could not type cannot arrive through a file either. All sit far below Excel's
 * 32,767-character cell limit, so whatever is stored fits in an exported cell.
 */
export const FIELD_MAX = {
  name: 200,
  opd: 200,
  jabatan: 200,
  pangkat: 100,
} as const

export type LimitedField = keyof typeof FIELD_MAX
