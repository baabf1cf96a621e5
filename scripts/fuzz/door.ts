// Random calls through the one door (src/main/ipc/invoke.ts): real channels with inputs grown
// from their own schemas and then damaged, junk channel names, prototype keys, huge strings,
// deep nesting, wrong types. What must never happen: invoke throwing (an exception crossing
// back), an INTERNAL answer (an error nobody turned into Indonesian), or an answer that is not
// { ok, value } / { ok: false, error: { code, message } }.
import { z } from 'zod'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invoke } from '../../src/main/ipc/invoke'
import { demoRoster, seededRandom } from '../../src/main/roster/demo'
import { applyRoster } from '../../src/main/roster/repository'
import { addCeremony } from '../../tests/fixtures/ceremony'
import { testContext } from '../../tests/fixtures/context'
import { tempDb } from '../../tests/fixtures/temp-db'
import { CHANNELS, contract } from '../../src/shared/contract'

type Rand = () => number
interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  maxLength?: number
}

export interface FuzzCounts {
  calls: number
  ok: number
  /** Refused with an Indonesian message: the expected answer to most junk. */
  refused: number
  internal: number
  /** invoke itself threw or rejected. */
  escaped: number
  malformed: number
  byCode: Record<string, number>
  /** The first few bad cases, replayable from the seed. */
  samples: string[]
}

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
const NIP = '197405021993111001'
const STRINGS = [
  '',
  ' ',
  'a',
  NIP,
  `NIP. ${NIP}`,
  '__proto__',
  'constructor',
  'prototype',
  "'; DROP TABLE checkin; --",
  '<img src=x onerror=alert(1)>',
  '\u0000\u202e\ud800',
  '=HYPERLINK("http://x")',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  '2024-02-30',
  '25:61',
  'kamera',
  'IZIN',
  'next',
  '1e309',
]
const NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, NaN, Infinity]
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'then', 'x', '']

/** Something nested far deeper than any real input, as arrays or objects. */
function deep(rand: Rand): unknown {
  const depth = 1000 + Math.floor(rand() * 9000)
  let v: unknown = pick(rand, STRINGS)
  for (let i = 0; i < depth; i++) v = rand() < 0.5 ? [v] : { a: v }
  return v
}

/** An object whose own keys include __proto__ and friends, as JSON.parse makes them. */
function prototypeKeys(rand: Rand, base: Record<string, unknown> = {}): unknown {
  const out = { ...base }
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
    // defineProperty, not assignment: `out.__proto__ = v` would set the prototype instead.
    Object.defineProperty(out, pick(rand, KEYS), {
      value: junk(rand, 2),
      enumerable: true,
      configurable: true,
      writable: true,
    })
  }
  return out
}

function junkString(rand: Rand): string {
  const r = rand()
  if (r < 0.01) return 'x'.repeat(1_000_000 + Math.floor(rand() * 1000))
  if (r < 0.05) return pick(rand, STRINGS).repeat(500)
  if (r < 0.3) {
    const n = Math.floor(rand() * 30)
    return String.fromCharCode(...Array.from({ length: n }, () => Math.floor(rand() * 0xffff)))
  }
  return pick(rand, STRINGS)
}

export function junk(rand: Rand, depth = 0): unknown {
  const r = rand()
  if (r < 0.08) return undefined
  if (r < 0.14) return null
  if (r < 0.2) return rand() < 0.5
  if (r < 0.34) return rand() < 0.5 ? pick(rand, NUMBERS) : Math.floor(rand() * 1e6) - 1000
  if (r < 0.55) return junkString(rand)
  if (r < 0.6) return BigInt(Math.floor(rand() * 1e9))
  if (r < 0.63) return new Date(rand() < 0.5 ? NaN : rand() * 4e12)
  if (r < 0.65) return new Map([[pick(rand, KEYS), 1]])
  if (r < 0.66) return new Uint8Array(Math.floor(rand() * 64))
  if (r < 0.67) return deep(rand)
  if (depth > 3) return pick(rand, STRINGS)
  if (r < 0.8) return Array.from({ length: Math.floor(rand() * 5) }, () => junk(rand, depth + 1))
  if (r < 0.9) return prototypeKeys(rand)
  return Object.fromEntries(
    Array.from({ length: Math.floor(rand() * 4) }, () => [junkString(rand), junk(rand, depth + 1)]),
  )
}

