import { useCallback, useState } from 'react'
import type { PreflightResult, PreflightStatus } from '../../../shared/contract/preflight'
import { formatCount } from '../../../shared/format'
import { api } from '../api'
import { CameraPanel, type CameraStatus } from '../checkin/CameraPanel'
import type { Reading } from '../checkin/scanner-test'
import { ScannerTest } from '../checkin/ScannerTest'
import { useAction } from '../data/query'
import { judgeCamera, judgeScanner, judgeSound, type CameraSeen } from '../preflight/device-checks'
import { MainCheck, useMainCheck } from '../preflight/MainCheck'
import { PreflightItemView, STATUS_WORDS } from '../preflight/PreflightItemView'
import { SoundCheck, type SoundAnswer } from '../preflight/SoundCheck'

const NOTHING_SEEN: CameraSeen = { problem: null, status: null, code: null }

/** "4 siap · 3 periksa · 1 bermasalah", or what is still being checked. */
function summary(results: (PreflightResult | null)[]): string {
  const count = (s: PreflightStatus) => results.filter((r) => r?.status === s).length
  const pending = results.filter((r) => r === null).length
  const parts = (['ok', 'warn', 'fail'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${formatCount(count(s))} ${STATUS_WORDS[s].word.toLowerCase()}`)
  if (pending) parts.push(`${formatCount(pending)} sedang diperiksa`)
  return count('ok') === results.length ? 'Semua siap.' : `${parts.join(' · ')}.`
}

/**
 * "Uji perangkat": the morning of the apel, every device and file the gate depends on, each
 * green, amber or red with what was found and what to do. Nothing here is recorded: the camera
 * shows what it read, the scanner test holds the scans, the sounds are the gate's own.
 */
export function PreflightScreen() {
  const [cameraRun, setCameraRun] = useState(0)
  const [camera, setCamera] = useState<CameraSeen>(NOTHING_SEEN)
  const [scanner, setScanner] = useState<Reading | null>(null)
  const [sound, setSound] = useState<SoundAnswer>({ heard: null, playable: true })
  const [usb, setUsb] = useState<(PreflightResult & { folder: string }) | null>(null)
  const usbAction = useAction()
  const checks = {
    disk: useMainCheck('disk'),
    backup: useMainCheck('backup'),
    clock: useMainCheck('clock'),
    display: useMainCheck('display'),
    database: useMainCheck('database'),
  }
  const onCode = useCallback((code: string) => setCamera((c) => ({ ...c, code })), [])
  const onStatus = useCallback((status: CameraStatus) => setCamera((c) => ({ ...c, status })), [])
  const onProblem = useCallback(
    (problem: string | null) => setCamera((c) => ({ ...c, problem })),
    [],
  )
  const restartCamera = () => {
    setCamera(NOTHING_SEEN)
    setCameraRun((n) => n + 1)
  }
  const rerunAll = () => {
    restartCamera()
    Object.values(checks).forEach((c) => c.rerun())
  }
  const pickFolder = () =>
    usbAction.run(async () => {
      const checked = await api('preflight.checkFolder')
      if (checked) setUsb(checked)
      return null
    })

  const cameraResult = judgeCamera(camera)
  const scannerResult = judgeScanner(scanner)
  const soundResult = judgeSound(sound.heard, sound.playable)
  const all = [
    cameraResult,
    scannerResult,
    soundResult,
    ...Object.values(checks).map((c) => c.result),
    ...(usb ? [usb] : []),
  ]
  return (
    <section className="screen preflight">
      <div className="toolbar">
        <h2>Uji perangkat</h2>
        <p className="preflight-summary" role="status" data-testid="preflight-summary">
          {summary(all)}
        </p>
        <button onClick={rerunAll}>Ulangi semua</button>
      </div>
      {usbAction.notice}
      <ol className="preflight-list">
        <PreflightItemView
          id="camera"
          title="Kamera"
          result={cameraResult}
          actions={<button onClick={restartCamera}>Ulangi</button>}
        >
          <div className="preflight-camera">
            <CameraPanel
              key={cameraRun}
              onCode={onCode}
              onStatus={onStatus}
              onProblem={onProblem}
            />
          </div>
        </PreflightItemView>
        <PreflightItemView id="scanner" title="Pemindai" result={scannerResult}>
          <ScannerTest onReading={setScanner} />
        </PreflightItemView>
        <SoundCheck result={soundResult} answer={sound} onAnswer={setSound} />
        <MainCheck item="disk" title="Ruang disk dan folder data" check={checks.disk} />
        <MainCheck
          item="backup"
          title="Folder cadangan"
          check={checks.backup}
          actions={
            <button disabled={usbAction.busy} onClick={() => void pickFolder()}>
              Uji flashdisk atau folder lain…
            </button>
          }
        />
        {usb && (
          <PreflightItemView
            id="usb"
            title="Flashdisk atau folder pilihan"
            result={usb}
            actions={
              <button disabled={usbAction.busy} onClick={() => void pickFolder()}>
                Pilih lagi…
              </button>
            }
          />
        )}
        <MainCheck item="clock" title="Jam laptop dan zona waktu" check={checks.clock} />
        <MainCheck item="display" title="Layar kedua (proyektor)" check={checks.display} />
        <MainCheck item="database" title="Integritas basis data" check={checks.database} />
      </ol>
    </section>
  )
}
