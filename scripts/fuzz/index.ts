// `npm run fuzz`: 50,000 seeded random calls through the door (FUZZ_CALLS, FUZZ_SEED to change),
// over a real database with a small roster and an active ceremony. Prints escaped / INTERNAL /
// malformed answers and crashes (uncaught errors while it ran); exits 1 if any.
import { fuzzDoor, fuzzKiosk, type FuzzCounts } from './door'

let crashes = 0
process.on('uncaughtException', (e) => {
  crashes++
  console.log(`CRASH uncaughtException: ${e.message}`)
})
process.on('unhandledRejection', (e) => {
  crashes++
  console.log(`CRASH unhandledRejection: ${(e as Error)?.message ?? e}`)
})

const fmt = (n: number) => n.toLocaleString('id-ID')
const line = (c: FuzzCounts) =>
  `${fmt(c.calls)} panggilan: ok ${fmt(c.ok)}, ditolak ${fmt(c.refused)}, INTERNAL ${fmt(c.internal)}, lolos (throw) ${fmt(c.escaped)}, bentuk salah ${fmt(c.malformed)}, crash ${fmt(crashes)}`

async function main(): Promise<void> {
  const calls = Number(process.env.FUZZ_CALLS ?? 50_000)
  const seed = Number(process.env.FUZZ_SEED ?? 20241127)
  const kiosk = fuzzKiosk(200)
  const started = Date.now()
  try {
    const counts = await fuzzDoor(kiosk.start, {
      calls,
      seed,
      progress: (c) => console.log(`  ${line(c)}`),
    })
    console.log(
      `FUZZ seed=${seed} ${line(counts)} dalam ${fmt(Math.round((Date.now() - started) / 1000))} s`,
    )
    console.log(`  kode: ${JSON.stringify(counts.byCode)}`)
    for (const s of counts.samples) console.log(`  ${s}`)
    const bad = counts.internal + counts.escaped + counts.malformed + crashes
    process.exitCode = bad === 0 ? 0 : 1
  } finally {
    kiosk.cleanup()
  }
}

void main()
