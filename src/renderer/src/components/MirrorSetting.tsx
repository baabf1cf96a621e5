import { useState } from 'react'
import { api } from '../api'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'

/**
 * "Layar dicerminkan ke proyektor": when the kiosk's screen is what the field sees, latecomers'
 * names must not appear on it during the ikrar. The OS sometimes tells (two displays on the
 * same spot); when it does not, the officer says so here.
 */
export function MirrorSetting() {
  const state = useKiosk('ikrar.mirror')
  const action = useAction()
  // Shown at once while main stores it; put back if main refuses.
  const [pending, setPending] = useState<boolean | null>(null)
  const change = async (mirrored: boolean) => {
    setPending(mirrored)
    const saved = await action.run(async () => {
      await api('ikrar.setMirror', { mirrored })
      return null
    }, [keys.call('ikrar.mirror')])
    if (!saved) setPending(null)
  }
  return (
    <div className="card" aria-label="Layar proyektor" role="group">
      <h2>Layar proyektor</h2>
      {action.notice}
      <label className="inline">
        <input
          type="checkbox"
          checked={pending ?? state.data?.setting ?? false}
          disabled={!state.data}
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        Layar dicerminkan ke proyektor
      </label>
      <p className="muted">
        Saat ikrar dibacakan, nama yang baru hadir hanya tampil di layar petugas, tidak di layar
        yang dilihat peserta.
        {state.data?.detected && ' Kiosk mendeteksi layar yang dicerminkan saat ini.'}
      </p>
    </div>
  )
}
