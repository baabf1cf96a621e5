import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * The one way main starts a worker thread. In the built app the worker is its own bundle,
 * out/main/worker.js beside index.js (a rollup input in electron.vite.config.ts). Under
 * vitest and tsx there is no bundle: the worker registers tsx's require hook and loads the
 * TypeScript entry (Node 20 does not apply `--import tsx` hooks to a worker's entry file).
 */
export function startWorker(data: unknown): Worker {
  const built = path.join(__dirname, 'worker.js')
  if (fs.existsSync(built)) return new Worker(built, { workerData: data })
  return startTsWorker(path.join(__dirname, 'worker.ts'), data)
}

/** A worker running a .ts file through tsx: the source tree, and test fixtures. */
export function startTsWorker(file: string, data: unknown): Worker {
  const tsx = createRequire(__filename).resolve('tsx/cjs/api')
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)})`
  return new Worker(boot, { eval: true, workerData: data })
}
