import { execFile } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/temp-db'

const root = path.resolve(__dirname, '../..')
const script = path.join(root, 'scripts/prepare-electron.mjs')
const dist = path.join(root, 'node_modules/electron/dist')
/** The test needs a machine without Electron's binary, where `npm start` would download it. */
const electronMissing = !fs.existsSync(path.join(root, 'node_modules/electron/path.txt'))

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A mirror on 127.0.0.1 that hangs up on every request: the download fails at once, offline. */
async function refusingMirror(): Promise<string> {
  const server = net.createServer((socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => server.close())
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`
}

function run(env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [script],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (child.exitCode ?? 1) : 0, output: `${stdout}${stderr}` }),
    )
  })
}

describe('npm start without internet', () => {
  it.skipIf(!electronMissing)(
    'says in Indonesian that Electron needs internet once, exits non-zero, no stack trace, nothing left',
    async () => {
      const cache = tempDir('electron-cache-')
      cleanups.push(() => fs.rmSync(cache, { recursive: true, force: true }))
      const native = path.join(root, '.electron-native')
      const distBefore = fs.existsSync(dist)
      const nativeBefore = fs.existsSync(native)
      const started = Date.now()
      const { code, output } = await run({
        ELECTRON_MIRROR: await refusingMirror(),
        electron_config_cache: cache,
      })
      expect(Date.now() - started).toBeLessThan(30_000)
      expect(code).toBe(1)
      expect(output).toContain('Kiosk perlu internet satu kali saja untuk mengunduh Electron')
      expect(output).toContain('jalankan "npm start" lagi')
      expect(output.split('\n').filter((l) => /^\s*at /.test(l))).toEqual([])
      expect(output).not.toContain('Command failed')
      // Nothing half-downloaded stays behind.
      expect(fs.existsSync(dist)).toBe(distBefore)
      expect(fs.readdirSync(cache).filter((f) => !f.startsWith('.'))).toEqual([])
      expect(fs.existsSync(native)).toBe(nativeBefore)
    },
    60_000,
  )
})
