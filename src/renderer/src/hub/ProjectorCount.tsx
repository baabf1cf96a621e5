import { formatCount } from '../../../shared/format'
import { useKiosk } from '../data/query'

/**
 * The projector between readings, at a hub: the combined count of every gate, for the field
 * to see the apel fill. Nothing at a standalone kiosk or a gate (their count is one gate's).
 */
export function ProjectorCount() {
  const role = useKiosk('hub.status').data?.role
  return role === 'induk' ? <HubCount /> : null
}

/** Its own component: the dashboard is read only where the kiosk is a hub. */
function HubCount() {
  const dash = useKiosk('hub.dashboard').data
  if (!dash?.ceremony) return null
  return (
    <p className="projector-count" data-testid="projector-count">
      Hadir {formatCount(dash.present)} dari {formatCount(dash.expected)} ASN, semua gerbang
    </p>
  )
}
