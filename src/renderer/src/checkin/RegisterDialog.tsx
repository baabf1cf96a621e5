import { useState, type FormEvent } from 'react'
import type { RecordedOutcome } from '../../../shared/domain'
import { formatNip } from '../../../shared/nip'
import { api } from '../api'
import { NameAndOpd } from '../components/NameAndOpd'
import { Notice } from '../components/Notice'
import { useAction, useKiosk } from '../data/query'

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
  const opd = useKiosk('roster.listOpd')
  const [name, setName] = useState('')
  const [opdId, setOpdId] = useState<number | null>(null)
  // Registering is a `roster.changed` from main: the gate's counts and lists follow by themselves.
  const action = useAction()
  const busy = action.busy
  const done = action.message?.kind === 'ok' ? action.message.text : null
  const error = action.message?.kind === 'error' ? action.message.text : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (opdId === null) return action.say({ kind: 'error', text: 'Pilih OPD pegawai ini.' })
    void action.run(async () => {
      const r = await api('checkin.registerUnknown', { nip, name, opdId })
      onRegistered(r.arrival)
      if (r.arrival) {
        onClose()
        return null
      }
      return `${r.employee.name} masuk data pegawai. Pindai ulang kartunya untuk mencatat hadir.`
    })
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
