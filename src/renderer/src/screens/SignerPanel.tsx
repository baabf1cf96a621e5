import { useState } from 'react'
import type { Signer } from '../../../shared/signer'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { useAction, useKiosk } from '../data/query'

const BLANK: Signer = { title: '', name: '', pangkat: '', nip: '' }

/**
 * Who signs one export block: the title as written ("Plt. Camat Kota"), name, pangkat, NIP.
 * Left empty, the title derived from the OPD prints with dotted lines for name and NIP.
 * `key` it by the OPD so switching OPD starts from that OPD's stored values.
 */
function SignerForm(props: {
  label: string
  opdId: number | null
  derivedTitle: string
  stored: Signer | null
  /** Resolves true once saved; the panel tells the success, as it outlives this form. */
  onSave: (opdId: number | null, signer: Signer, text: string) => Promise<boolean>
  /** Why main refused the last save: shown in the form, beside the fields to fix. */
  error: string | null
}) {
  const [s, setS] = useState<Signer>(props.stored ?? BLANK)
  const field = (key: keyof Signer) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setS({ ...s, [key]: e.target.value })
  const save = async (signer: Signer, text: string) => {
    if (await props.onSave(props.opdId, signer, text)) setS(signer)
  }
  return (
    <form
      className="form"
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault()
        // Only a name or NIP typed: the derived title is the one they go with.
        const signer = { ...s, title: s.title.trim() || props.derivedTitle }
        void save(signer, `Penanda tangan disimpan: ${signer.title}.`)
      }}
    >
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <label>
        Jabatan penanda tangan (tulis seperti di dokumen, mis. "Plt. {props.derivedTitle}")
        <input
          value={s.title}
          onChange={field('title')}
          placeholder={props.derivedTitle}
          maxLength={200}
        />
      </label>
      <label>
        Nama (kosong: garis titik-titik untuk ditulis tangan)
        <input value={s.name} onChange={field('name')} maxLength={120} />
      </label>
      <label>
        Pangkat/Golongan
        <input value={s.pangkat} onChange={field('pangkat')} maxLength={80} />
      </label>
      <label>
        NIP
        <input value={s.nip} onChange={field('nip')} inputMode="numeric" maxLength={40} />
      </label>
      <div className="actions">
        <button
          className="primary"
          type="submit"
          disabled={!Object.values(s).some((v) => v.trim())}
        >
          Simpan penanda tangan
        </button>
        <button
          type="button"
          onClick={() =>
            void save(BLANK, `Penanda tangan kembali ke bawaan: ${props.derivedTitle}.`)
          }
        >
          Kembalikan ke bawaan
        </button>
      </div>
    </form>
  )
}

/** The list re-reads itself on main's `roster.changed`, which `signer.set` declares. */
function useSigners() {
  const signers = useKiosk('signer.list')
  const action = useAction()
  const onSave = (opdId: number | null, signer: Signer, text: string) =>
    action.run(async () => {
      await api('signer.set', { opdId, ...signer })
      return text
    })
  const said = action.message
  return {
    signers,
    onSave,
    done: said?.kind === 'ok' ? <Notice kind="ok">{said.text}</Notice> : null,
    error: said?.kind === 'error' ? said.text : null,
  }
}

function OpdSigners() {
  const { signers, done, error, onSave } = useSigners()
  const [opdId, setOpdId] = useState<number | null>(null)
  const list = signers.data?.opd ?? []
  const chosen = list.find((o) => o.opdId === opdId) ?? list[0]
  if (signers.error) return <Notice kind="error">{signers.error.message}</Notice>
  if (!chosen) return <p className="muted">Belum ada OPD; impor data pegawai dahulu.</p>
  return (
    <>
      {done}
      <label>
        OPD{' '}
        <select
          aria-label="OPD penanda tangan"
          value={chosen.opdId}
          onChange={(e) => setOpdId(Number(e.target.value))}
        >
          {list.map((o) => (
            <option key={o.opdId} value={o.opdId}>
              {o.opdName}
              {o.signer ? ` — ${o.signer.title}` : ''}
            </option>
          ))}
        </select>
      </label>
      <SignerForm
        key={`${chosen.opdId}-${chosen.signer?.title ?? ''}`}
        label={`Penanda tangan ${chosen.opdName}`}
        opdId={chosen.opdId}
        derivedTitle={chosen.derivedTitle}
        stored={chosen.signer}
        onSave={onSave}
        error={error}
      />
    </>
  )
}

/** For the roster screen: who signs each OPD's daftar hadir. Loads (and asks the PIN) when opened. */
export function OpdSignerPanel() {
  const [open, setOpen] = useState(false)
  return (
    <details className="card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Penanda tangan daftar hadir per OPD</summary>
      <p className="muted">
        Dicetak di bawah daftar hadir tiap OPD: "Mengetahui," lalu jabatan, nama, pangkat dan NIP.
        Tanpa isian, jabatan mengikuti jenis OPD (Camat, Lurah, Inspektur, Kepala …).
      </p>
      {open && <OpdSigners />}
    </details>
  )
}

/** For the settings screen: the head of BKPSDM, who signs the recap. */
export function RecapSignerCard() {
  const { signers, done, error, onSave } = useSigners()
  const recap = signers.data?.recap
  return (
    <div className="card">
      <h2>Penanda tangan rekap</h2>
      <p className="muted">Dicetak di bawah rekapitulasi semua OPD (Kepala BKPSDM/BKD/BKPP).</p>
      {signers.error && <Notice kind="error">{signers.error.message}</Notice>}
      {done}
      {recap && (
        <SignerForm
          key={recap.signer?.title ?? ''}
          label="Penanda tangan rekap"
          opdId={null}
          derivedTitle={recap.derivedTitle}
          stored={recap.signer}
          onSave={onSave}
          error={error}
        />
      )}
    </div>
  )
}
