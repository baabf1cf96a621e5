import { useState } from 'react'
import { formatCount, formatPercent } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import type { PaktaBatch, PaktaTracking as Tracking } from '../../../shared/pakta'
import type { Input } from '../../../shared/contract'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { PaktaSheet } from './PaktaSheet'
import { ReminderSheet } from './ReminderSheet'

type FormRequest = Input<'pakta.forms'>

/** "Berapa ASN sudah menandatangani pakta": the counts per OPD, who is outstanding, and prints. */
export function PaktaTracking({ tracking }: { tracking: Tracking }) {
  const { ceremonyId } = tracking
  const [opdId, setOpdId] = useState<number | null>(null)
  // Read from the live counts each time: a receipt elsewhere moves them.
  const opd = tracking.opd.find((o) => o.opdId === opdId) ?? null
  const [query, setQuery] = useState('')
  const [only, setOnly] = useState<FormRequest['only']>('belum')
  const [sheet, setSheet] = useState<{ title: string; batch: PaktaBatch } | null>(null)
  const [reminder, setReminder] = useState(false)
  const action = useAction()
  const outstanding = useKiosk('pakta.outstanding', { ceremonyId, opdId: opd?.opdId ?? null })
  const opdName = opd?.opdName ?? 'Semua OPD'

  const print = (request: Omit<FormRequest, 'ceremonyId'>, title: string) =>
    action.run(async () => {
      setSheet({ title, batch: await api('pakta.forms', { ceremonyId, ...request }) })
      return null
    })
  const printSelection = () =>
    print(
      { employeeId: null, opdId: opd?.opdId ?? null, query, only },
      [opdName, query.trim() && `"${query.trim()}"`, only === 'belum' && 'belum mengembalikan']
        .filter(Boolean)
        .join(' · '),
    )

  return (
    <div className="card pakta-tracking">
      <h2>Pakta integritas per OPD</h2>
      <p data-testid="pakta-total">
        <strong>{formatCount(tracking.received)}</strong> dari {formatCount(tracking.expected)} ASN
        sudah mengembalikan pakta ({formatPercent(share(tracking))}); belum{' '}
        {formatCount(tracking.expected - tracking.received)}.
      </p>
      <div className="pakta-columns">
        <table className="list" aria-label="Pakta per OPD">
          <thead>
            <tr>
              <th>OPD</th>
              <th>Diterima</th>
              <th>Belum</th>
              <th>ASN</th>
            </tr>
          </thead>
          <tbody>
            {tracking.opd.map((o) => (
              <tr
                key={o.opdId}
                className={o.opdId === opd?.opdId ? 'selected' : ''}
                data-testid="pakta-opd"
              >
                <td>
                  <button className="link" onClick={() => setOpdId(o.opdId)}>
                    {o.opdName}
                  </button>
                </td>
                <td>{formatCount(o.received)}</td>
                <td>{formatCount(o.expected - o.received)}</td>
                <td>{formatCount(o.expected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <div className="filters" role="search">
            <span>
              <strong>{opdName}</strong>{' '}
              {opd && (
                <button className="link" onClick={() => setOpdId(null)}>
                  (semua OPD)
                </button>
              )}
            </span>
            <input
              type="search"
              aria-label="Cari nama atau NIP untuk formulir"
              placeholder="Cari nama atau NIP"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <select
              aria-label="Formulir untuk"
              value={only}
              onChange={(e) => setOnly(e.target.value as FormRequest['only'])}
            >
              <option value="belum">Yang belum mengembalikan</option>
              <option value="semua">Semua ASN</option>
            </select>
            <button className="primary" disabled={action.busy} onClick={printSelection}>
              Cetak formulir pakta…
            </button>
            <button disabled={!outstanding.data?.length} onClick={() => setReminder(true)}>
              Cetak daftar pengingat…
            </button>
          </div>
          {action.notice}
          <h3>Belum mengembalikan: {formatCount(outstanding.data?.length ?? 0)}</h3>
          <ul className="pakta-outstanding" aria-label="Belum mengembalikan pakta">
            {outstanding.data?.map((r) => (
              <li key={r.employeeId}>
                <span>
                  {r.name} <span className="mono muted">{formatNip(r.nip)}</span>
                  {!opd && <span className="muted"> · {r.opdName}</span>}
                </span>
                <span className="row-actions">
                  <button
                    aria-label={`Tandai pakta ${r.name} diterima`}
                    title="Formulir sudah ditandatangani tetapi QR-nya tidak terbaca"
                    disabled={action.busy}
                    onClick={() =>
                      action.run(async () => {
                        const o = await api('pakta.markReceived', {
                          ceremonyId,
                          employeeId: r.employeeId,
                        })
                        if (o.kind === 'pakta-refused') throw new Error(o.reason)
                        return `Pakta ${r.name} ditandai diterima (manual).`
                      })
                    }
                  >
                    Tandai diterima
                  </button>
                  <button
                    aria-label={`Formulir ${r.name}`}
                    onClick={() =>
                      print(
                        { employeeId: r.employeeId, opdId: null, query: '', only: 'semua' },
                        r.name,
                      )
                    }
                  >
                    Formulir
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {sheet && (
        <PaktaSheet title={sheet.title} batch={sheet.batch} onClose={() => setSheet(null)} />
      )}
      {reminder && outstanding.data && (
        <ReminderSheet
          ceremonyName={tracking.ceremonyName}
          opdName={opdName}
          received={opd ? opd.received : tracking.received}
          expected={opd ? opd.expected : tracking.expected}
          rows={outstanding.data}
          onClose={() => setReminder(false)}
        />
      )}
    </div>
  )
}

const share = (t: { received: number; expected: number }) =>
  t.expected ? t.received / t.expected : 0
