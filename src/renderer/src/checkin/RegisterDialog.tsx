import { useState, type FormEvent } from 'react'
import type { RecordedOutcome } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { api } from '../api'
import { NameAndOpd } from '../components/NameAndOpd'
import { Notice } from '../components/Notice'
import { useCall } from '../hooks/useCall'

/**
 * Puts an unknown NIP on the roster from the gate: name and OPD, behind the officer PIN. The
 * arrival already kept for review then counts in that OPD. A dialog of its own, so the banner
 * fading does not take the form away while the officer types.
 */
export function RegisterDialog({
  nip,
  onRegistered,
  onClose,
}: {
  nip: string
  onRegistered: (arrival: RecordedOutcome | null) => void
  onClose: () => void
}) {
  const opd = useCall('roster.listOpd')
  const [name, setName] = useState('')
  const [opdId, setOpdId] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (opdId === null) return setError('Pilih OPD pegawai ini.')
    setBusy(true)
    try {
      const r = await api('checkin.registerUnknown', { nip, name, opdId })
      onRegistered(r.arrival)
      if (r.arrival) return onClose()
      setDone(`${r.employee.name} masuk data pegawai. Pindai ulang kartunya untuk mencatat hadir.`)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="modal-backdrop register-backdrop">
      <form className="card modal form" onSubmit={submit} aria-label="Daftarkan NIP">
        <h3>Daftarkan NIP {formatNip(nip)}</h3>
        <p>Kehadirannya yang sudah dicatat akan dihitung di OPD yang dipilih.</p>
        {error && <Notice kind="error">{error}</Notice>}
        {done ? (
          <Notice kind="ok">{done}</Notice>
        ) : (
          <>
            <NameAndOpd
              name={name}
              onName={setName}
              opdId={opdId}
              onOpd={setOpdId}
              opd={opd.data ?? []}
            />
          </>
        )}
        <div className="actions">
          {!done && (
            <button className="primary" type="submit" disabled={busy}>
              Daftarkan
            </button>
          )}
          <button type="button" onClick={onClose}>
            {done ? 'Tutup' : 'Batal'}
          </button>
        </div>
      </form>
    </div>
  )
}
