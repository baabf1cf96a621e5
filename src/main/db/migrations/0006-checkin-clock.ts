import type { Migration } from './types'

export const checkinClock: Migration = {
  version: 6,
  name: 'checkin-clock',
  sql: `
    -- The order in which this kiosk recorded its arrivals, independent of the laptop's clock:
    -- 1, 2, 3... per kiosk. Arrivals recorded before this version are numbered in row order.
    ALTER TABLE checkin ADD COLUMN seq INTEGER;
    -- 1: the wall time of this arrival was earlier than the kiosk's previous arrival, i.e. the
    -- clock went backwards between them; the time is kept as the clock said, and flagged.
    ALTER TABLE checkin ADD COLUMN clock_back INTEGER NOT NULL DEFAULT 0 CHECK (clock_back IN (0, 1));
    UPDATE checkin SET seq = numbered.n
      FROM (SELECT id, row_number() OVER (PARTITION BY kiosk_id ORDER BY id) AS n FROM checkin) AS numbered
      WHERE numbered.id = checkin.id;
    CREATE UNIQUE INDEX checkin_kiosk_seq ON checkin(kiosk_id, seq);
    -- The gate counts the flagged arrivals on every refresh: keep that count off the big index.
    CREATE INDEX checkin_clock_back ON checkin(ceremony_id) WHERE clock_back = 1;
  `,
}
