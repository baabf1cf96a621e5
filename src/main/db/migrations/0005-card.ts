import type { Migration } from './types'

export const card: Migration = {
  version: 5,
  name: 'card',
  sql: `
    -- When the officer last confirmed that this person's QR card came out of the printer.
    -- NULL: no card yet. The card holds only the NIP (or NA- ID), so it stays valid through
    -- later edits of name or OPD.
    ALTER TABLE employee ADD COLUMN card_printed_at TEXT;
  `,
}
