// A gate takes its hub's ceremony as a package (src/main/paket/contents.ts): the roster
// through the import's own path (logged as a roster import), the ceremony under the hub's
// global id (so the hub maps this gate's arrivals to its own), its ikrar text; then makes it
// the one the gate runs. All of it or none.
import { setActiveCeremony } from '../ceremony/repository'
import type { Db } from '../db/connection'
import { canonicalJson } from '../log/canonical'
import { sha256Hex } from '../log/append'
import { runPackage } from '../paket/contents'
import type { CeremonyPackage } from '../paket/format'

export function takeAcara(
  db: Db,
  acara: CeremonyPackage,
  from: { label: string; kioskId: string; now: Date },
): { ceremonyId: number; employees: number } {
  return db
    .transaction(() => {
      const file = {
        fileName: `Kiosk induk (${from.label})`,
        fileSha256: sha256Hex(canonicalJson(acara.roster)),
      }
      const ceremonyId = runPackage(db, acara, { ...from, file, removeDemo: false })
      setActiveCeremony(db, ceremonyId, from.now)
      return { ceremonyId, employees: acara.roster.length }
    })
    .immediate()
}
