// The gate's side of the wire: HTTPS to one hub whose certificate is pinned. The pinned
// certificate is the only trust anchor, and its SHA-256 must match: any other certificate,
// even one a CA would accept, is refused before a byte of the request is sent.
import https from 'node:https'
import tls from 'node:tls'
import { certFingerprint } from '../hub/tls'
import type { Refusal } from '../hub/wire'

export class HubUnreachable extends Error {}

/** The hub answered with a refusal: its HTTP status and reason (Indonesian). */
export class HubRefused extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.message)
  }
}

export const PIN_MISMATCH =
  'Sertifikat kiosk induk tidak cocok dengan yang disimpan saat berpasangan: bisa jadi ini bukan kiosk induk yang sama. Pasangkan ulang bila kiosk induk memang diganti.'

/**
 * The certificate a server presents, without trusting it: what a gate pairing by typed code
 * pins (the pairing proof is bound to it, so a stranger's certificate cannot complete pairing).
 */
export function probeCertificate(
  address: string,
  port: number,
  timeoutMs: number,
): Promise<{ certPem: string; sha256: string }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: address,
      port,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    const fail = (why: string) => {
      socket.destroy()
      reject(new HubUnreachable(why))
    }
    socket.once('secureConnect', () => {
      const der = socket.getPeerCertificate(false).raw
      socket.end()
      if (!der) return fail('Kiosk induk tidak mengirim sertifikat.')
      const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n')
      resolve({
        certPem: `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`,
        sha256: certFingerprint(der),
      })
    })
    socket.once('timeout', () => fail(`Kiosk induk ${address}:${port} tidak menjawab.`))
    socket.once('error', (e) => fail(unreachable(address, port, e)))
  })
}

function unreachable(address: string, port: number, e: Error): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ECONNREFUSED')
    return `Kiosk induk ${address}:${port} tidak menerima sambungan (mode induk mati?).`
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return `Kiosk induk ${address} tidak terjangkau dari jaringan ini.`
  return `Tidak dapat menyambung ke kiosk induk ${address}:${port} (${code ?? e.message}).`
}

export interface HubEndpoint {
  address: string
  port: number
  certPem: string
  certSha256: string
  /** "Apel <kioskId> <secret>"; absent while pairing. */
  authorization?: string
}

/** One pinned connection pool to the hub; keep-alive, so a push costs one round trip. */
export class HubClient {
  private readonly agent: https.Agent

  constructor(private readonly hub: HubEndpoint) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: 2,
      ca: hub.certPem,
      // The name in the certificate is not checked (the hub's address is whatever the hotspot
      // gave it); the pin is: exactly this certificate and no other.
      checkServerIdentity: (_host, cert) =>
        certFingerprint(cert.raw) === hub.certSha256 ? undefined : new Error(PIN_MISMATCH),
    })
  }

  /** JSON in, JSON out, bounded in time; a refusal throws HubRefused, no answer HubUnreachable. */
  request<T>(method: 'GET' | 'POST', path: string, body: unknown, timeoutMs: number): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    return this.send<T>(method, path, payload, timeoutMs, true)
  }

  private send<T>(
    method: 'GET' | 'POST',
    path: string,
    payload: Buffer | undefined,
    timeoutMs: number,
    mayRetry: boolean,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        {
          host: this.hub.address,
          port: this.hub.port,
          method,
          path,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': payload.length }
              : {}),
            ...(this.hub.authorization ? { authorization: this.hub.authorization } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', (e) => reject(new HubUnreachable(e.message)))
          res.on('end', () => {
            let json: unknown
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
            } catch {
              return reject(new HubUnreachable('Jawaban kiosk induk tidak dapat dibaca.'))
            }
            if (res.statusCode === 200) return resolve(json as T)
            const refusal = json as Partial<Refusal>
            reject(
              new HubRefused(res.statusCode ?? 0, {
                code: String(refusal.code ?? 'REFUSED'),
                message: String(refusal.message ?? `Kiosk induk menolak (HTTP ${res.statusCode}).`),
              }),
            )
          })
        },
      )
      req.on('timeout', () =>
        req.destroy(new HubUnreachable('Kiosk induk tidak menjawab tepat waktu.')),
      )
      req.on('error', (e) => {
        // A kept-alive socket the hub closed (it restarted) fails the first request on it: sent
        // again once on a new socket. Resending is safe: a push the hub did take comes back as a
        // replay, and its entries are sent again on the next round, changing nothing.
        if (mayRetry && req.reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET')
          return resolve(this.send<T>(method, path, payload, timeoutMs, false))
        if (e instanceof HubUnreachable) return reject(e)
        if (e.message === PIN_MISMATCH) return reject(new HubUnreachable(PIN_MISMATCH))
        reject(new HubUnreachable(unreachable(this.hub.address, this.hub.port, e)))
      })
      req.end(payload)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
