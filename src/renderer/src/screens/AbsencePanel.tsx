import { useState } from 'react'
import {
  ABSENCE_REASONS,
  STATUS_LABEL,
  type AbsenceReason,
  type AttendanceRow,
  type AttendanceSummary,
} from '../../../shared/attendance'
import type { Ceremony } from '../../../shared/domain'
import { formatCount, formatPercent } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import { formatTime } from '../../../shared/time'
import { api } from '../api'
import { Notice } from '../components/Notice'
import { useAction, useKiosk } from '../data/query'
import { PersonHistory } from './PersonHistory'

/** The OPD list's action: the notice sits above the list, which outlives each editor. */
type Run = ReturnType<typeof useAction>['run']

function SummaryLine({ summary }: { summary: AttendanceSummary }) {
  const items: [string, number][] = [
    ['Diharapkan', summary.expected],
    ['Hadir', summary.onTime],
    ['Terlambat', summary.late],
    ...ABSENCE_REASONS.map((r): [string, number] => [STATUS_LABEL[r], summary.reasons[r]]),
    ['Tidak Hadir', summary.absent],
  ]
  return (
    <ul className="counts" data-testid="absence-summary">
      {items.map(([label, n]) => (
        <li key={label}>
          {label}: {formatCount(n)}
        </li>
      ))}
      <li>Kehadiran: {formatPercent(summary.rate)}</li>
    </ul>
  )
}

function ReasonOptions() {
  return ABSENCE_REASONS.map((r) => (
    <option key={r} value={r}>
      {STATUS_LABEL[r]}
    </option>
  ))
}

/** One person's reason: saved only on "Simpan", with the reason the officer saw as the guard. */
function ReasonEditor({
  row,
  ceremonyId,
  run,
}: {
  row: AttendanceRow
  ceremonyId: number
  run: Run
}) {
  const current = row.status === 'TIDAK_HADIR' ? null : (row.status as AbsenceReason)
  const [reason, setReason] = useState<AbsenceReason | null>(current)
  const [note, setNote] = useState(row.note)
  const dirty = reason !== current || (reason !== null && note !== row.note)
  // The saved row comes back through main's `checkin.changed` (this editor is keyed by it).
  const save = () =>
    run(async () => {
      await api('attendance.setReason', {
        ceremonyId,
        employeeId: row.employeeId!,
        reason,
        note,
        previous: current,
      })
      return null
    })
  return (
    <div className="absence-editor">
      <select
        aria-label={`Keterangan untuk ${row.name}`}
        value={reason ?? ''}
        onChange={(e) => setReason((e.target.value || null) as AbsenceReason | null)}
      >
        <option value="">{STATUS_LABEL.TIDAK_HADIR}</option>
        <ReasonOptions />
      </select>
      <input
        aria-label={`Catatan untuk ${row.name}`}
        placeholder="Catatan (opsional)"
        value={note}
        disabled={reason === null}
        maxLength={200}
        onChange={(e) => setNote(e.target.value)}
      />
      <button disabled={!dirty} onClick={save} aria-label={`Simpan keterangan ${row.name}`}>
        Simpan
      </button>
    </div>
  )
}

/**
 * One reason for everyone of the OPD still without one. No reason is preselected, and the
 * officer confirms with the number of people it will change: one click never marks a whole OPD.
 */
