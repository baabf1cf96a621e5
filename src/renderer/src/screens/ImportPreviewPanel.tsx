import type { ImportPreview } from '../../../shared/domain'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'

interface Props {
  preview: ImportPreview
  busy: boolean
  onApply: () => void
  onCancel: () => void
}

export function ImportPreviewPanel({ preview: p, busy, onApply, onCancel }: Props) {
  return (
    <div className="card preview" aria-label="Pratinjau impor">
      <h3>
        Pratinjau: {p.fileName}
        {p.sheetName ? ` (lembar "${p.sheetName}")` : ''}, judul kolom di baris {p.headerRow}
      </h3>
      <ul className="counts">
        <li data-testid="preview-add">Ditambah: {formatCount(p.toAdd)}</li>
        <li data-testid="preview-update">Diubah: {formatCount(p.toUpdate)}</li>
        <li>Tetap: {formatCount(p.unchanged)}</li>
        <li data-testid="preview-deactivate">
          Dinonaktifkan (tidak ada di berkas): {formatCount(p.toDeactivate)}
        </li>
        <li data-testid="preview-reject" className={p.rejected.length ? 'bad' : ''}>
          Ditolak: {formatCount(p.rejected.length)}
        </li>
      </ul>
      {p.opdNew.length > 0 && <p>OPD baru: {p.opdNew.join(', ')}</p>}
      {p.opdMerged.map((m) => (
        <p key={m.name}>
          Penulisan OPD digabung menjadi <b>{m.name}</b>:{' '}
          {m.variants.map((v) => `"${v}"`).join(', ')}
        </p>
      ))}
      {p.rejected.length > 0 && (
        <table className="rejections">
          <caption>Baris yang ditolak (tidak diimpor)</caption>
          <thead>
            <tr>
              <th>Baris</th>
              <th>Alasan</th>
            </tr>
          </thead>
          <tbody>
            {p.rejected.map((r, i) => (
              <tr key={i}>
                <td>{r.row}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.sample.length > 0 && (
        <details>
          <summary>Contoh perubahan</summary>
          <ul>
            {p.sample.map((s) => (
              <li key={s.nip}>
                {s.action}: {formatNip(s.nip)} {s.name}, {s.opd}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions">
        <button className="primary" disabled={busy} onClick={onApply}>
          Terapkan impor
        </button>
        <button disabled={busy} onClick={onCancel}>
          Batal
        </button>
      </div>
    </div>
  )
}
