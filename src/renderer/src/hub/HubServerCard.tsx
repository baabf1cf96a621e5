import { useState } from 'react'
import type { HubSide, NetworkAddress } from '../../../shared/contract/hub'
import { api } from '../api'
import { useAction } from '../data/query'

/** Loopback last: it only serves this laptop, for trying the hub out. */
const byUse = (a: NetworkAddress, b: NetworkAddress) => Number(a.internal) - Number(b.internal)

function addressLabel(a: NetworkAddress): string {
  return a.internal ? `${a.address} (${a.name}, hanya laptop ini)` : `${a.address} (${a.name})`
}

/**
 * Hub mode on or off. The officer picks the network the gates share (a hotspot's or a router's
 * address) from what main lists; the server listens only there and only while this is on.
 */
export function HubServerCard({ hub }: { hub: HubSide | null }) {
  const action = useAction()
  const [addresses, setAddresses] = useState<NetworkAddress[] | null>(null)
  const [picked, setPicked] = useState('')
  const server = hub?.listening ? hub.server : null

  // Read when asked: the list needs the PIN, and a network plugged in later must show up.
  const listAddresses = () =>
    action.run(async () => {
      const found = [...(await api('hub.addresses'))].sort(byUse)
      setAddresses(found)
      setPicked(found[0]?.address ?? '')
      return found.length === 0
        ? 'Laptop ini belum tersambung ke jaringan mana pun: nyalakan hotspot atau sambungkan ke router, lalu coba lagi.'
        : null
    })
  const start = () =>
    action.run(async () => {
      const info = await api('hub.start', { address: picked, port: 0 })
      setAddresses(null)
      return `Mode induk menyala di ${info.address}:${info.port}.`
    })
  const stop = () =>
    action.run(async () => {
      await api('hub.stop')
      return 'Mode induk dimatikan: gerbang menyimpan pindaiannya sendiri sampai dinyalakan lagi.'
    })

  return (
    <div className="card" role="group" aria-label="Mode kiosk induk">
      <div className="toolbar">
        <h2>Mode kiosk induk</h2>
        <span className={server ? 'badge' : 'badge badge-off'} data-testid="hub-listening">
          {server ? 'Menyala' : 'Mati'}
        </span>
      </div>
      {action.notice}
      {server ? (
        <>
          <dl className="facts">
            <dt>Alamat</dt>
            <dd className="mono" data-testid="hub-address">
              {server.address}:{server.port}
            </dd>
            <dt>Sidik sertifikat</dt>
            <dd className="mono">{server.certFingerprint}</dd>
            <dt>Pencarian otomatis</dt>
            <dd>
              {hub?.advertised
                ? 'Gerbang di jaringan ini dapat menemukan kiosk induk sendiri.'
                : 'Tidak tersedia di jaringan ini: gerbang memindai QR atau mengetik alamat.'}
            </dd>
          </dl>
          <button disabled={action.busy} onClick={() => void stop()}>
            Matikan mode induk
          </button>
        </>
      ) : addresses && addresses.length > 0 ? (
        <div className="toolbar">
          <label>
            Jaringan yang dipakai gerbang{' '}
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              {addresses.map((a) => (
                <option key={a.address} value={a.address}>
                  {addressLabel(a)}
                </option>
              ))}
            </select>
          </label>
          <button
            className="primary"
            disabled={action.busy || !picked}
            onClick={() => void start()}
          >
            Mulai menerima gerbang
          </button>
          <button onClick={() => setAddresses(null)}>Batal</button>
        </div>
      ) : (
        <>
          <p className="muted">
            Gerbang mengirim pindaian ke laptop ini lewat jaringan lokal (hotspot ponsel atau
            router, tanpa internet), terenkripsi dengan sertifikat kiosk induk.
          </p>
          <button className="primary" disabled={action.busy} onClick={() => void listAddresses()}>
            Nyalakan mode induk…
          </button>
        </>
      )}
    </div>
  )
}
