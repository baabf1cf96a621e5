import { useState } from 'react'
import { JENIS_PEGAWAI, type Employee, type JenisPegawai, type Opd } from '../../../shared/domain'
import { api } from '../api'
import { NameAndOpd } from '../components/NameAndOpd'
import { useAction } from '../data/query'

interface Props {
  /** null: a new non-ASN employee, who gets an ID from the kiosk. */
  employee: Employee | null
  opd: Opd[]
  onDone: (message: string | null) => void
}

export function EmployeeForm({ employee, opd, onDone }: Props) {
  const [name, setName] = useState(employee?.name ?? '')
  const [opdId, setOpdId] = useState(employee?.opdId ?? opd[0]!.id)
  const [jabatan, setJabatan] = useState(employee?.jabatan ?? '')
  const [pangkat, setPangkat] = useState(employee?.pangkat ?? '')
  const [jenis, setJenis] = useState<JenisPegawai>(employee?.jenis ?? 'NON_ASN')
  const [active, setActive] = useState(employee?.active ?? true)
  // Only a refusal shows here; the roster screen tells the success (this form closes).
  const action = useAction()

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    void action.run(async () => {
      const fields = { name, opdId, jabatan, pangkat }
      if (employee) {
        await api('roster.update', { ...fields, id: employee.id, jenis, active })
        onDone(`Data ${name} disimpan.`)
      } else {
        const added = await api('roster.addNonAsn', fields)
        onDone(`${added.name} ditambahkan dengan ID ${added.nip}.`)
      }
      return null
    })
  }

  return (
    <form
      className="card form"
      onSubmit={save}
      aria-label={employee ? 'Ubah pegawai' : 'Tambah pegawai non-ASN'}
    >
      <h3>{employee ? `Ubah ${employee.nip}` : 'Tambah pegawai non-ASN (ID dibuat otomatis)'}</h3>
      {action.notice}
      <NameAndOpd
        name={name}
        onName={setName}
        opdId={opdId}
        onOpd={(id) => id !== null && setOpdId(id)}
        opd={opd}
      />
      <label>
        Jabatan
        <input value={jabatan} onChange={(e) => setJabatan(e.target.value)} maxLength={200} />
      </label>
      <label>
        Pangkat/Golongan
        <input value={pangkat} onChange={(e) => setPangkat(e.target.value)} maxLength={100} />
      </label>
      {employee && (
        <>
          <label>
            Jenis
            <select value={jenis} onChange={(e) => setJenis(e.target.value as JenisPegawai)}>
              {JENIS_PEGAWAI.map((j) => (
                <option key={j} value={j}>
                  {j === 'NON_ASN' ? 'Non-ASN' : j}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
            Aktif
          </label>
        </>
      )}
      <div className="actions">
        <button className="primary" type="submit" disabled={action.busy}>
          Simpan
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Batal
        </button>
      </div>
    </form>
  )
}
