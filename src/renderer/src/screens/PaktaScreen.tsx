import type { TimeZoneId } from '../../../shared/time'
import { Notice } from '../components/Notice'
import { useKiosk } from '../data/query'
import { PaktaEditor } from '../pakta/PaktaEditor'
import { PaktaTracking } from '../pakta/PaktaTracking'
import { ReceiveMode } from '../pakta/ReceiveMode'

/**
 * The pakta integritas of the active ceremony: taking returned forms in, the counts per OPD
 * with who is outstanding, the forms and reminders to print, and the ceremony's text.
 */
export function PaktaScreen() {
  const ceremonies = useKiosk('ceremony.list')
  const ceremony = ceremonies.data?.find((c) => c.active)
  if (ceremonies.data && !ceremony) {
    return (
      <section className="screen">
        <Notice kind="info">Belum ada acara aktif. Buat atau pilih acara di menu Acara.</Notice>
      </section>
    )
  }
  if (!ceremony) return null
  return <ActivePakta ceremonyId={ceremony.id} name={ceremony.name} zone={ceremony.timeZone} />
}

function ActivePakta({
  ceremonyId,
  name,
  zone,
}: {
  ceremonyId: number
  name: string
  zone: TimeZoneId
}) {
  const tracking = useKiosk('pakta.tracking', { ceremonyId })
  const copy = useKiosk('pakta.get', { ceremonyId })
  return (
    <section className="screen pakta">
      <ReceiveMode zone={zone} ceremonyName={name} />
      {tracking.error && <Notice kind="error">{tracking.error.message}</Notice>}
      {tracking.data && <PaktaTracking tracking={tracking.data} />}
      {copy.data && <PaktaEditor key={`${ceremonyId}-${copy.data.updatedAt}`} copy={copy.data} />}
    </section>
  )
}
