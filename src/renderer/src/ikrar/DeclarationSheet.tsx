import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { Declaration, RegionalLeader, Signatory } from '../../../shared/declaration'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import { Notice } from '../components/Notice'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { LeaderEditor } from './LeaderEditor'

/**
 * On the ikrar screen: the regional leaders, and the button that opens the printable sheet.
 * Both need the officer (names and NIPs), so neither is read until asked for: opening the
 * ikrar screen during the apel never brings up the PIN. Saving the leaders (a
 * `roster.changed`) refreshes the sheet.
 */
export function DeclarationPanel({ ceremonyId }: { ceremonyId: number }) {
  const [editing, setEditing] = useState(false)
  const [open, setOpen] = useState(false)
  return (
    <div className="card declaration-panel">
      <h3>Lembar penandatanganan ikrar</h3>
      <p className="muted">
        Teks ikrar seperti dibacakan di apel ini, lalu tabel tanda tangan: pejabat daerah (urut
        seperti disusun), kemudian kepala setiap OPD peserta (penanda tangan OPD diatur di Data
        Pegawai).
      </p>
      {editing && <Leaders />}
      <div className="actions">
        <button className="primary" onClick={() => setOpen(true)}>
          Lembar penandatanganan…
        </button>
        <button aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Tutup daftar pejabat daerah' : 'Atur pejabat daerah…'}
        </button>
      </div>
      {open && <DeclarationSheet ceremonyId={ceremonyId} onClose={() => setOpen(false)} />}
    </div>
  )
}

/** The stored list and its editor; the notice lives here, as the editor starts afresh on save. */
function Leaders() {
  const leaders = useKiosk('declaration.leaders')
  const action = useAction()
  const save = (list: RegionalLeader[]) =>
    void action.run(async () => {
      await api('declaration.setLeaders', { leaders: list })
      return 'Daftar pejabat daerah disimpan.'
    })
  return (
    <>
      {leaders.error && <Notice kind="error">{leaders.error.message}</Notice>}
      {action.notice}
      {leaders.data && (
        <LeaderEditor
          key={JSON.stringify(leaders.data)}
          stored={leaders.data}
          onSave={save}
          busy={action.busy}
        />
      )}
    </>
  )
}

/**
 * The A4 sheet over the whole window, as the QR card sheet is: the print rules hide the rest,
 * so `window.print()` (or "Simpan sebagai PDF") gets only the sheet. The table's header row
 * repeats on every printed page; a row never splits across two.
 */
function DeclarationSheet({ ceremonyId, onClose }: { ceremonyId: number; onClose: () => void }) {
  const sheet = useKiosk('declaration.get', { ceremonyId })
  const d = sheet.data
  return createPortal(
    <div className="declaration-print" role="dialog" aria-label="Lembar penandatanganan ikrar">
      <div className="cards-toolbar">
        <div className="cards-heading">
          <h2>Lembar Penandatanganan Ikrar Netralitas</h2>
          {d && (
            <span className="muted" data-testid="declaration-summary">
              {formatCount(d.signatories.length)} penanda tangan ·{' '}
              {d.read ? 'teks seperti dibacakan' : 'teks yang akan dibacakan (belum dibacakan)'}
            </span>
          )}
        </div>
        <div className="actions">
          <button className="primary" disabled={!d} onClick={() => window.print()}>
            Cetak…
          </button>
          <button onClick={onClose}>Tutup</button>
        </div>
        {sheet.error && <Notice kind="error">{sheet.error.message}</Notice>}
      </div>
      {d && <DeclarationPage d={d} />}
    </div>,
    document.body,
  )
}

function DeclarationPage({ d }: { d: Declaration }) {
  const { text } = d
  return (
    <article className="declaration-sheet" data-testid="declaration-sheet">
      <header className="declaration-head">
        <h1>LEMBAR PENANDATANGANAN IKRAR NETRALITAS</h1>
        <p>{d.ceremonyName}</p>
      </header>
      <section className="declaration-text">
        <h2>{text.heading}</h2>
        <p>{text.opening}</p>
        <ol>
          {text.points.map((p, i) => (
            <li key={i} data-testid="declaration-point">
              {p}
            </li>
          ))}
        </ol>
        {text.closing && <p>{text.closing}</p>}
      </section>
      <p className="declaration-place" data-testid="declaration-place">
        {d.place || '...................'}, {d.date}
      </p>
      <table className="declaration-table">
        <thead>
          <tr>
            <th className="col-no">No</th>
            <th className="col-name">Nama</th>
            <th>Jabatan</th>
            <th className="col-nip">NIP</th>
            <th className="col-sign">Tanda Tangan</th>
          </tr>
        </thead>
        <tbody>
          {d.signatories.map((s, i) => (
            <SignatoryRow key={i} s={s} n={i + 1} />
          ))}
        </tbody>
      </table>
    </article>
  )
}

/** Numbers in the signature cell alternate left and right, as paper lists do, so signatures never collide. */
function SignatoryRow({ s, n }: { s: Signatory; n: number }) {
  return (
    <tr data-testid="signatory" data-kind={s.kind}>
      <td className="col-no">{n}</td>
      <td>{s.name}</td>
      <td>{s.title}</td>
      <td className="col-nip">{s.nip ? formatNip(s.nip) : ''}</td>
      <td className={n % 2 ? 'col-sign odd' : 'col-sign even'}>{n}.</td>
    </tr>
  )
}
