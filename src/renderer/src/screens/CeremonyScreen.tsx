import { useState } from 'react'
import type { CeremonyFields } from '../../../shared/contract/ceremony'
import type { Ceremony } from '../../../shared/domain'
import { formatDate, formatTime } from '../../../shared/time'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { useAction, useKiosk } from '../data/query'
import { CeremonyForm } from './CeremonyForm'

/**
 * Every change here is a `ceremony.changed` from main: the list and the app's status follow.
 * A ceremony just made active offers "Uji perangkat" (`openPreflight`), never forces it.
 */
export function CeremonyScreen({ openPreflight }: { openPreflight?: () => void } = {}) {
  const list = useKiosk('ceremony.list')
  const opd = useKiosk('roster.listOpd')
  const [editing, setEditing] = useState<Ceremony | 'new' | null>(null)
  const [activated, setActivated] = useState<string | null>(null)
  const action = useAction()
  const act = action.run

  const save = (fields: CeremonyFields) =>
    act(async () => {
      const saved =
        editing && editing !== 'new'
          ? await api('ceremony.update', { ...fields, id: editing.id })
          : await api('ceremony.create', fields)
      setEditing(null)
      // The first ceremony made becomes the active one by itself: the same offer.
      if (editing === 'new' && saved.active) setActivated(saved.name)
      return `Acara "${saved.name}" disimpan.`
    })

  return (
    <section className="screen ceremonies">
      <div className="toolbar">
        <button className="primary" onClick={() => setEditing('new')}>
          Buat acara baru
        </button>
      </div>
      {action.notice}
      {activated && openPreflight && (
        <div className="notice notice-info preflight-offer" data-testid="preflight-offer">
          Sebelum apel "{activated}" dimulai, periksa kamera, pemindai, suara, disk dan jam laptop.{' '}
          <button onClick={openPreflight}>Uji perangkat</button>
        </div>
      )}
      {list.error && <Notice kind="error">{list.error.message}</Notice>}
      {editing && opd.data && (
        <CeremonyForm
          ceremony={editing === 'new' ? null : editing}
          opd={opd.data}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.data?.length === 0 && <p className="muted">Belum ada acara.</p>}
      <ul className="ceremony-list">
        {list.data?.map((c) => (
          <li key={c.id} className={c.active ? 'card active' : 'card'} data-testid="ceremony">
            <div>
              <h3>
                {c.name} {c.active && <span className="badge">Aktif</span>}
              </h3>
              <p>
                {formatDate(c.startsAt, c.timeZone)}, pukul {formatTime(c.startsAt, c.timeZone)}
                {c.place ? ` · ${c.place}` : ''}
              </p>
              <p className="muted">
                Terlambat setelah {formatTime(c.lateAt, c.timeZone)} ·{' '}
                {c.opdIds ? `${c.opdIds.length} OPD` : 'Semua OPD'} · NIP tak terdaftar:{' '}
                {c.unknownPolicy === 'review' ? 'dicatat untuk diperiksa' : 'ditolak'}
              </p>
            </div>
            <div className="actions">
              {!c.active && (
                <button
                  onClick={() =>
                    act(async () => {
                      const { name } = await api('ceremony.setActive', { id: c.id })
                      setActivated(name)
                      return `Acara aktif: ${name}`
                    })
                  }
                >
                  Jadikan aktif
                </button>
              )}
              <button onClick={() => setEditing(c)}>Ubah</button>
              <button
                onClick={() =>
                  act(
                    async () => `Disalin: ${(await api('ceremony.duplicate', { id: c.id })).name}`,
                  )
                }
              >
                Duplikat
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