function BulkReason({
  ceremonyId,
  opdId,
  toChange,
  run,
}: {
  ceremonyId: number
  opdId: number
  /** People of this OPD still "Tidak Hadir" without a reason: whom the bulk would mark. */
  toChange: number
  run: Run
}) {
  const [reason, setReason] = useState<AbsenceReason | null>(null)
  const [note, setNote] = useState('')
  const [confirming, setConfirming] = useState(false)
  const apply = (chosen: AbsenceReason) => {
    setConfirming(false)
    return run(async () => {
      const r = await api('attendance.setReasonForOpd', { ceremonyId, opdId, reason: chosen, note })
      const kept = r.skipped
        ? `; ${formatCount(r.skipped)} sudah punya keterangan dan tidak diubah`
        : ''
      setReason(null)
      setNote('')
      return `${STATUS_LABEL[chosen]} diisi untuk ${formatCount(r.changed)} pegawai${kept}.`
    })
  }
  return (
    <fieldset className="row absence-bulk">
      <legend>Semua yang belum hadir di OPD ini</legend>
      <select
        aria-label="Keterangan untuk semua"
        value={reason ?? ''}
        onChange={(e) => {
          setReason((e.target.value || null) as AbsenceReason | null)
          setConfirming(false)
        }}
      >
        <option value="">Pilih keterangan…</option>
        <ReasonOptions />
      </select>
      <input
        aria-label="Catatan untuk semua"
        placeholder="Catatan (opsional)"
        value={note}
        maxLength={200}
        onChange={(e) => setNote(e.target.value)}
      />
      {reason && confirming ? (
        <span className="actions" role="group" aria-label="Konfirmasi keterangan untuk semua">
          <strong>
            Tandai {formatCount(toChange)} orang sebagai {STATUS_LABEL[reason]}?
          </strong>
          <button className="primary" onClick={() => void apply(reason)}>
            Ya, tandai {formatCount(toChange)} orang
          </button>
          <button onClick={() => setConfirming(false)}>Batal</button>
        </span>
      ) : (
        <button disabled={!reason || toChange === 0} onClick={() => setConfirming(true)}>
          Terapkan ke OPD ini…
        </button>
      )}
    </fieldset>
  )
}

function OpdAttendance({ ceremony, opdId }: { ceremony: Ceremony; opdId: number }) {
  const list = useKiosk('attendance.list', { ceremonyId: ceremony.id, opdId })
  const { run, notice } = useAction()
  const [historyOf, setHistoryOf] = useState<string | null>(null)
  return (
    <>
      {notice}
      {list.error && <Notice kind="error">{list.error.message}</Notice>}
      {list.data && <SummaryLine summary={list.data.summary} />}
      <BulkReason
        ceremonyId={ceremony.id}
        opdId={opdId}
        toChange={
          list.data?.rows.filter((r) => r.expected && !r.scannedAt && r.status === 'TIDAK_HADIR')
            .length ?? 0
        }
        run={run}
      />
      <table className="list absence-list">
        <thead>
          <tr>
            <th>NIP</th>
            <th>Nama</th>
            <th>Status</th>
            <th>Keterangan</th>
            <th>Diubah oleh</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.rows.map((r) => [
            <tr key={r.nip} data-testid="absence-row">
              <td className="mono">{formatNip(r.nip)}</td>
              <td>
                {r.name}{' '}
                <button
                  aria-expanded={historyOf === r.nip}
                  aria-label={`Riwayat ${r.name}`}
                  onClick={() => setHistoryOf(historyOf === r.nip ? null : r.nip)}
                >
                  Riwayat
                </button>
              </td>
              <td>
                {STATUS_LABEL[r.status]}
                {r.scannedAt && ` ${formatTime(r.scannedAt, ceremony.timeZone)}`}
              </td>
              <td>
                {r.expected && !r.scannedAt ? (
                  <ReasonEditor
                    // A fresh editor whenever the stored value changes, so it shows what is saved.
                    key={`${r.status}|${r.note}|${r.reasonAt}`}
                    row={r}
                    ceremonyId={ceremony.id}
                    run={run}
                  />
                ) : (
                  r.note
                )}
              </td>
              <td className="muted">{r.reasonBy ?? ''}</td>
            </tr>,
            historyOf === r.nip && (
              <tr key={`${r.nip}-riwayat`}>
                <td colSpan={5}>
                  <PersonHistory ceremony={ceremony} nip={r.nip} />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </>
  )
}

/** Absence reasons, one OPD at a time (an OPD is at most a few hundred people). */
export function AbsencePanel({
  ceremony,
  officer,
}: {
  ceremony: Ceremony
  officer: string | null
}) {
  const opd = useKiosk('roster.listOpd')
  const [chosen, setChosen] = useState<number | null>(null)
  const expected = (opd.data ?? []).filter(
    (o) => !ceremony.opdIds || ceremony.opdIds.includes(o.id),
  )
  const opdId = chosen ?? expected[0]?.id ?? null
  return (
    <div className="card absence">
      <h3>Keterangan tidak hadir</h3>
      {!officer && (
        <Notice kind="info">
          Isi nama petugas terlebih dahulu; setiap perubahan dicatat atas nama petugas.
        </Notice>
      )}
      <label className="row">
        OPD{' '}
        <select value={opdId ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
          {expected.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {opdId !== null && <OpdAttendance key={opdId} ceremony={ceremony} opdId={opdId} />}
    </div>
  )
}
