import { useEffect, useRef, useState } from 'react'
import { api, setPinPrompt } from '../api'

/**
 * The officer PIN prompt, shown whenever a guarded call finds the kiosk locked. Lives once at
 * the top of the app; screens never deal with it (main's `auth.changed` updates the lock state).
 */
export function PinDialog() {
  const [open, setOpen] = useState(false)
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const settle = useRef<((ok: boolean) => void) | null>(null)

  useEffect(() => {
    setPinPrompt(
      () =>
        new Promise<boolean>((resolve) => {
          settle.current?.(false)
          settle.current = resolve
          setPin('')
          setError(null)
          setOpen(true)
        }),
    )
    return () => setPinPrompt(null)
  }, [])

  const close = (ok: boolean) => {
    setOpen(false)
    settle.current?.(ok)
    settle.current = null
  }
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    try {
      await api('auth.unlock', { pin })
      close(true)
    } catch (e) {
      setPin('')
      setError((e as Error).message)
    }
  }

  if (!open) return null
  return (
    <div className="modal-backdrop">
      <form
        className="card modal"
        onSubmit={submit}
        aria-label="PIN petugas"
        // Keyboard use: Esc is "Batal", as in any dialog.
        onKeyDown={(e) => {
          if (e.key === 'Escape') close(false)
        }}
      >
        <h3>PIN petugas</h3>
        <p>Tindakan ini hanya untuk petugas.</p>
        {error && (
          <p className="bad" role="alert">
            {error}
          </p>
        )}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label="PIN"
          value={pin}
          maxLength={8}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          autoFocus
        />
        <div className="actions">
          <button className="primary" type="submit">
            Buka kunci
          </button>
          <button type="button" onClick={() => close(false)}>
            Batal
          </button>
        </div>
      </form>
    </div>
  )
}
