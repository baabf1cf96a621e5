import { useState } from 'react'
import { api } from '../api'
import { useCall } from '../hooks/useCall'
import { Notice } from './Notice'

/**
 * "Layar dicerminkan ke proyektor": when the kiosk's screen is what the field sees, latecomers'
 * names must not appear on it during the ikrar. The OS sometimes tells (two displays on the
 * same spot); when it does not, the officer says so here.
 */
export function MirrorSetting() {
  const state = useCall('ikrar.mirror')
  const [error, setError] = useState<string | null>(null)
  // Shown at once while main stores it; put back if main refuses.
  const [pending, setPending] = useState<boolean | null>(null)
  const change = async (mirrored: boolean) => {
    setPending(mirrored)
    try {
      await api('ikrar.setMirror', { mirrored })
      setError(null)
      state.reload()
    } catch (e) {
      setPending(null)
      setError((e as Error).message)
    }
  }
  return (
    <div className="card" aria-label="Layar proyektor" role="group">
      <h2>Layar proyektor</h2>
      {error && <Notice kind="error">{error}</Notice>}
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
