import type { Migration } from './types'

export const checkin: Migration = {
  version: 2,
  name: 'checkin',
  sql: `
    -- One row per arrival. A wrong record is cancelled (kept, with its reason), never deleted;
    -- at most one live record per person per ceremony.
    CREATE TABLE checkin (
      id INTEGER PRIMARY KEY,
      ceremony_id INTEGER NOT NULL REFERENCES ceremony(id),
      nip TEXT NOT NULL,
      -- NULL: a NIP not on the roster, recorded for review.
      employee_id INTEGER REFERENCES employee(id),
      scanned_at TEXT NOT NULL,
      late INTEGER NOT NULL CHECK (late IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('kamera', 'pemindai', 'manual')),
      kiosk_id TEXT NOT NULL,
      cancelled_at TEXT,
      cancel_reason TEXT,
      cancelled_by TEXT,
      CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX checkin_once ON checkin(ceremony_id, nip) WHERE cancelled_at IS NULL;
  `,
}
