import { useState } from 'react'
import { NEW_PIN } from '../../../shared/contract/auth'
import { api } from '../api'
import { useAction } from '../data/query'

/** The officer chooses the PIN that guards settings, undo, roster and export: first, or anew. */
export function SetPinCard({
  title = 'Buat PIN petugas',
  onDone,
}: {
  title?: string
  /** After the PIN is saved (the lock state follows main's `auth.changed` by itself). */
  onDone?: () => void
}) {
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const action = useAction()
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    if (pin !== again) return action.say({ kind: 'error', text: 'Kedua PIN tidak sama.' })
    void action.run(async () => {
      await api('auth.setPin', { pin })
      setPin('')
      setAgain('')
      onDone?.()
      return null
    })
  }
  return (
    <form className="card form" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <p className="muted">
        PIN melindungi pengaturan, pembatalan catatan, data pegawai, dan ekspor. Pemindaian tidak
        memerlukan PIN.
      </p>
      {action.notice}
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
      <button className="primary" type="submit" disabled={action.busy}>
        Simpan PIN
      </button>
    </form>
  )
}
