import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { IkrarFields } from '../../../shared/contract/ikrar'
import {
  fillPlaceholders,
  PLACEHOLDER_LIST,
  type IkrarCopy,
  type IkrarReadingRecord,
} from '../../../shared/ikrar'
import type { Ceremony } from '../../../shared/domain'
import { formatDate, formatTime } from '../../../shared/time'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { keys } from '../data/keys'
import { useAction, useKiosk } from '../data/query'
import { PointList } from '../ikrar/PointList'
import { DeclarationPanel } from '../ikrar/DeclarationSheet'

const fieldsOf = (c: IkrarCopy): IkrarFields => ({
  instansi: c.instansi,
  heading: c.heading,
  opening: c.opening,
  points: c.points,
  closing: c.closing,
})

/**
 * The editor; the reading it starts is shown by the app, above check-in, which stays live.
 * Saving and choosing a template are `ceremony.changed` from main: the copy re-reads itself.
 */
export function IkrarScreen() {
  const client = useQueryClient()
  const copy = useKiosk('ikrar.get', {})
  const templates = useKiosk('ikrar.templates')
  const ceremonies = useKiosk('ceremony.list')
  const readings = useKiosk('ikrar.readings', {})
  const action = useAction()
  const act = action.run

  const ceremony = ceremonies.data?.find((c) => c.id === copy.data?.ceremonyId)
  if (copy.error) return <Notice kind="error">{copy.error.message}</Notice>
  if (!copy.data || !templates.data || !ceremony) return null

  // The saved copy is the answer: shown at once, before main's event comes back.
  const save = async (draft: IkrarFields) =>
    client.setQueryData(keys.call('ikrar.get', {}), await api('ikrar.save', draft))

  return (
    <section className="screen ikrar">
      {action.notice}
      <TemplatePicker
        copy={copy.data}
        templates={templates.data}
        onChoose={(templateId) =>
          act(async () => {
            client.setQueryData(
              keys.call('ikrar.get', {}),
              await api('ikrar.chooseTemplate', { templateId }),
            )
            const title = templates.data?.find((t) => t.id === templateId)?.title
            return `Teks diganti dengan template "${title}".`
          })
        }
      />
      <IkrarEditor
        // A fresh draft whenever the stored copy changes (saved, or a template chosen).
        key={`${copy.data.ceremonyId}:${copy.data.updatedAt}`}
        saved={copy.data}
        ceremony={ceremony}
        // While a template switch or a save is on its way, starting would read (or save over)
        // the text it is about to replace.
        busy={action.busy}
        onSave={(draft) =>
          act(async () => {
            await save(draft)
            return 'Teks ikrar disimpan untuk acara ini.'
          })
        }
        onStart={(draft, dirty) =>
          act(async () => {
            if (dirty) await save(draft)
            // The app shows the reading as soon as the cache holds it (main's event says so too).
            client.setQueryData(keys.call('ikrar.reading'), await api('ikrar.startReading', {}))
            return null
          })
        }
      />
      <ReadingLog records={readings.data ?? []} ceremony={ceremony} />
      <DeclarationPanel ceremonyId={ceremony.id} />
    </section>
  )
}

function IkrarEditor({
  saved,
  ceremony,
  busy,
  onSave,
  onStart,
}: {
  saved: IkrarCopy
  ceremony: Ceremony
  busy: boolean
  onSave: (draft: IkrarFields) => void
  onStart: (draft: IkrarFields, dirty: boolean) => void
}) {
  const [draft, setDraft] = useState(() => fieldsOf(saved))
  const dirty =
    saved.updatedAt === null || JSON.stringify(draft) !== JSON.stringify(fieldsOf(saved))
  return (
    <form
      className="form ikrar-editor"
      aria-label="Teks ikrar"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(draft)
      }}
    >
      <div className="toolbar">
        <h2 className="ikrar-title">Ikrar untuk {ceremony.name}</h2>
        <button
          type="button"
          className="primary big"
          disabled={busy}
          onClick={() => onStart(draft, dirty)}
        >
          Mulai pembacaan
        </button>
      </div>
      <label>
        Nama instansi (mengisi {'{instansi}'})
        <input
          value={draft.instansi}
          placeholder="Pemerintah Kabupaten …"
          onChange={(e) => setDraft({ ...draft, instansi: e.target.value })}
        />
      </label>
      <label>
        Judul
        <input
          value={draft.heading}
          onChange={(e) => setDraft({ ...draft, heading: e.target.value })}
        />
      </label>
      <label>
        Kalimat pembuka
        <textarea
          rows={2}
          value={draft.opening}
          onChange={(e) => setDraft({ ...draft, opening: e.target.value })}
        />
      </label>
      <p className="muted" data-testid="ikrar-opening-preview">
        Dibacakan:{' '}
        {fillPlaceholders(draft.opening, {
          instansi: draft.instansi || '…',
          acara: ceremony.name,
          pemilihan: ceremony.election || '…',
        })}
      </p>
      <PointList points={draft.points} onChange={(points) => setDraft({ ...draft, points })} />
      <label>
        Kalimat penutup (boleh kosong)
        <textarea
          rows={2}
          value={draft.closing ?? ''}
          onChange={(e) => setDraft({ ...draft, closing: e.target.value || null })}
        />
      </label>
      <p className="muted">
        Penanda yang bisa dipakai: {PLACEHOLDER_LIST}. {'{pemilihan}'} diisi dari data acara
        (Pemilihan): {ceremony.election ? `"${ceremony.election}"` : 'belum diisi'}.
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={!dirty || busy}>
          Simpan ikrar
        </button>
        {dirty && <span className="muted">Belum disimpan untuk acara ini.</span>}
      </div>
    </form>
  )
}

function TemplatePicker({
  copy,
  templates,
  onChoose,
}: {
  copy: IkrarCopy
  templates: { id: string; title: string; source: string }[]
  onChoose: (templateId: string) => void
}) {
  const [picked, setPicked] = useState(copy.templateId)
  const current = templates.find((t) => t.id === copy.templateId)
  const source = templates.find((t) => t.id === picked)?.source
  return (
    <div className="card ikrar-template">
      <div className="row">
        <label>
          Template{' '}
          <select value={picked} onChange={(e) => setPicked(e.target.value)}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <button disabled={picked === copy.templateId} onClick={() => onChoose(picked)}>
          Ganti dengan template ini
        </button>
        <span className="muted">
          Sekarang: {current?.title ?? copy.templateId}
          {picked !== copy.templateId && ' · teks di bawah akan diganti, nama instansi tetap'}
        </span>
      </div>
      <p className="muted ikrar-source">Sumber: {source}</p>
    </div>
  )
}

function ReadingLog({ records, ceremony }: { records: IkrarReadingRecord[]; ceremony: Ceremony }) {
  if (!records.length) return <p className="muted">Ikrar belum dibacakan pada acara ini.</p>
  const time = (iso: string) => formatTime(iso, ceremony.timeZone)
  return (
    <div className="card">
      <h3>Pembacaan tercatat</h3>
      <ul data-testid="ikrar-readings">
        {records.map((r) => (
          <li key={r.id}>
            {formatDate(r.startedAt, ceremony.timeZone)}, mulai {time(r.startedAt)}
            {r.endedAt ? `, selesai ${time(r.endedAt)}` : ', belum ditutup'} ·{' '}
            {r.text.points.length} butir
          </li>
        ))}
      </ul>
    </div>
  )
}
