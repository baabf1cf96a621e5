import { useState } from 'react'
import { MAX_LOGO_BYTES, type CardIdentity } from '../../../shared/contract/roster'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useCall } from '../hooks/useCall'
import { Notice } from './Notice'

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error(`Berkas ${file.name} tidak bisa dibaca.`))
    reader.readAsDataURL(file)
  })

/** The agency name and logo printed on every QR card; behind the PIN like all settings. */
export function CardIdentitySetting() {
  const saved = useCall('roster.cardIdentity')
  const [message, setMessage] = useState<Message>(null)
  if (!saved.data) return null
  // A fresh form for each saved value, so it always starts from what is stored.
  return (
    <CardIdentityForm
      key={`${saved.data.instansi}|${saved.data.logo?.length ?? 0}`}
      saved={saved.data}
      message={message}
      setMessage={setMessage}
      onSaved={saved.reload}
    />
  )
}

type Message = { kind: 'ok' | 'error'; text: string } | null

function CardIdentityForm({
  saved,
  message,
  setMessage,
  onSaved,
}: {
  saved: CardIdentity
  message: Message
  setMessage: (m: Message) => void
  onSaved: () => void
}) {
  const [instansi, setInstansi] = useState(saved.instansi)
  const [logo, setLogo] = useState<string | null>(saved.logo)

  const pick = async (file: File | undefined) => {
    if (!file) return
    // Said here at once for an obviously large file; main checks the PNG itself.
    if (file.size > MAX_LOGO_BYTES) {
      setMessage({
        kind: 'error',
        text: `Logo tidak bisa dipakai: ${file.name} berukuran ${formatCount(Math.ceil(file.size / 1024))} KB, paling besar ${formatCount(MAX_LOGO_BYTES / 1024)} KB.`,
      })
      return
    }
    try {
      setLogo(await readAsDataUrl(file))
      setMessage(null)
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }
  const save = async (event: React.FormEvent) => {
    event.preventDefault()
    try {
      await api('roster.setCardIdentity', { instansi, logo })
      setMessage({ kind: 'ok', text: 'Identitas kartu QR disimpan.' })
      onSaved()
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message })
    }
  }
  return (
    <form className="card form" onSubmit={save} aria-label="Identitas kartu QR">
      <h2>Kartu QR</h2>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <label>
        Nama instansi di kartu (boleh kosong)
        <input
          value={instansi}
          maxLength={200}
          placeholder="Pemerintah Kabupaten …"
          onChange={(e) => setInstansi(e.target.value)}
        />
      </label>
      <label>
        Logo (PNG, paling besar {formatCount(MAX_LOGO_BYTES / 1024)} KB)
        <input type="file" accept="image/png" onChange={(e) => void pick(e.target.files?.[0])} />
      </label>
      {logo && (
        <div className="actions">
          <img className="card-logo-preview" src={logo} alt="Logo di kartu" />
          <button type="button" onClick={() => setLogo(null)}>
            Hapus logo
          </button>
        </div>
      )}
      <div className="actions">
        <button className="primary" type="submit">
          Simpan identitas kartu
        </button>
      </div>
    </form>
  )
}
