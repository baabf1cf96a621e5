// `npm run bench`: every benchmark, each beside a bare baseline from the same run, as one table.
// Figures, not pass/fail tests: the machine they ran on is printed with them.
import os from 'node:os'
import { printTable, type BenchRow } from './table'

type Bench = () => Promise<BenchRow[]>
const BENCHES: Record<string, () => Promise<Bench>> = {
  checkin: () => import('./checkin').then((m) => m.default),
  export: () => import('./export').then((m) => m.default),
  verify: () => import('./verify').then((m) => m.default),
  merge: () => import('./merge').then((m) => m.default),
  roster: () => import('./roster').then((m) => m.default),
  'gate-jobs': () => import('./gate-during-jobs').then((m) => m.default),
  decoder: () => import('./decoder').then((m) => m.default),
  screen: () => import('./screen').then((m) => m.default),
  hub: () => import('./hub').then((m) => m.default),
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const rows: BenchRow[] = []
  for (const [name, load] of Object.entries(BENCHES)) {
    if (only.length && !only.includes(name)) continue
    rows.push(...(await (await load())()))
  }
  console.log(
    `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  )
  printTable(rows)
}

void main()
