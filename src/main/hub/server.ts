// The hub's HTTPS surface for gates. Every request is checked before any work: size (fastify's
// body limit), shape (zod, strict), who (credential), how often (per gate), and not a replay
// (its nonce is kept in the database with the push, so a restart forgets none: push.ts).
// Refusals answer an HTTP status with an Indonesian reason and are logged at the hub.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Db } from '../db/connection'
import { UserError } from '../errors'
import { appendEntry } from '../log/append'
import { acaraForGates } from './acara'
import { authenticate, KeyMismatch, registerGate, type GateRecord } from './gates'
import { BODY_LIMIT, RateLimiter } from './limits'
import { PAIRING_MESSAGES, pairingProofText, type PairingDesk } from './pairing'
import { pruneNonces, PushGroup, recentEnough, type PushOutcome } from './push'
import type { HubTls } from './tls'
import {
  API,
  pairRequest,
  pushRequest,
  SECRET_PATTERN,
  type PairResponse,
  type PushResponse,
} from './wire'

export interface HubServerOptions {
  db: Db
  tls: HubTls
  desk: PairingDesk
  hubKioskId: string
  address: string
  port: number
  now(): Date
  /** After a pairing or a push: the hub's screens re-read what changed. */
  onPaired(gate: { kioskId: string; label: string }): void
  onPushed(gate: GateRecord, outcome: PushOutcome): void
}

/** A refusal on its way out: status, code and the officer's words. */
class Refuse extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly peer: string | null = null,
  ) {
    super(message)
  }
}

const MESSAGES = {
  UNPAIRED: 'Gerbang ini belum dipasangkan dengan kiosk induk ini. Pasangkan dengan kode baru.',
  REVOKED: 'Gerbang ini sudah dicabut di kiosk induk. Minta petugas induk memasangkannya lagi.',
  REPLAY:
    'Permintaan yang sama sudah pernah diterima (diulang), atau terlalu lama untuk diterima: ditolak.',
  RATE: 'Terlalu banyak permintaan dari gerbang ini; coba lagi sebentar lagi.',
  TOO_LARGE: 'Isi permintaan terlalu besar untuk kiosk induk.',
  MALFORMED: 'Isi permintaan tidak dapat dibaca (bukan JSON yang sah).',
  KEY_CHANGED:
    'Kiosk ini dikenal kiosk induk dengan kunci tanda tangan lain; pasangan ditolak agar log yang tersimpan tetap sah.',
} as const

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
  throw new Refuse(400, 'BAD_REQUEST', `Isi permintaan tidak sah${where}: ${issue?.message ?? ''}`)
}

const AUTHORIZATION = new RegExp(`^Apel ([^\\s]{1,64}) (${SECRET_PATTERN})$`)

/** "Apel <kioskId> <secret>". */
function credentialOf(req: FastifyRequest): { kioskId: string; secret: string } | null {
  const match = AUTHORIZATION.exec(req.headers.authorization ?? '')
  return match ? { kioskId: match[1]!, secret: match[2]! } : null
}

