// A gate takes its hub's ceremony: the roster through the import's own path (logged as a
// roster import), the ceremony under the hub's global id (so the hub maps this gate's arrivals
// to its own), its ikrar text, and makes it the one the gate runs. All of it or none.
import { createCeremony, setActiveCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { saveIkrarCopy } from '../ikrar/repository'
import { canonicalJson } from '../log/canonical'
import { sha256Hex } from '../log/append'
import { applyImport } from '../roster/import'
import { opdKey } from '../roster/opd-key'
import { ensureOpd } from '../roster/repository'
import type { RosterRow } from '../roster/parse-roster'
import type { AcaraResponse } from '../hub/wire'

export function takeAcara(
  db: Db,
  acara: AcaraResponse,
  from: { label: string; kioskId: string; now: Date },
): { ceremonyId: number; employees: number } {
  return db
    .transaction(() => {
      const rows: RosterRow[] = acara.roster.map((r, i) => ({
        ...r,
        row: i + 1,
        opdKey: opdKey(r.opdName),
      }))
      applyImport(db, {
        rows,
        held: [],
        file: {
          fileName: `Kiosk induk (${from.label})`,
          fileSha256: sha256Hex(canonicalJson(acara.roster)),
          rejected: 0,
        },
        removeDemo: false,
        now: from.now,
        kioskId: from.kioskId,
      })
      const { globalId, opdNames, ...fields } = acara.ceremony
      const existing = db
        .prepare('SELECT id FROM ceremony WHERE global_id = ?')
        .pluck()
        .get(globalId) as number | undefined
      const ceremonyId =
        existing ??
        createCeremony(
          db,
          from.now,
          { ...fields, opdIds: opdNames?.map((n) => ensureOpd(db, n)) ?? null },
          globalId,
        ).id
      saveIkrarCopy(db, from.now, ceremonyId, acara.ikrar)
      setActiveCeremony(db, ceremonyId, from.now)
      return { ceremonyId, employees: rows.length }
    })
    .immediate()
}
