import { useEffect, useRef, useState } from 'react'
import { formatCount } from '../../../shared/format'
import { formatNip } from '../../../shared/nip'
import { extractNip } from '../../../shared/payload'
import { useGateHub } from './GateScanProvider'
import { WEDGE_DEFAULTS } from './keyboard-wedge'
import { gapsMs, visibleKey, type RawKey, type Reading } from './scanner-test'

/** A pause this long starts a new list of keys. */
const NEW_BURST_MS = 1000

const RULE = {
  kecepatan: 'pindaian (tombol datang cepat)',
  bentuk: 'pindaian (diakhiri Enter/Tab dan berbentuk NIP)',
}

function refusal(suffix: boolean): string {
  return suffix
    ? 'Tidak dianggap pindaian: bentuknya bukan NIP atau kode kartu, dan tombolnya terlalu lambat untuk pemindai.'
    : `Tidak dianggap pindaian: tanpa Enter atau Tab hanya kiriman cepat (rata-rata ${WEDGE_DEFAULTS.maxAverageGapMs} ms per tombol atau kurang) yang dibaca. Atur pemindai agar mengirim Enter di akhir.`
}

function Summary({ keys, reading }: { keys: RawKey[]; reading: Reading | null }) {
  const gaps = gapsMs(keys)
  const last = keys.at(-1)?.key
  const suffix = last === 'Enter' || last === 'Tab' ? last : null
  return (
    <dl className="camera-figures" data-testid="scanner-reading">
      <dt>Jumlah tombol</dt>
      <dd>{formatCount(keys.length)}</dd>
      <dt>Jeda antartombol</dt>
      <dd data-testid="scanner-gaps">
        {gaps.length
          ? `terpendek ${Math.min(...gaps)} ms, rata-rata ${Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length)} ms, terpanjang ${Math.max(...gaps)} ms`
          : '-'}
      </dd>
      <dt>Akhiran</dt>
      <dd data-testid="scanner-suffix">{suffix ?? 'tidak ada (berhenti sendiri)'}</dd>
      <dt>Dibaca sebagai</dt>
      <dd data-testid="scanner-result">
        {!reading
          ? '…'
          : 'refused' in reading
            ? reading.refused
            : reading.result.ok
              ? `${RULE[reading.burst.by]}: NIP ${formatNip(reading.result.nip)}`
              : `${RULE[reading.burst.by]}, tetapi tidak ada NIP: ${reading.result.reason}`}
      </dd>
    </dl>
  )
}

/**
 * "Uji pemindai": what the scanner sent (every key, invisible ones made visible, the gaps, the
 * suffix) and how the kiosk reads it, while nothing is recorded: the app's one wedge hands its
 * bursts here instead of to the queue. `onReading` hears each burst's verdict (the pre-flight
 * screen turns it into green, amber or red).
 */
export function ScannerTest({ onReading }: { onReading?: (reading: Reading) => void } = {}) {
  const hub = useGateHub()
  const [active, setActive] = useState(false)
  const [keys, setKeys] = useState<RawKey[]>([])
  const [reading, setReading] = useState<Reading | null>(null)
  const burst = useRef({ id: 0, read: -1, last: -Infinity, ended: true })
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (reading) onReading?.(reading)
  }, [reading, onReading])

  useEffect(() => {
    if (!active) return
    const b = burst.current
    hub.divert((scan) => {
      b.read = b.id
      setReading({ burst: scan, result: extractNip(scan.code) })
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    // Judged a moment after the burst ends, once the wedge has had its say.
    const judge = (id: number, suffix: boolean, ms: number) => {
      clearTimeout(timer)
      timer = setTimeout(() => b.read !== id && setReading({ refused: refusal(suffix) }), ms)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return
      const fresh = b.ended || e.timeStamp - b.last > NEW_BURST_MS
      if (fresh) {
        b.id++
        setReading(null)
      }
      b.last = e.timeStamp
      const key = { key: e.key, time: e.timeStamp }
      setKeys((k) => (fresh ? [key] : [...k, key]))
      b.ended = e.key === 'Enter' || e.key === 'Tab'
      // Keep Enter and Tab from pressing or leaving the test's own buttons.
      if (b.ended) e.preventDefault()
      judge(b.id, b.ended, b.ended ? 50 : WEDGE_DEFAULTS.idleMs + 150)
    }
    window.addEventListener('keydown', onKey, true)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      clearTimeout(timer)
      hub.divert(null)
    }
  }, [active, hub])

  return (
    <section className="card scanner-test" aria-label="Uji pemindai">
      <h3>Uji pemindai</h3>
      <p>
        Lihat apa yang dikirim pemindai USB atau Bluetooth dan bagaimana kiosk membacanya. Selama
        uji berlangsung tidak ada kehadiran yang dicatat.
      </p>
      <button
        className={active ? '' : 'primary'}
        onClick={() => {
          setActive(!active)
          setKeys([])
          setReading(null)
          panel.current?.focus()
        }}
      >
        {active ? 'Selesai uji pemindai' : 'Mulai uji pemindai'}
      </button>
      <div ref={panel} tabIndex={-1} className="scanner-test-area">
        {active && (
          <>
            <p role="status">Pindai sebuah kartu sekarang.</p>
            <ol
              className="scanner-keys"
              data-testid="scanner-keys"
              aria-label="Tombol yang dikirim"
            >
              {keys.map((k, i) => (
                <li key={i}>
                  <kbd>{visibleKey(k.key)}</kbd>
                  {i > 0 && <small> +{Math.round(k.time - keys[i - 1]!.time)} ms</small>}
                </li>
              ))}
            </ol>
            {keys.length > 0 && <Summary keys={keys} reading={reading} />}
          </>
        )}
      </div>
    </section>
  )
}
