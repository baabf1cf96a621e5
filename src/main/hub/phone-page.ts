// The phone page: while hub mode is on, any phone on the network opens a read-only page of
// counts per OPD and per gate that refreshes itself. No names, no NIPs: only numbers travel, so
// it is served over plain HTTP on its own port, where a phone opens it without a certificate
// warning (gates and personal data stay on the TLS port).
import Fastify, { type FastifyInstance } from 'fastify'
import type { HubDashboard } from '../../shared/contract/hub'

/** What the page shows: counts and labels only. */
export interface PhoneCounts {
  ceremony: string | null
  present: number
  expected: number
  opd: { name: string; present: number; expected: number }[]
  gates: { label: string; present: number; online: boolean; perMinute: number }[]
  at: string
}

export function phoneCounts(d: HubDashboard, now: Date): PhoneCounts {
  return {
    ceremony: d.ceremony?.name ?? null,
    present: d.present,
    expected: d.expected,
    opd: d.perOpd.map((o) => ({ name: o.name, present: o.present, expected: o.expected })),
    gates: d.gates.map((g) => ({
      label: g.label,
      present: g.present,
      online: g.online,
      perMinute: g.perMinute,
    })),
    at: now.toISOString(),
  }
}

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const HTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/gaya.css"><title>Kehadiran Apel</title></head>
<body><h1 id="acara">Kehadiran Apel</h1><p class="besar"><span id="hadir">-</span> / <span id="diharapkan">-</span> hadir</p>
<h2>Per gerbang</h2><table id="gerbang"></table><h2>Per OPD</h2><table id="opd"></table>
<p id="waktu" class="kecil"></p><script src="/halaman.js"></script></body></html>`

const CSS = `body{font-family:system-ui,sans-serif;margin:1rem;color:#111}h1{font-size:1.3rem}
.besar{font-size:2.2rem;font-weight:700}table{border-collapse:collapse;width:100%}td{padding:.3rem;border-bottom:1px solid #ddd}
td.n{text-align:right;font-variant-numeric:tabular-nums}.kecil{color:#555;font-size:.85rem}`

// Rebuilds the tables from /angka every 2 s with textContent only (no HTML from the wire).
const SCRIPT = `'use strict'
function row(t, cells) { const tr = document.createElement('tr'); for (const [v, n] of cells) { const td = document.createElement('td'); td.textContent = String(v); if (n) td.className = 'n'; tr.appendChild(td) } t.appendChild(tr) }
async function tick() {
  try {
    const r = await fetch('/angka', { cache: 'no-store' }); const d = await r.json()
    document.getElementById('acara').textContent = d.ceremony || 'Belum ada acara aktif'
    document.getElementById('hadir').textContent = d.present
    document.getElementById('diharapkan').textContent = d.expected
    const g = document.getElementById('gerbang'); g.replaceChildren()
    for (const x of d.gates) row(g, [[x.label], [x.online ? 'tersambung' : 'terputus'], [x.present + ' hadir', 1], [x.perMinute + '/menit', 1]])
    const o = document.getElementById('opd'); o.replaceChildren()
    for (const x of d.opd) row(o, [[x.name], [x.present + ' / ' + x.expected, 1]])
    document.getElementById('waktu').textContent = 'Diperbarui ' + new Date(d.at).toLocaleTimeString('id-ID')
  } catch { document.getElementById('waktu').textContent = 'Kiosk induk tidak terjangkau; mencoba lagi…' }
}
tick(); setInterval(tick, 2000)`

export async function startPhonePage(o: {
  address: string
  port: number
  counts(): PhoneCounts
}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 1024, connectionTimeout: 10_000 })
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CSP)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('cache-control', 'no-store')
  })
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(HTML))
  app.get('/gaya.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(CSS))
  app.get('/halaman.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(SCRIPT))
  app.get('/angka', () => o.counts())
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).type('text/plain; charset=utf-8').send('Tidak ada.'),
  )
  try {
    await app.listen({ host: o.address, port: o.port })
  } catch (error) {
    // The caller may try another port: nothing of this attempt is left open.
    await app.close()
    throw error
  }
  return app
}
