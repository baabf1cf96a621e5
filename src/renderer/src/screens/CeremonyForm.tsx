import { useState } from 'react'
import type { CeremonyFields } from '../../../shared/contract/ceremony'
import type { Ceremony, Opd } from '../../../shared/domain'
import { proposeElection } from '../../../shared/election'
import { TIME_ZONES, TIME_ZONE_IDS, type TimeZoneId } from '../../../shared/time'

interface Props {
  ceremony: Ceremony | null
  opd: Opd[]
  onSave: (fields: CeremonyFields) => void
  onCancel: () => void
}

const today = () => new Date().toLocaleDateString('sv-SE')

export function CeremonyForm({ ceremony: c, opd, onSave, onCancel }: Props) {
  const [name, setName] = useState(c?.name ?? 'Apel Netralitas ASN')
  const [date, setDate] = useState(c?.date ?? today())
  const [startTime, setStartTime] = useState(c?.startTime ?? '07:30')
  const [lateTime, setLateTime] = useState(c?.lateTime ?? '07:45')
  const [place, setPlace] = useState(c?.place ?? '')
  const [timeZone, setTimeZone] = useState<TimeZoneId>(c?.timeZone ?? 'Asia/Jakarta')
  const [allOpd, setAllOpd] = useState(c ? c.opdIds === null : true)
  const [chosen, setChosen] = useState<Set<number>>(new Set(c?.opdIds ?? []))
  const [unknownPolicy, setUnknownPolicy] = useState(c?.unknownPolicy ?? 'review')
  // Proposed from the date until the officer types their own; a saved one is theirs.
  const [election, setElection] = useState(c?.election || proposeElection(date))
  const [electionTyped, setElectionTyped] = useState(Boolean(c?.election))
  const changeDate = (value: string) => {
    setDate(value)
    if (!electionTyped && value) setElection(proposeElection(value))
  }

  const toggle = (id: number) => {
    const next = new Set(chosen)
    if (!next.delete(id)) next.add(id)
    setChosen(next)
  }
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    onSave({
      name,
      date,
      startTime,
      lateTime,
      place,
      timeZone,
      opdIds: allOpd ? null : [...chosen],
      unknownPolicy,
      election,
    })
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Data acara">
      <h3>{c ? 'Ubah acara' : 'Acara baru'}</h3>
      <label>
        Nama acara
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <div className="row">
        <label>
          Tanggal
          <input type="date" value={date} onChange={(e) => changeDate(e.target.value)} required />
        </label>
        <label>
          Jam mulai
          <input
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            required
          />
        </label>
        <label>
          Terlambat setelah
          <input
            type="time"
            value={lateTime}
            onChange={(e) => setLateTime(e.target.value)}
            required
          />
        </label>
        <label>
          Zona waktu
          <select value={timeZone} onChange={(e) => setTimeZone(e.target.value as TimeZoneId)}>
            {TIME_ZONE_IDS.map((z) => (
              <option key={z} value={z}>
                {TIME_ZONES[z].label} ({z})
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Pemilihan (dibacakan di ikrar sebagai {'{pemilihan}'})
        <input
          value={election}
          onChange={(e) => {
            setElection(e.target.value)
            setElectionTyped(true)
          }}
          maxLength={200}
          placeholder="Pilkada Serentak Tahun 2024"
        />
      </label>
      <label>
        Tempat
        <input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} />
      </label>
      <fieldset>
        <legend>OPD yang wajib hadir</legend>
        <label className="inline">
          <input type="radio" checked={allOpd} onChange={() => setAllOpd(true)} /> Semua OPD
        </label>
        <label className="inline">
          <input type="radio" checked={!allOpd} onChange={() => setAllOpd(false)} /> OPD tertentu
        </label>
        {!allOpd && (
          <div className="opd-picks">
            {opd.map((o) => (
              <label key={o.id} className="inline">
                <input type="checkbox" checked={chosen.has(o.id)} onChange={() => toggle(o.id)} />{' '}
                {o.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>NIP yang tidak ada di data pegawai</legend>
        <label className="inline">
          <input
            type="radio"
            checked={unknownPolicy === 'review'}
            onChange={() => setUnknownPolicy('review')}
          />{' '}
          Catat untuk diperiksa
        </label>
        <label className="inline">
          <input
            type="radio"
            checked={unknownPolicy === 'refuse'}
            onChange={() => setUnknownPolicy('refuse')}
          />{' '}
          Tolak
        </label>
      </fieldset>
      <div className="actions">
        <button className="primary" type="submit">
          Simpan acara
        </button>
        <button type="button" onClick={onCancel}>
          Batal
        </button>
      </div>
    </form>
  )
}
