import type { Migration } from './types'

/**
 * Two indexes the hub's merge wrote on every row, slimmed to what it reads:
 * - `checkin_person` (every arrival, live or not) becomes `checkin_set_aside`: only the
 *   arrivals the merge set aside. Settling reads a person's live arrival through
 *   `checkin_once` and the set-aside ones through this, so a live scan (at a gate, or derived
 *   here) writes one index page less.
 * - `peer_entry` loses its UNIQUE index on `id`, as the kiosk's own log did in version 14:
 *   a peer's entry is named by its kiosk and number, the key the merge and every export use;
 *   its UUIDv7 id cannot meet another's, and a run that repeats an id is still refused
 *   (hub/peer-chain.ts). The rows are copied as they are, so every hash still holds; DROP
 *   TABLE fires no trigger, and the same triggers and indexes come back on the new table.
 */
export const mergeLeanIndexes: Migration = {
  version: 18,
  name: 'merge-lean-indexes',
  sql: `
    DROP INDEX checkin_person;
    CREATE INDEX checkin_set_aside ON checkin(ceremony_id, nip) WHERE cancelled_by = 'penggabungan';

    CREATE TABLE peer_entry_new (
      kiosk_id TEXT NOT NULL REFERENCES peer(kiosk_id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      id TEXT NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      entry_kiosk_id TEXT,
      body TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (kiosk_id, seq)
    ) STRICT;
    INSERT INTO peer_entry_new (kiosk_id, seq, id, kind, at, entry_kiosk_id, body, prev_hash, hash, received_at)
      SELECT kiosk_id, seq, id, kind, at, entry_kiosk_id, body, prev_hash, hash, received_at
      FROM peer_entry ORDER BY kiosk_id, seq;
    DROP TABLE peer_entry;
    ALTER TABLE peer_entry_new RENAME TO peer_entry;
    CREATE TRIGGER peer_entry_no_update BEFORE UPDATE ON peer_entry
      BEGIN SELECT RAISE(ABORT, 'Log kiosk lain yang diterima tidak boleh diubah.'); END;
    CREATE TRIGGER peer_entry_no_delete BEFORE DELETE ON peer_entry
      BEGIN SELECT RAISE(ABORT, 'Log kiosk lain yang diterima tidak boleh dihapus.'); END;
    CREATE INDEX peer_entry_ceremony ON peer_entry(kiosk_id, json_extract(body, '$.ceremonyId'))
      WHERE kind = 'ceremony.created';
    CREATE INDEX peer_entry_global_id ON peer_entry(json_extract(body, '$.globalId'))
      WHERE kind = 'ceremony.created';
  `,
}
