// Verification of a 20,000-person export folder (60 OPD workbooks, recap, CSV, manifest): the
// manifest's signature and every file's SHA-256, then content where bytes changed. Beside it:
// the bare SHA-256 of the same files, and the same folder with every workbook's content read.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { exportCeremony } from '../../src/main/export/export'
import { verifyPath, type VerifyOptions } from '../../src/main/verify/verify'
import { testSigning } from '../../tests/fixtures/signing'
import { median } from './child'
import { seed } from './export'
import type { BenchRow } from './table'

const RUNS = 3
const TARGET_MS = 2000

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

async function bareDigests(folder: string): Promise<void> {
  for (const name of fs.readdirSync(folder)) {
    const hash = createHash('sha256')
    for await (const chunk of fs.createReadStream(path.join(folder, name)))
      hash.update(chunk as Buffer)
    hash.digest('hex')
  }
}

async function series(work: () => Promise<unknown>): Promise<number> {
  const runs: number[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await timed(work))
  return median(runs)
}

async function verifyOk(folder: string, options: VerifyOptions): Promise<void> {
  const report = await verifyPath(folder, options)
  if (report.verdict !== 'asli') throw new Error(`bench folder did not verify: ${report.summary}`)
}

export default async function verifyBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-verify-'))
  try {
    const dbFile = path.join(dir, 'kiosk.sqlite')
    const ceremonyId = seed(dbFile)
    const db = openDatabase(dbFile)
    const out = path.join(dir, 'usb')
    fs.mkdirSync(out)
    const { folder, files } = await exportCeremony(db, {
      ceremonyId,
      folder: out,
      order: 'rate',
      ikrar: null,
      signing: testSigning(),
    })
    db.close()
    const verify = await series(() => verifyOk(folder, {}))
    const bare = await series(() => bareDigests(folder))
    const full = await series(() => verifyOk(folder, { fullContent: true }))
    return [
      {
        name: 'verify export folder, 20,000',
        value: `${Math.round(verify)} ms (${files.length} files; median of ${RUNS})`,
        baseline: `${Math.round(bare)} ms (SHA-256 of the same files, bare)`,
        ratio: `${(verify / bare).toFixed(1)}x`,
        target: `<= ${TARGET_MS} ms`,
        ok: verify <= TARGET_MS,
      },
      {
        name: "verify export folder, 20,000, every workbook's content read too",
        value: `${Math.round(full)} ms (median of ${RUNS})`,
        baseline: `${Math.round(verify)} ms (digests, content only where bytes changed)`,
        ratio: `${(full / verify).toFixed(1)}x`,
      },
    ]
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