export async function startHubServer(o: HubServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    https: { key: o.tls.keyPem, cert: o.tls.certPem },
    bodyLimit: BODY_LIMIT.push,
    // A slow or stuck client cannot hold the hub: bounded headers, bodies and idle sockets.
    connectionTimeout: 15_000,
    requestTimeout: 15_000,
    keepAliveTimeout: 30_000,
    logger: false,
  })
  const perGate = new RateLimiter(50, 100)
  const perAddress = new RateLimiter(2, 10)
  // The log hears of refusals at most this often: a flood is refused without filling it.
  const refusalLog = new RateLimiter(2, 30)

  const gateOf = (req: FastifyRequest): GateRecord => {
    const cred = credentialOf(req)
    if (!cred) throw new Refuse(401, 'UNPAIRED', MESSAGES.UNPAIRED)
    const gate = authenticate(o.db, cred.kioskId, cred.secret)
    if (gate === 'UNPAIRED') throw new Refuse(401, 'UNPAIRED', MESSAGES.UNPAIRED, cred.kioskId)
    if (gate === 'REVOKED') throw new Refuse(403, 'REVOKED', MESSAGES.REVOKED, cred.kioskId)
    if (!perGate.take(gate.kioskId)) throw new Refuse(429, 'RATE', MESSAGES.RATE, gate.kioskId)
    return gate
  }

  app.post(`${API}/pasangan`, { bodyLimit: BODY_LIMIT.pair }, (req) => {
    if (!perAddress.take(req.ip)) throw new Refuse(429, 'RATE', MESSAGES.RATE)
    const body = parse(pairRequest, req.body)
    const text = pairingProofText(o.tls.fingerprint, body.kioskId, body.publicKey)
    const refused = o.desk.redeem(body.proof, text)
    if (refused)
      throw new Refuse(403, refused.refused, PAIRING_MESSAGES[refused.refused], body.kioskId)
    try {
      const { label, secret } = registerGate(o.db, { ...body, now: o.now() })
      o.onPaired({ kioskId: body.kioskId, label })
      const answer: PairResponse = { hubKioskId: o.hubKioskId, label, secret, hubTime: Date.now() }
      return answer
    } catch (error) {
      if (error instanceof KeyMismatch)
        throw new Refuse(409, 'KEY_CHANGED', MESSAGES.KEY_CHANGED, body.kioskId)
      throw error
    }
  })

  app.get(`${API}/acara`, (req) => {
    gateOf(req)
    return acaraForGates(o.db)
  })

  const pushes = new PushGroup(o.db, o.now)
  app.post(`${API}/kirim`, async (req) => {
    const receivedAt = o.now().getTime()
    const gate = gateOf(req)
    const push = parse(pushRequest, req.body)
    const outcome = recentEnough(push, o.now()) ? await pushes.apply(gate, push) : 'REPLAY'
    if (outcome === 'REPLAY') throw new Refuse(409, 'REPLAY', MESSAGES.REPLAY, gate.kioskId)
    o.onPushed(gate, outcome)
    const answer: PushResponse = {
      ackSeq: outcome.ackSeq,
      verdicts: outcome.verdicts,
      receivedAt,
      repliedAt: o.now().getTime(),
    }
    return answer
  })

  app.setNotFoundHandler((req, reply) =>
    refuse(req, reply, new Refuse(404, 'NOT_FOUND', 'Alamat ini tidak ada di kiosk induk.')),
  )
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) =>
    refuse(req, reply, asRefusal(error)),
  )

  function refuse(req: FastifyRequest, reply: FastifyReply, r: Refuse) {
    if (refusalLog.take('log')) {
      try {
        appendEntry(o.db, {
          kind: 'hub.refused',
          at: o.now().toISOString(),
          kioskId: o.hubKioskId,
          body: {
            status: r.status,
            code: r.code,
            path: req.url.slice(0, 60),
            remote: req.ip.slice(0, 60),
            peer: r.peer?.slice(0, 64) ?? null,
          },
        })
      } catch (error) {
        // The refusal still goes out: a full disk must not turn it into a hang.
        console.error('[hub.refused]', error)
      }
    }
    return reply.status(r.status).send({ code: r.code, message: r.message })
  }

  pruneNonces(o.db, o.now())
  await app.listen({ host: o.address, port: o.port })
  return app
}

/** Fastify's own refusals (size, JSON), the domain's (UserError), or a real failure. */
function asRefusal(error: Error & { statusCode?: number; code?: string }): Refuse {
  if (error instanceof Refuse) return error
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new Refuse(413, 'TOO_LARGE', MESSAGES.TOO_LARGE)
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  )
    return new Refuse(400, 'MALFORMED', MESSAGES.MALFORMED)
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new Refuse(415, 'MALFORMED', 'Isi permintaan harus JSON (application/json).')
  if (error instanceof UserError) return new Refuse(422, error.code, error.message)
  console.error('[hub]', error)
  return new Refuse(500, 'INTERNAL', `Kiosk induk gagal memproses permintaan: ${error.message}`)
}
