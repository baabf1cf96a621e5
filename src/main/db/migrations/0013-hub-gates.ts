import type { Migration } from './types'

export const hubGates: Migration = {
  // Positional: the lead renumbers at merge (the file keeps the number it was given).
  version: 13,
  name: 'hub-gates',
  sql: `
    -- At a hub: a gate paired live (its peer row, from 0012, holds the label and key). number:
    -- the N of "Gerbang N", given once. Only the SHA-256 of the gate's credential is kept, so a
    -- copy of this file cannot push as the gate. offset_ms: the gate's clock to the hub's, as
    -- the gate last measured it; backlog: what the gate said it still had to send.
    CREATE TABLE hub_gate (
      kiosk_id TEXT PRIMARY KEY REFERENCES peer(kiosk_id),
      number INTEGER NOT NULL UNIQUE CHECK (number > 0),
      credential_sha256 TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      offset_ms INTEGER,
      backlog INTEGER
    ) STRICT;

    -- At a gate: its one hub. The certificate is pinned (its PEM is the only trust anchor, its
    -- SHA-256 must match); ack_seq is the last entry of this kiosk's log the hub acknowledged,
    -- so the outbox is the log after it and a restart resumes from there.
    CREATE TABLE gate_link (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      hub_kiosk_id TEXT NOT NULL,
      address TEXT NOT NULL,
      port INTEGER NOT NULL,
      cert_pem TEXT NOT NULL,
      cert_sha256 TEXT NOT NULL,
      credential TEXT NOT NULL,
      label TEXT NOT NULL,
      paired_at TEXT NOT NULL,
      ack_seq INTEGER NOT NULL DEFAULT 0,
      offset_ms INTEGER,
      last_contact TEXT,
      ceremony_global_id TEXT
    ) STRICT;
  `,
}
