import type { Migration } from './types'

export const pakta: Migration = {
  // Positional: the lead renumbers at merge (the file keeps the number it was given).
  version: 11,
  name: 'pakta',
  sql: `
    -- A ceremony's own copy of the pakta integritas template, placeholders kept. No row: the
    -- ceremony prints the default template.
    CREATE TABLE ceremony_pakta (
      ceremony_id INTEGER PRIMARY KEY REFERENCES ceremony(id) ON DELETE CASCADE,
      template_id TEXT NOT NULL,
      heading TEXT NOT NULL,
      subheading TEXT NOT NULL,
      opening TEXT NOT NULL,
      statement TEXT NOT NULL,
      points TEXT NOT NULL CHECK (json_valid(points) AND json_type(points) = 'array'
        AND json_array_length(points) > 0),
      sanction TEXT NOT NULL,
      closing TEXT NOT NULL,
      place TEXT NOT NULL DEFAULT '',
      meterai INTEGER NOT NULL DEFAULT 0 CHECK (meterai IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- One printed form per person per ceremony; a reprint reuses it, so every copy of a
    -- person's form carries the same id. nip: as it was printed (the QR is bound to it).
    CREATE TABLE pakta_form (
      id INTEGER PRIMARY KEY,
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id) ON DELETE CASCADE,
      employee_id INTEGER NOT NULL REFERENCES employee(id),
      nip TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      UNIQUE (ceremony_id, employee_id)
    ) STRICT;

    -- A pakta that came back signed (or was acknowledged on screen: form_id NULL): when, by
    -- which officer, at which kiosk, from which input. At most one per person per ceremony.
    CREATE TABLE pakta_receipt (
      id INTEGER PRIMARY KEY,
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id),
      employee_id INTEGER NOT NULL REFERENCES employee(id),
      nip TEXT NOT NULL,
      form_id INTEGER REFERENCES pakta_form(id),
      source TEXT NOT NULL CHECK (source IN ('kamera', 'pemindai', 'manual')),
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      kiosk_id TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX pakta_receipt_once ON pakta_receipt(ceremony_id, employee_id);
  `,
}
