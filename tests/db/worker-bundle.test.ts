import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CheckThread } from '../../src/main/bundle/check-thread'
import type { WorkerMessage, WorkerStart } from '../../src/main/jobs/protocol'
import { tempDb } from '../fixtures/temp-db'

// The app runs jobs from the bundle, not from the TypeScript the other tests load: build it
// (into its own folder under out/, where node_modules still resolves) and run a job from it.
const ROOT = path.resolve(__dirname, '../..')
const OUT = path.join(ROOT, 'out', `bundle-test-${randomBytes(4).toString('hex')}`)

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      'build',
      '--outDir',
      OUT,
      '-l',
      'error',
    ],
    { cwd: ROOT, stdio: 'pipe', timeout: 120_000 },
  )
}, 130_000)
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }))

function runBuilt(start: WorkerStart): Promise<WorkerMessage[]> {
  return new Promise((resolve, reject) => {
    const seen: WorkerMessage[] = []
    const worker = new Worker(path.join(OUT, 'main', 'worker.js'), { workerData: start })
    worker.on('message', (m: WorkerMessage) => seen.push(m))
    worker.on('error', reject)
    worker.on('exit', () => resolve(seen))
  })
}

describe('the built app', () => {
  it('has the job worker and the bundle check thread beside main, and main starts them by name', () => {
    for (const entry of ['worker', 'bundle-check'])
      expect(fs.existsSync(path.join(OUT, 'main', `${entry}.js`))).toBe(true)
    const main = fs.readFileSync(path.join(OUT, 'main', 'index.js'), 'utf8')
    expect(main).toContain('"bundle-check"')
    expect(main).toContain('`${entry}.js`')
  })

  it('checks a Kirim data file in the bundle check thread, and refuses one that is not JSON', async () => {
    const t = tempDb()
    const checker = new CheckThread(
      (data, _entry, transferList) =>
        new Worker(path.join(OUT, 'main', 'bundle-check.js'), { workerData: data, transferList }),
    )
    try {
      const file = path.join(t.dir, 'rusak.kirim.json')
      fs.writeFileSync(file, 'bukan json')
      const checks = checker.check([file])
      await checks.ready()
      expect(checks.next()).toEqual({
        ok: false,
        message: 'bukan berkas Kirim data (isinya bukan JSON)',
      })
    } finally {
      checker.close()
      t.cleanup()
    }
  })

  it('runs a job from the bundle over a real kiosk database', async () => {
    const t = tempDb()
    try {
      // Closed: its last writes are in the file, not only in the WAL beside it.
      t.db.close()
      const copy = path.join(t.dir, 'salinan.sqlite')
      const seen = await runBuilt({
        task: 'restore-check',
        input: { source: t.file, copy, label: 'kiosk.sqlite' },
        dbPath: t.file,
      })
      expect(seen).toEqual([
        {
          type: 'progress',
          done: 0,
          total: null,
          label: 'Menyalin dan memeriksa cadangan kiosk.sqlite',
        },
        { type: 'done', value: null },
      ])
      expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(t.file))
    } finally {
      t.cleanup()
    }
  })
})