/** Plausible strings for the fields the contract has, so some calls get past validation. */
function fieldString(rand: Rand, key: string, max = 200): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
  const byKey: Record<string, () => string> = {
    pin: () => digits(4 + Math.floor(rand() * 5)),
    payload: () => (rand() < 0.5 ? NIP : junkString(rand)),
    nip: () => `19${digits(16)}`,
    date: () => `20${digits(2)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    startTime: () => '07:30',
    lateTime: () => '07:45',
    name: () => `backup-${digits(3)}.sqlite`,
    reason: () => 'salah orang',
  }
  const s = (byKey[key] ?? (() => junkString(rand)))()
  return s.slice(0, max)
}

/** A value shaped by the schema, each part damaged now and then. */
export function fromSchema(rand: Rand, schema: JsonSchema, key = '', depth = 0): unknown {
  if (rand() < 0.12 || depth > 6) return junk(rand)
  if (schema.anyOf) return fromSchema(rand, pick(rand, schema.anyOf), key, depth + 1)
  if (schema.enum) return pick(rand, schema.enum)
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, s] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(k) || rand() < 0.5) out[k] = fromSchema(rand, s, k, depth + 1)
      }
      return rand() < 0.05 ? prototypeKeys(rand, out) : out
    }
    case 'array': {
      const n = (schema.minItems ?? 0) + Math.floor(rand() * 4)
      return Array.from({ length: n }, () => fromSchema(rand, schema.items ?? {}, key, depth + 1))
    }
    case 'string':
      return fieldString(rand, key, schema.maxLength)
    case 'integer':
    case 'number': {
      const lo = Math.max(schema.minimum ?? 1, -1e6)
      const hi = Math.min(schema.maximum ?? 50, 1e6)
      return lo + Math.floor(rand() * (Math.min(hi, lo + 50) - lo + 1))
    }
    case 'boolean':
      return rand() < 0.5
    case 'null':
      return null
    default:
      // No input at all (z.undefined()): usually honoured, sometimes not.
      return rand() < 0.7 ? undefined : junk(rand)
  }
}

const SCHEMAS = Object.fromEntries(
  CHANNELS.map((c) => [
    c,
    z.toJSONSchema(contract[c].input, { unrepresentable: 'any' }) as JsonSchema,
  ]),
)

const JUNK_CHANNELS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'checkin.scan ',
  'CHECKIN.SCAN',
  'checkin',
  'checkin.',
  'app.status\u0000',
  'x'.repeat(100_000),
]

function channelOf(rand: Rand): string {
  const r = rand()
  if (r < 0.8) return pick(rand, CHANNELS)
  if (r < 0.95) return pick(rand, JUNK_CHANNELS)
  return junkString(rand)
}

function wellFormed(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false
  const r = result as {
    ok?: unknown
    value?: unknown
    error?: { code?: unknown; message?: unknown }
  }
  if (r.ok === true) return 'value' in r
  return (
    r.ok === false &&
    typeof r.error?.code === 'string' &&
    typeof r.error.message === 'string' &&
    r.error.message.length > 0
  )
}

const describeCall = (i: number, channel: string, input: unknown) => {
  let shown: string
  try {
    shown = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))
  } catch {
    shown = String(input)
  }
  return `#${i} ${channel.slice(0, 60)} ${String(shown).slice(0, 200)}`
}

/** `calls` seeded random calls, one after another, counted. */
export async function fuzzDoor(
  start: () => Handlers,
  options: {
    calls: number
    seed: number
    /**
     * Calls between restarts (`start` again). Random calls soon set a PIN and lock it, after
     * which every officer call is refused alike; the caller's `start` clears the PIN so that the
     * officer's handlers keep being reached.
     */
    restartEvery?: number
    progress?: (c: FuzzCounts) => void
  },
): Promise<FuzzCounts> {
  let handlers = start()
  const rand = seededRandom(options.seed)
  const counts: FuzzCounts = {
    calls: 0,
    ok: 0,
    refused: 0,
    internal: 0,
    escaped: 0,
    malformed: 0,
    byCode: {},
    samples: [],
  }
  const sample = (line: string) => counts.samples.length < 10 && counts.samples.push(line)
  for (let i = 0; i < options.calls; i++) {
    if (i > 0 && i % (options.restartEvery ?? 1000) === 0) handlers = start()
    const channel = channelOf(rand)
    const schema = SCHEMAS[channel as keyof typeof SCHEMAS]
    const input = schema && rand() < 0.85 ? fromSchema(rand, schema) : junk(rand)
    counts.calls++
    try {
      const result = await invoke(handlers, channel, input)
      if (!wellFormed(result)) {
        counts.malformed++
        sample(`MALFORMED ${describeCall(i, channel, input)}`)
      } else if (result.ok) counts.ok++
      else {
        counts.byCode[result.error.code] = (counts.byCode[result.error.code] ?? 0) + 1
        if (result.error.code === 'INTERNAL') {
          counts.internal++
          sample(`INTERNAL ${describeCall(i, channel, input)}: ${result.error.message}`)
        } else counts.refused++
      }
    } catch (error) {
      counts.escaped++
      sample(`ESCAPED ${describeCall(i, channel, input)}: ${(error as Error)?.message}`)
    }
    if (options.progress && (i + 1) % 5000 === 0) options.progress(counts)
  }
  return counts
}

/**
 * A kiosk to fuzz: a real database with a small roster and an active ceremony. Each `start`
 * is a fresh install's handler table (no PIN), over the same file.
 */
export function fuzzKiosk(people: number): { start: () => Handlers; cleanup: () => void } {
  const t = tempDb()
  applyRoster(t.db, demoRoster(people), new Date())
  addCeremony(t.db, { name: 'Apel fuzz' })
  const start = () => {
    t.db.prepare("DELETE FROM setting WHERE key LIKE 'officer_pin%'").run()
    return createHandlers(
      testContext({
        db: t.db,
        dbPath: t.file,
        kioskId: 'FUZZ',
        now: () => new Date(),
        // Multicast from a fuzz run reaches nobody; a look for hubs would only make calls slow.
        network: { mdns: false },
      }),
    )
  }
  return { start, cleanup: t.cleanup }
}
