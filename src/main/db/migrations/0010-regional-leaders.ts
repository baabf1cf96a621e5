import type { Migration } from './types'

export const regionalLeaders: Migration = {
  version: 10,
  name: 'regional-leaders',
  sql: `
    -- The region's own officials who sign the ikrar declaration above the OPD heads: the
    -- Bupati/Wali Kota (or Pj), the Sekda, the asisten. Kept for every ceremony (they change
    -- with an appointment, not with an apel), in the order the officer gives, the title as
    -- it stands ("Pj. Bupati Contoh"); an empty name or NIP is written in by hand.
    CREATE TABLE regional_leader (
      position INTEGER PRIMARY KEY CHECK (position >= 1),
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      name TEXT NOT NULL DEFAULT '',
      nip TEXT NOT NULL DEFAULT '' CHECK (nip = '' OR length(nip) = 18),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
}
