import { useState } from 'react'
import {
  VERDICT_LABEL,
  type AuthenticityReport,
  type FileCheck,
  type ManifestKiosk,
} from '../../../shared/contract/authenticity'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { JobProgress } from './JobProgress'
import { Notice } from './Notice'

/** One file's line: verdict, what it is, then each difference or why it could not be read. */
function FileResult({ file }: { file: FileCheck }) {
  return (
    <li data-testid="authenticity-file" data-verdict={file.verdict}>
      <strong>{VERDICT_LABEL[file.verdict]}</strong>: {file.name}
      {file.code && <span className="muted"> (kode keaslian {file.code})</span>}
      {file.note && <div className="muted">{file.note}</div>}
      {file.findings.length > 0 && (
        <ul>
          {file.findings.map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      )}
    </li>
  )
}

function Result({ report }: { report: AuthenticityReport }) {
  return (
    <div aria-label="Hasil pemeriksaan keaslian" role="group">
      <Notice kind={report.verdict === 'asli' ? 'ok' : 'error'}>{report.summary}</Notice>
      <p className="muted">
        {report.target}
        {report.chainHead &&
          ` · kepala rantai log saat ekspor #${report.chainHead.seq} ${report.chainHead.hash.slice(0, 16)}…`}
      </p>
      {report.kiosks.length > 0 && <Contributors kiosks={report.kiosks} />}
      <ul className="authenticity-files">
        {report.files.map((f) => (
          <FileResult key={f.name} file={f} />
        ))}
      </ul>
    </div>
  )
}

/** A hub's export: the kiosks whose arrivals it holds, as its signed manifest lists them. */
function Contributors({ kiosks }: { kiosks: ManifestKiosk[] }) {
  return (
    <table aria-label="Kiosk yang menyumbang kedatangan" className="contributors">
      <thead>
        <tr>
          <th>Kiosk</th>
          <th>Cara bergabung</th>
          <th>Sidik kunci</th>
          <th>Kepala rantai</th>
          <th>Dihitung</th>
          <th>Disisihkan</th>
        </tr>
      </thead>
      <tbody>
        {kiosks.map((k) => (
          <tr key={k.sidikKunci} data-testid="contributing-kiosk">
            <td>{k.label}</td>
            <td>{k.caraBergabung}</td>
            <td>{k.sidikKunci}</td>
            <td>
              {k.kepalaRantai
                ? `#${formatCount(k.kepalaRantai.seq)} ${k.kepalaRantai.hash.slice(0, 16)}…`
                : '–'}
            </td>
            <td>{formatCount(k.dihitung)}</td>
            <td>{formatCount(k.disisihkan)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Pengaturan's "Keaslian" card: this kiosk's key fingerprint (the one every printed daftar
 * hadir carries), and "Periksa keaslian berkas" for a workbook, a CSV or an export folder,
 * checked in a worker so the gate keeps scanning.
 */
export function AuthenticityPanel() {
  const key = useKiosk('authenticity.key')
  const action = useAction()
  const [report, setReport] = useState<AuthenticityReport | null>(null)
  const check = (pick: 'file' | 'folder' | 'database') =>
    action.run(async () => {
      const result = await api('authenticity.verify', { pick })
      if (result) setReport(result)
      return null
    })
  const signHead = () =>
    action.run(async () => {
      const head = await api('log.signHead')
      return head
        ? `Kepala rantai log (entri nomor ${formatCount(head.seq)}) ditandatangani oleh ${head.fingerprint}.`
        : 'Tidak ada entri baru sejak tanda tangan terakhir.'
    })
  return (
    <div className="card" role="group" aria-label="Keaslian berkas">
      <h2>Keaslian berkas</h2>
      <p>
        Sidik kunci kiosk ini:{' '}
        <strong data-testid="kiosk-fingerprint">{key.data?.fingerprint ?? '…'}</strong>
      </p>
      <p className="muted">
        Setiap berkas ekspor ditandatangani dengan kunci ini, dan sidiknya tercetak di kaki halaman
        daftar hadir. Berkas yang diubah sesudah ekspor terlihat saat diperiksa. Log kiosk
        ditandatangani di setiap ekspor dan tiap beberapa menit selama ada pindaian.
      </p>
      <div className="toolbar">
        <button disabled={action.busy} onClick={() => void check('file')}>
          Periksa keaslian berkas…
        </button>
        <button disabled={action.busy} onClick={() => void check('folder')}>
          Periksa folder ekspor…
        </button>
        <button disabled={action.busy} onClick={() => void check('database')}>
          Periksa log kiosk ini
        </button>
        <button disabled={action.busy} onClick={() => void signHead()}>
          Tandatangani log sekarang
        </button>
      </div>
      <JobProgress kind="verify" />
      {action.notice}
      {report && <Result report={report} />}
    </div>
  )
}
