import type { Migration } from './types'

export const signers: Migration = {
  version: 7,
  name: 'signers',
  sql: `
    -- Who signs the exports, set once by the officer: an OPD's head on its daftar hadir
    -- (opd_id), or the head of BKPSDM on the recap (opd_id NULL, at most one such row). The
    -- title is kept as written ("Plt. Camat Kota"); empty name/NIP print as dotted lines.
    CREATE TABLE signer (
      id INTEGER PRIMARY KEY,
      opd_id INTEGER UNIQUE REFERENCES opd(id) ON DELETE CASCADE,
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      name TEXT NOT NULL DEFAULT '',
      pangkat TEXT NOT NULL DEFAULT '',
      nip TEXT NOT NULL DEFAULT '' CHECK (nip = '' OR length(nip) = 18),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX signer_recap ON signer ((opd_id IS NULL)) WHERE opd_id IS NULL;
  `,
}
