import type { Migration } from './types'

export const rosterCeremony: Migration = {
  version: 1,
  name: 'roster-ceremony',
  sql: `
    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- key: the name folded to lower case and single spaces, so "DINAS PENDIDIKAN" and
    -- "Dinas Pendidikan " are one OPD.
    CREATE TABLE opd (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL
    ) STRICT;

    CREATE TABLE employee (
      id INTEGER PRIMARY KEY,
      nip TEXT NOT NULL UNIQUE CHECK (length(nip) BETWEEN 9 AND 18),
      name TEXT NOT NULL,
      opd_id INTEGER NOT NULL REFERENCES opd(id),
      jabatan TEXT NOT NULL DEFAULT '',
      pangkat TEXT NOT NULL DEFAULT '',
      jenis TEXT NOT NULL CHECK (jenis IN ('PNS', 'PPPK', 'NON_ASN')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX employee_opd ON employee(opd_id);

    CREATE TABLE ceremony (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      late_time TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      late_at TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      time_zone TEXT NOT NULL,
      all_opd INTEGER NOT NULL CHECK (all_opd IN (0, 1)),
      unknown_policy TEXT NOT NULL CHECK (unknown_policy IN ('review', 'refuse')),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE ceremony_opd (
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id) ON DELETE CASCADE,
      opd_id INTEGER NOT NULL REFERENCES opd(id),
      PRIMARY KEY (ceremony_id, opd_id)
    ) STRICT;
  `,
}
