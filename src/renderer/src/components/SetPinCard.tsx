import { useState } from 'react'
import { NEW_PIN } from '../../../shared/contract/auth'
import { api } from '../api'
import { Notice } from './Notice'

/** The officer chooses the PIN that guards settings, undo, roster and export: first, or anew. */
export function SetPinCard({
  title = 'Buat PIN petugas',
  onDone,
}: {
  title?: string
  onDone: () => void
}) {
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (pin !== again) {
      setError('Kedua PIN tidak sama.')
      return
    }
    try {
      await api('auth.setPin', { pin })
      setPin('')
      setAgain('')
      setError(null)
      onDone()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <form className="card form" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <p className="muted">
        PIN melindungi pengaturan, pembatalan catatan, data pegawai, dan ekspor. Pemindaian tidak
        memerlukan PIN.
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      <label>
        PIN baru ({NEW_PIN.min}–{NEW_PIN.max} angka)
        <input
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          maxLength={NEW_PIN.max}
          autoComplete="new-password"
        />
      </label>
      <label>
        Ulangi PIN
        <input
          type="password"
          inputMode="numeric"
          value={again}
          onChange={(e) => setAgain(e.target.value.replace(/\D/g, ''))}
          maxLength={NEW_PIN.max}
          autoComplete="new-password"
        />
      </label>
      <button className="primary" type="submit">
        Simpan PIN
      </button>
    </form>
  )
}
