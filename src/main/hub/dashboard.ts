// The hub's combined picture: present/expected per OPD over every gate's arrivals (the same
// counts as the gate screen's, from checkin/dashboard.ts), and one row per source of arrivals.
import type { GateRow, HubDashboard } from '../../shared/contract/hub'
import { maskNip } from '../../shared/nip'
import { dashboard } from '../checkin/dashboard'
import type { Db } from '../db/connection'
import { fingerprintOf } from '../keys/signature'
import { HUB_LABEL } from './kiosk-label'
import { MERGE_CANCELLED_BY } from './merge'
import { listGates } from './gates'

/** A gate heard from within this long is online (it calls at least every 10 s). */
export const ONLINE_WITHIN_MS = 30_000
const RATE_WINDOW_MS = 5 * 60_000

export function hubDashboard(
  db: Db,
  hub: { kioskId: string; publicKey: string; now: Date },
): HubDashboard {
  const d = dashboard(db, null, 0)
  const now = hub.now.getTime()
  if (!d) return { ceremony: null, present: 0, expected: 0, perOpd: [], gates: [], duplicates: [] }
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT kiosk_id AS kioskId, count(*) AS present, sum(scanned_at >= ?) AS recent
           FROM checkin WHERE ceremony_id = ? AND cancelled_at IS NULL GROUP BY kiosk_id`,
        )
        .all(new Date(now - RATE_WINDOW_MS).toISOString(), d.ceremony.id) as {
        kioskId: string
        present: number
        recent: number
      }[]
    ).map((r) => [r.kioskId, r]),
  )
  const rate = (id: string) => Math.round(((counts.get(id)?.recent ?? 0) / 5) * 10) / 10
  const own: GateRow = {
    kioskId: hub.kioskId,
    label: HUB_LABEL,
    isHub: true,
    fingerprint: fingerprintOf(hub.publicKey),
    online: true,
    lastSeen: hub.now.toISOString(),
    backlog: null,
    offsetMs: null,
    present: counts.get(hub.kioskId)?.present ?? 0,
    perMinute: rate(hub.kioskId),
    revoked: false,
  }
  const gates = listGates(db).map((g): GateRow => ({
    kioskId: g.kioskId,
    label: g.label,
    isHub: false,
    fingerprint: g.fingerprint,
    online:
      g.revokedAt === null &&
      g.lastSeen !== null &&
      now - Date.parse(g.lastSeen) <= ONLINE_WITHIN_MS,
    lastSeen: g.lastSeen,
    backlog: g.backlog,
    offsetMs: g.offsetMs,
    present: counts.get(g.kioskId)?.present ?? 0,
    perMinute: rate(g.kioskId),
    revoked: g.revokedAt !== null,
  }))
  return {
    ceremony: {
      id: d.ceremony.id,
      globalId: ceremonyGlobalId(db, d.ceremony.id),
      name: d.ceremony.name,
    },
    present: d.present,
    expected: d.expected,
    perOpd: d.perOpd,
    gates: [own, ...gates],
    duplicates: duplicatesOf(db, d.ceremony.id),
  }
}

function ceremonyGlobalId(db: Db, id: number): string | null {
  return (
    (db.prepare('SELECT global_id FROM ceremony WHERE id = ?').pluck().get(id) as string | null) ??
    null
  )
}

/**
 * Arrivals the merge set aside (a person scanned at two gates), newest first, with who counted.
 * `cancelled_by` is written into the SQL, not bound: only then can the planner read them
 * through the partial index checkin_set_aside instead of every arrival.
 */
function duplicatesOf(db: Db, ceremonyId: number): HubDashboard['duplicates'] {
  const rows = db
    .prepare(
      `SELECT r.nip, r.scanned_at AS laterAt, coalesce(pr.label, ?) AS laterLabel,
         k.scanned_at AS keptAt, coalesce(pk.label, ?) AS keptLabel
       FROM checkin r
       JOIN checkin k ON k.ceremony_id = r.ceremony_id AND k.nip = r.nip AND k.cancelled_at IS NULL
       LEFT JOIN peer pr ON pr.kiosk_id = r.kiosk_id LEFT JOIN peer pk ON pk.kiosk_id = k.kiosk_id
       WHERE r.ceremony_id = ? AND r.cancelled_by = '${MERGE_CANCELLED_BY}'
       ORDER BY r.scanned_at DESC LIMIT 50`,
    )
    .all(HUB_LABEL, HUB_LABEL, ceremonyId) as HubDashboard['duplicates']
  // Masked here, not on the screen: the call needs no PIN, so a whole NIP must never cross it.
  return rows.map((r) => ({ ...r, nip: maskNip(r.nip) }))
}
