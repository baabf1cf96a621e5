import { useState } from 'react'
import type { BundleReport } from '../../../shared/contract/exchange'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { useAction, useKiosk } from '../data/query'
import { ConfirmDemoRemoval } from './DemoBanner'
import { JobProgress } from './JobProgress'

function Report({ report }: { report: BundleReport }) {
  if (!report.ok)
    return (
      <li data-testid="bundle-report" data-ok="false">
        {report.error}
      </li>
    )
  return (
    <li data-testid="bundle-report" data-ok="true">
      <strong>{report.fileName}</strong> dari {report.label} ({report.fingerprint}):{' '}
      {report.newEntries === 0
        ? 'sudah diterima sebelumnya, tidak ada yang baru.'
        : `${formatCount(report.arrivals)} kedatangan baru, ${formatCount(report.repeats)} pindaian ulang.`}
      {report.duplicates.length > 0 && (
        <ul>
          {report.duplicates.map((d) => (
            <li key={`${d.ceremonyId}/${d.nip}`}>
              NIP {d.nip}: dihitung di {d.kept.kiosk}; juga tercatat di{' '}
              {d.repeats.map((r) => r.kiosk).join(', ')}
            </li>
          ))}
          {report.duplicateCount > report.duplicates.length && (
            <li>
              dan {formatCount(report.duplicateCount - report.duplicates.length)} orang lainnya
              (daftar lengkapnya di ekspor, kolom Kiosk).
            </li>
          )}
        </ul>
      )}
    </li>
  )
}

/**
 * Pengaturan's "Antar-kiosk" card: an office kiosk sends its data for an apel as one file,
 * BKPSDM takes files in, and the ceremony package goes the other way (docs/antar-kiosk.md).
 */
export function ExchangePanel() {
  const ceremonies = useKiosk('ceremony.list')
  const opds = useKiosk('roster.listOpd')
  const app = useKiosk('app.status')
  const action = useAction()
  const [chosen, setChosen] = useState<number | null>(null)
  /** The OPD the package is for; null: every OPD the ceremony invites. */
  const [paketOpd, setPaketOpd] = useState<number | null>(null)
  const [confirmDemo, setConfirmDemo] = useState(false)
  const [reports, setReports] = useState<BundleReport[]>([])
  const ceremony =
    ceremonies.data?.find((c) => c.id === chosen) ?? ceremonies.data?.find((c) => c.active)
  const ceremonyId = ceremony?.id ?? null
  const invited = (opds.data ?? []).filter(
    (o) => !ceremony?.opdIds || ceremony.opdIds.includes(o.id),
  )
  const demo = app.data?.demo ?? null
  const send = () =>
    action.run(async () => {
      if (ceremonyId === null) return 'Pilih acaranya dulu.'
      const sent = await api('exchange.sendBundle', { ceremonyId })
      return (
        sent &&
        `Berkas Kirim data ditulis: ${sent.file} (${formatCount(sent.arrivals)} kedatangan).`
      )
    })
  const receive = () =>
    action.run(async () => {
      const result = await api('exchange.receiveBundles')
      if (!result) return null
      setReports(result)
      const taken = result.filter((r) => r.ok).length
      return `${formatCount(taken)} dari ${formatCount(result.length)} berkas diterima.`
    })
  const writePaket = () =>
    action.run(async () => {
      if (ceremonyId === null) return 'Pilih acaranya dulu.'
      const opdIds = paketOpd === null ? null : [paketOpd]
      const written = await api('exchange.writePaket', { ceremonyId, opdIds })
      return (
        written &&
        `Paket acara ditulis: ${written.file} (${formatCount(written.employees)} pegawai).`
      )
    })
  // The demo data goes before a package's roster comes in, and the officer is asked first.
  const importPaket = (removeDemo = false) =>
    action.run(async () => {
      if (demo && !removeDemo) {
        setConfirmDemo(true)
        return null
      }
      setConfirmDemo(false)
      const done = await api('exchange.importPaket', { removeDemo })
      return (
        done &&
        `Acara "${done.ceremony.name}" siap dijalankan (${formatCount(done.employees)} pegawai). Paket ditandatangani ${done.issuer.label}, sidik kunci ${done.issuer.fingerprint}: cocokkan dengan yang diberikan BKPSDM.`
      )
    })
  return (
    <div className="card" role="group" aria-label="Antar-kiosk">
      <h2>Antar-kiosk</h2>
      {action.notice}
      <p className="muted">
        Kiosk OPD tanpa jaringan mengirim datanya sebagai satu berkas bertanda tangan (flashdisk,
        WhatsApp, email); kiosk BKPSDM menerimanya. Paket acara membawa acara, teks ikrar dan data
        pegawai OPD dari BKPSDM ke kiosk OPD.
      </p>
      <label>
        Acara{' '}
        <select
          value={ceremonyId ?? ''}
          onChange={(e) => {
            setChosen(Number(e.target.value))
            setPaketOpd(null)
          }}
          aria-label="Acara untuk dikirim"
        >
          {ceremonies.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.date})
            </option>
          ))}
        </select>
      </label>
      <label>
        OPD untuk paket acara{' '}
        <select
          value={paketOpd ?? ''}
          onChange={(e) => setPaketOpd(e.target.value === '' ? null : Number(e.target.value))}
          aria-label="OPD untuk paket acara"
        >
          <option value="">Semua OPD yang diundang acara ini</option>
          {invited.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar">
        <button disabled={action.busy} onClick={() => void send()}>
          Kirim data
        </button>
        <button disabled={action.busy} onClick={() => void receive()}>
          Terima data
        </button>
        <button disabled={action.busy} onClick={() => void writePaket()}>
          Ekspor paket acara
        </button>
        <button disabled={action.busy} onClick={() => void importPaket()}>
          Impor paket acara
        </button>
      </div>
      {confirmDemo && demo && (
        <ConfirmDemoRemoval
          demo={demo}
          before="paket acara diimpor"
          confirm="Hapus data contoh dan impor paket"
          busy={action.busy}
          onConfirm={() => void importPaket(true)}
          onCancel={() => setConfirmDemo(false)}
        />
      )}
      <JobProgress kind="bundle" />
      {reports.length > 0 && (
        <ul aria-label="Hasil terima data">
          {reports.map((r) => (
            <Report key={r.fileName} report={r} />
          ))}
        </ul>
      )}
    </div>
  )
}
