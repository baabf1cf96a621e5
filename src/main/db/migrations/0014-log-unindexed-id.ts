import type { Migration } from './types'

/**
 * The log as version 9 made it, without the UNIQUE index on `id`: that index was one more page
 * every scan's commit wrote, for ids that cannot meet (UUIDv7, 74 random bits per millisecond)
 * and that nothing looks up. Verification checks them instead (src/main/log/chain.ts), off the
 * scan path. The rows are copied as they are, so every hash still holds; DROP TABLE fires no
 * trigger, and the same triggers come back on the new table.
 */
export const logUnindexedId: Migration = {
  version: 14,
  name: 'log-unindexed-id',
  sql: `
    CREATE TABLE log_entry_new (
      seq INTEGER PRIMARY KEY,
      -- UUIDv7: unique across laptops by construction; verification refuses a repeated one.
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      kiosk_id TEXT,
      body TEXT NOT NULL,
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    INSERT INTO log_entry_new (seq, id, kind, at, kiosk_id, body, prev_hash, hash)
      SELECT seq, id, kind, at, kiosk_id, body, prev_hash, hash FROM log_entry ORDER BY seq;
    DROP TABLE log_entry;
    ALTER TABLE log_entry_new RENAME TO log_entry;
    CREATE TRIGGER log_entry_no_update BEFORE UPDATE ON log_entry
    BEGIN SELECT RAISE(ABORT, 'Log kehadiran tidak boleh diubah: entri hanya bisa ditambahkan.'); END;
    CREATE TRIGGER log_entry_no_delete BEFORE DELETE ON log_entry
    BEGIN SELECT RAISE(ABORT, 'Log kehadiran tidak boleh dihapus: entri hanya bisa ditambahkan.'); END;
  `,
}
