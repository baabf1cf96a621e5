import { useState } from 'react'
import type { DiscoveredHub } from '../../../shared/contract/hub'
import { api } from '../api'
import { useAction } from '../data/query'
import { PairByCamera } from './PairByCamera'

/**
 * "Sambungkan ke kiosk induk": the hub's pairing QR read by this laptop's camera, or its
 * address and code typed in (found on the network when mDNS works there). Pairing also takes
 * the ceremony, its ikrar and the roster from the hub.
 */
export function ConnectCard({ onPaired }: { onPaired: (message: string) => void }) {
  const action = useAction()
  const [camera, setCamera] = useState(false)
  const [address, setAddress] = useState('')
  const [port, setPort] = useState('')
  const [code, setCode] = useState('')
  const [found, setFound] = useState<DiscoveredHub[] | null>(null)

  // This card leaves the screen once paired: the screen keeps the message.
  const paired = (label: string | null) => {
    onPaired(
      `Tersambung ke kiosk induk sebagai ${label ?? 'gerbang'}. Acara dan data pegawai diambil dari kiosk induk.`,
    )
    return null
  }
  const pairByQr = (qr: string) =>
    action.run(async () => {
      const link = await api('hub.pair', { qr })
      setCamera(false)
      return paired(link.label)
    })
  const typed = Number(port)
  const pairByCode = () =>
    action.run(async () => {
      const link = await api('hub.pair', { address: address.trim(), port: typed, code })
      return paired(link.label)
    })
  const discover = () =>
    action.run(async () => {
      const hubs = await api('hub.discover', { timeoutMs: 3000 })
      setFound(hubs)
      return hubs.length === 0
        ? 'Tidak ada kiosk induk yang ditemukan di jaringan ini. Ketik alamat yang tertulis di layar kiosk induk.'
        : null
    })

  return (
    <div className="card" role="group" aria-label="Sambungkan ke kiosk induk">
      <h2>Sambungkan ke kiosk induk</h2>
      <p className="muted">
        Di kiosk induk: menu Pengaturan, layar kiosk induk, "Buat kode pasangan". Laptop ini harus
        di jaringan yang sama (hotspot atau router).
      </p>
      {action.notice}
      <div className="toolbar">
        <button className={camera ? undefined : 'primary'} onClick={() => setCamera((c) => !c)}>
          {camera ? 'Tutup kamera' : 'Pindai QR kiosk induk'}
        </button>
        <button disabled={action.busy} onClick={() => void discover()}>
          Cari kiosk induk di jaringan
        </button>
      </div>
      {camera && (
        <PairByCamera
          onPairing={pairByQr}
          onOther={(text) => action.say({ kind: 'error', text })}
        />
      )}
      {found && found.length > 0 && (
        <ul className="hub-found" aria-label="Kiosk induk di jaringan">
          {found.map((h) => (
            <li key={`${h.address}:${h.port}`}>
              <button
                onClick={() => {
                  setAddress(h.address)
                  setPort(String(h.port))
                }}
              >
                {h.name} · {h.address}:{h.port}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="form toolbar"
        aria-label="Ketik alamat dan kode"
        onSubmit={(e) => {
          e.preventDefault()
          void pairByCode()
        }}
      >
        <label>
          Alamat kiosk induk{' '}
          <input
            value={address}
            inputMode="decimal"
            placeholder="192.168.43.10"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <label>
          Port{' '}
          <input
            value={port}
            inputMode="numeric"
            size={6}
            onChange={(e) => setPort(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <label>
          Kode pasangan{' '}
          <input
            value={code}
            autoComplete="off"
            placeholder="K7QF-9XMD"
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" disabled={action.busy || !address || !typed || code.length < 4}>
          Sambungkan
        </button>
      </form>
    </div>
  )
}
