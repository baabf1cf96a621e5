import type { Migration } from './types'

export const hubNonce: Migration = {
  version: 17,
  name: 'hub-nonce',
  sql: `
    -- At a hub: the nonce of every push a gate made, written in the push's own transaction, so
    -- a request replayed after the hub restarted is refused as surely as one replayed before.
    -- received_at: ms, the hub's clock. Nonces older than the age a request may claim
    -- (hub/push.ts) are pruned when the hub starts listening.
    CREATE TABLE hub_nonce (
      kiosk_id TEXT NOT NULL REFERENCES hub_gate(kiosk_id),
      nonce TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (kiosk_id, nonce)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX hub_nonce_age ON hub_nonce(received_at);
  `,
}
