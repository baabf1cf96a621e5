// The hub's TLS identity: a self-signed certificate made once and kept like the kiosk's key
// (outside the database, sealed by the OS in the app). Gates pin its SHA-256, so no CA is
// needed on a hotspot with no internet; what a gate trusts is what the pairing QR named.
import { createHash, X509Certificate, webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { sealedFileStore, type KeyStore, type Sealer } from '../keys/kiosk-key'

// Node's WebCrypto is the standard one; its type lives in the DOM lib this build leaves out.
x509.cryptoProvider.set(webcrypto as never)

export interface HubTls {
  /** PKCS#8 PEM of the certificate's P-256 key. */
  keyPem: string
  certPem: string
  /** SHA-256 of the certificate's DER, lowercase hex: what gates pin. */
  fingerprint: string
}

/** Beside the kiosk key (keys/kiosk-key.ts KEY_FILE), sealed the same way. */
export const HUB_TLS_FILE = 'sertifikat-induk.bin'

export const hubTlsStore = (file: string, sealer?: Sealer): KeyStore =>
  sealedFileStore(file, sealer)

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
/** Long enough for any apel season; a gate pins the fingerprint, not the dates. */
const VALID_DAYS = 3650

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`

/** SHA-256 of a certificate's DER bytes, lowercase hex. */
export function certFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex')
}

/** "AB12 CD34 …": the fingerprint grouped for reading aloud or comparing by eye. */
export const groupedFingerprint = (hex: string) => hex.toUpperCase().replace(/.{4}(?!$)/g, '$& ')

async function issue(now: Date): Promise<{ keyPem: string; certPem: string }> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: createHash('sha256').update(now.toISOString()).digest('hex').slice(0, 16),
    name: 'CN=Kiosk induk Apel Netralitas',
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'],
    signingAlgorithm: ALGORITHM,
    // Its own trust anchor: a gate passes exactly this certificate as `ca`, then pins it.
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  })
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)
  return { keyPem: pem('PRIVATE KEY', pkcs8), certPem: cert.toString('pem') }
}

function parse(secret: string): { keyPem: string; certPem: string } {
  const stored = JSON.parse(secret) as { versi?: number; kunci?: unknown; sertifikat?: unknown }
  if (
    stored.versi !== 1 ||
    typeof stored.kunci !== 'string' ||
    typeof stored.sertifikat !== 'string'
  )
    throw new Error('bukan sertifikat kiosk induk')
  return { keyPem: stored.kunci, certPem: stored.sertifikat }
}

const withFingerprint = (t: { keyPem: string; certPem: string }): HubTls => ({
  ...t,
  fingerprint: certFingerprint(new X509Certificate(t.certPem).raw),
})

/**
 * The hub's certificate, made at the first hub start. A stored one that cannot be read is set
 * aside (never deleted) and a new one made: paired gates then refuse the hub until paired again,
 * which is the pin doing its job.
 */
export async function loadOrCreateHubTls(store: KeyStore, now: Date): Promise<HubTls> {
  try {
    const secret = store.load()
    if (secret !== null) return withFingerprint(parse(secret))
  } catch {
    store.setAside(now.toISOString().replace(/[:.]/g, '-'))
  }
  const made = await issue(now)
  store.save(JSON.stringify({ versi: 1, kunci: made.keyPem, sertifikat: made.certPem }))
  // A second start that raced this one saved first: use what is stored.
  return withFingerprint(parse(store.load() ?? ''))
}
