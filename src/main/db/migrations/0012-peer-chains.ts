import { uuidv7 } from '../../log/append'
import type { Migration } from './types'

export const peerChains: Migration = {
  // Positional: the lead renumbers at merge (the file keeps the number it was given).
  version: 12,
  name: 'peer-chains',
  sql: `
    -- One apel run by many kiosks (a hub, its gates, offices sending files) is one ceremony
    -- under one id that every kiosk shares; the local integer id stays each kiosk's own.
    ALTER TABLE ceremony ADD COLUMN global_id TEXT;

    -- Another kiosk whose log this kiosk holds: a gate paired live, or an office whose file was
    -- taken in. label: what the officer reads ('Gerbang 2', an OPD's name). The key is the one
    -- its chain heads are signed with; a second key for the same kiosk is refused, not swapped.
    CREATE TABLE peer (
      kiosk_id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      public_key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      joined_by TEXT NOT NULL CHECK (joined_by IN ('live', 'berkas')),
      joined_at TEXT NOT NULL,
      revoked_at TEXT,
      last_seen TEXT
    ) STRICT;

    -- A peer's log entries exactly as its chain holds them (docs/log-format.md), so the hub can
    -- recompute every hash. entry_kiosk_id: the entry's own kiosk_id column (null for facts its
    -- migration carried over). Segments may arrive out of order (files): a gap in seq is allowed,
    -- a link that disagrees with its neighbour is not (hub/merge.ts).
    CREATE TABLE peer_entry (
      kiosk_id TEXT NOT NULL REFERENCES peer(kiosk_id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      entry_kiosk_id TEXT,
      body TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      received_at TEXT NOT NULL,
      PRIMARY KEY (kiosk_id, seq)
    ) STRICT;
    -- The merge settles one person at a time over every arrival of theirs, cancelled or not:
    -- the partial index checkin_once covers only the live ones.
    CREATE INDEX checkin_person ON checkin(ceremony_id, nip);

    CREATE TRIGGER peer_entry_no_update BEFORE UPDATE ON peer_entry
      BEGIN SELECT RAISE(ABORT, 'Log kiosk lain yang diterima tidak boleh diubah.'); END;
    CREATE TRIGGER peer_entry_no_delete BEFORE DELETE ON peer_entry
      BEGIN SELECT RAISE(ABORT, 'Log kiosk lain yang diterima tidak boleh dihapus.'); END;
  `,
  run: (db) => {
    // Ceremonies made before this version get an id minted from their own creation time.
    const rows = db.prepare('SELECT id, created_at FROM ceremony ORDER BY id').all() as {
      id: number
      created_at: string
    }[]
    const set = db.prepare('UPDATE ceremony SET global_id = ? WHERE id = ?')
    for (const r of rows) {
      const ms = Date.parse(r.created_at)
      set.run(uuidv7(Number.isFinite(ms) ? ms : 0), r.id)
    }
    db.exec('CREATE UNIQUE INDEX ceremony_global_id ON ceremony(global_id)')
  },
}
