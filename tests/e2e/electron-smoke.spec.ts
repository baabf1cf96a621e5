import { _electron as electron, expect, test } from '@playwright/test'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { tempDir } from '../fixtures/temp-db'

const root = path.resolve(__dirname, '../..')
// Loaded lazily: requiring electron throws where its binary was never downloaded.
const load = createRequire(__filename)

/** Why the real app cannot start on this machine, or null when it can. */
function missing(): string | null {
  let binary: string
  try {
    binary = load('electron') as string
  } catch (error) {
    return `binary Electron tidak ada (${(error as Error).message.split('\n')[0]}); jalankan "npm start" sekali dengan internet`
  }
  if (!fs.existsSync(binary)) return `binary Electron tidak ada di ${binary}`
  const version = (load('electron/package.json') as { version: string }).version
  if (!fs.existsSync(path.join(root, '.electron-native', version, 'better_sqlite3.node'))) {
    return 'better-sqlite3 untuk Electron belum dibuat; jalankan "npm start" sekali'
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'tidak ada layar (DISPLAY)'
  return null
}

test('the real Electron app starts locked down and shows the first-run screen', async () => {
  const reason = missing()
  if (reason) console.log(`[electron-smoke] DILEWATI: ${reason}`)
  test.skip(reason !== null, reason ?? '')

  const dir = tempDir('kiosk-electron-')
  const app = await electron.launch({
    args: [root, `--db=${path.join(dir, 'kiosk.sqlite')}`],
    cwd: root,
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { name: 'Selamat datang' })).toBeVisible()
    const exposed = await window.evaluate(() => ({
      kiosk: Object.keys((window as unknown as { kiosk: object }).kiosk),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }))
    expect(exposed).toEqual({ kiosk: ['invoke'], require: 'undefined', process: 'undefined' })
  } finally {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
