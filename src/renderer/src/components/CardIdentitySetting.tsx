import { useState } from 'react'
import { MAX_LOGO_BYTES, type CardIdentity } from '../../../shared/contract/roster'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction, useKiosk, type NoticeText } from '../data/query'

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(new Error(`Berkas ${file.name} tidak bisa dibaca.`))
    reader.readAsDataURL(file)
  })

/** The agency name and logo printed on every QR card; behind the PIN like all settings. */
export function CardIdentitySetting() {
  // Saving is a `roster.changed` from main: the saved value re-reads itself.
  const saved = useKiosk('roster.cardIdentity')
  // Held here, above the form, which starts afresh for each saved value.
  const action = useAction()
  if (!saved.data) return null
  // A fresh form for each saved value, so it always starts from what is stored.
  return (
    <CardIdentityForm
      key={`${saved.data.instansi}|${saved.data.logo?.length ?? 0}`}
      saved={saved.data}
      action={action}
    />
  )
}

function CardIdentityForm({
  saved,
  action,
}: {
  saved: CardIdentity
  action: ReturnType<typeof useAction>
}) {
  const setMessage = (m: NoticeText | null) => action.say(m)
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
  const save = (event: React.FormEvent) => {
    event.preventDefault()
    void action.run(async () => {
      await api('roster.setCardIdentity', { instansi, logo })
      return 'Identitas kartu QR disimpan.'
    })
  }
  return (
    <form className="card form" onSubmit={save} aria-label="Identitas kartu QR">
      <h2>Kartu QR</h2>
      {action.notice}
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
        <button className="primary" type="submit" disabled={action.busy}>
          Simpan identitas kartu
        </button>
      </div>
    </form>
  )
}
