import { useState } from 'react'
import { KIOSK_ROLES, type KioskRole } from '../../../shared/contract/hub'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { ROLE_CHOICES } from './roles'

/**
 * "Peran kiosk" in Pengaturan (behind the PIN, as the whole screen is): standalone, hub or gate.
 * Main stops hub mode when a hub becomes something else; a gate keeps its pairing.
 */
export function RoleSetting({ openNetwork }: { openNetwork: () => void }) {
  const status = useKiosk('hub.status')
  const action = useAction()
  // Shown at once while main stores it; put back if main refuses (or the PIN is not given).
  const [pending, setPending] = useState<KioskRole | null>(null)
  const role = pending ?? status.data?.role
  const choose = async (next: KioskRole) => {
    setPending(next)
    await action.run(async () => {
      await api('hub.setRole', { role: next })
      return `Peran kiosk: ${ROLE_CHOICES[next].name}.`
    })
    setPending(null)
  }
  return (
    <div className="card role-setting" role="group" aria-label="Peran kiosk">
      <div className="toolbar">
        <h2>Peran kiosk</h2>
        {role && role !== 'mandiri' && (
          <button onClick={openNetwork}>
            {role === 'induk' ? 'Buka layar kiosk induk' : 'Buka layar kiosk gerbang'}
          </button>
        )}
      </div>
      {action.notice}
      {status.error && <p className="bad">{status.error.message}</p>}
      <div className="role-choices">
        {KIOSK_ROLES.map((r) => (
          <label key={r} className="role-choice" data-testid={`role-${r}`}>
            <input
              type="radio"
              name="kiosk-role"
              value={r}
              checked={role === r}
              disabled={!status.data || action.busy}
              onChange={() => void choose(r)}
            />
            <span>
              <strong>{ROLE_CHOICES[r].name}</strong>
              <span className="muted">{ROLE_CHOICES[r].meaning}</span>
            </span>
          </label>
        ))}
      </div>
      {role === 'induk' && status.data?.hub?.listening && (
        <p className="muted">
          Mode induk sedang menyala; memilih peran lain mematikannya dan gerbang tidak bisa mengirim
          sampai dinyalakan lagi.
        </p>
      )}
    </div>
  )
}
