import { ProjectorCount } from '../hub/ProjectorCount'
import { ReadingView } from './ReadingView'
import { useReading } from './useReading'

/**
 * The projector window: the reading when one runs, a quiet screen otherwise (at a hub, with the
 * combined count). It only follows; the kiosk window (keys, clicker, buttons) leads.
 */
export function PresenterScreen() {
  const { reading } = useReading()
  if (reading) return <ReadingView reading={reading} />
  return (
    <div className="ikrar-reading ikrar-idle" data-testid="ikrar-idle">
      <p>Apel Netralitas ASN</p>
      <ProjectorCount />
    </div>
  )
}
