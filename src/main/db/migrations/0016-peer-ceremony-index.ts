import type { Migration } from './types'

/**
 * Where a peer's ceremonies are found in its chain. Every push and every file maps the peer's
 * own ceremony id to this kiosk's ceremony through the peer's `ceremony.created` entry, and a
 * ceremony made here later looks for the peers that ran it by its global id: without these,
 * each was a walk over all of a peer's entries, growing with every scan pushed. Partial: only
 * the few `ceremony.created` rows are indexed, so storing a scan entry costs nothing more.
 */
export const peerCeremonyIndex: Migration = {
  version: 16,
  name: 'peer-ceremony-index',
  sql: `
    CREATE INDEX peer_entry_ceremony ON peer_entry(kiosk_id, json_extract(body, '$.ceremonyId'))
      WHERE kind = 'ceremony.created';
    CREATE INDEX peer_entry_global_id ON peer_entry(json_extract(body, '$.globalId'))
      WHERE kind = 'ceremony.created';
  `,
}
