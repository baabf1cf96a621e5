import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker, type TransferListItem } from 'node:worker_threads'

/** Each thread's entry: its TypeScript source, beside this file's folder. */
const ENTRIES = {
  worker: 'worker.ts',
  'bundle-check': '../bundle/check-worker.ts',
}

/**
 * The one way main starts a worker thread. In the built app each entry is its own bundle,
 * out/main/<entry>.js beside index.js (rollup inputs in electron.vite.config.ts). Under
 * vitest and tsx there is no bundle: the worker registers tsx's require hook and loads the
 * TypeScript entry (Node 20 does not apply `--import tsx` hooks to a worker's entry file).
 */
export function startWorker(
  data: unknown,
  entry: keyof typeof ENTRIES = 'worker',
  transferList?: TransferListItem[],
): Worker {
  const built = path.join(__dirname, `${entry}.js`)
  if (fs.existsSync(built)) return new Worker(built, { workerData: data, transferList })
  return startTsWorker(path.join(__dirname, ENTRIES[entry]), data, transferList)
}

/** A worker running a .ts file through tsx: the source tree, and test fixtures. */
export function startTsWorker(
  file: string,
  data: unknown,
  transferList?: TransferListItem[],
): Worker {
  const tsx = createRequire(__filename).resolve('tsx/cjs/api')
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)})`
  return new Worker(boot, { eval: true, workerData: data, transferList })
}
