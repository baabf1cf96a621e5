import type { Migration } from './types'

export const ikrar: Migration = {
  version: 3,
  name: 'ikrar',
  sql: `
    -- A ceremony's own copy of an ikrar template, placeholders kept. No row: the ceremony
    -- reads the default template.
    CREATE TABLE ceremony_ikrar (
      ceremony_id INTEGER PRIMARY KEY REFERENCES ceremony(id) ON DELETE CASCADE,
      template_id TEXT NOT NULL,
      instansi TEXT NOT NULL DEFAULT '',
      heading TEXT NOT NULL,
      opening TEXT NOT NULL,
      -- JSON array of strings, in reading order.
      points TEXT NOT NULL CHECK (json_valid(points) AND json_type(points) = 'array'
        AND json_array_length(points) > 0),
      closing TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- One row per time the ikrar was read: the filled text as shown, so that an export says
    -- exactly what was read even if the copy is edited afterwards.
    CREATE TABLE ikrar_reading (
      id INTEGER PRIMARY KEY,
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id),
      started_at TEXT NOT NULL,
      -- NULL: not ended (still running, or the kiosk was closed during it).
      ended_at TEXT CHECK (ended_at IS NULL OR ended_at >= started_at),
      text TEXT NOT NULL CHECK (json_valid(text)),
      kiosk_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ikrar_reading_ceremony ON ikrar_reading(ceremony_id, started_at);
  `,
}
