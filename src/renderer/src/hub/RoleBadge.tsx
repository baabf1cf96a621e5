import { useKiosk } from '../data/query'
import { badgeText } from './roles'

/**
 * On every screen, in the header: which kiosk this is in the apel ("Mandiri", "Kiosk induk",
 * "Gerbang 2") and, for a gate, whether its scans reach the hub. Main's `hub.changed` and
 * `gate.link` keep it current. A hub or a gate opens its network screen from here.
 */
export function RoleBadge({ open }: { open: () => void }) {
  const status = useKiosk('hub.status').data
  if (!status) return null
  const { title, state } = badgeText(status)
  const link = status.role === 'gerbang' ? status.gate : null
  const tone = link?.paired ? (link.online ? 'online' : 'offline') : status.role
  const text = (
    <>
      <strong>{title}</strong>
      {state && <span className="role-state">{state}</span>}
    </>
  )
  return status.role === 'mandiri' ? (
    <span className="role-badge" data-testid="role-badge" data-role={status.role}>
      {text}
    </span>
  ) : (
    <button
      className={`role-badge role-${tone}`}
      data-testid="role-badge"
      data-role={status.role}
      title="Buka layar jaringan"
      onClick={open}
    >
      {text}
    </button>
  )
}
