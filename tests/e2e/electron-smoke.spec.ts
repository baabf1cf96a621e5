import { _electron as electron, expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { demoRoster } from '../../src/main/roster/demo'
import { tempDir } from '../fixtures/temp-db'

const root = path.resolve(__dirname, '../..')
// Loaded lazily: requiring electron throws where its binary was never downloaded.
const load = createRequire(__filename)
/**
 * The installed app's executable (CI: dist/linux-unpacked/kiosk-apel-netralitas after
 * `npm run dist`); without it, the source tree under node_modules' Electron (`npm start` once).
 */
const packagedApp = process.env.KIOSK_APP_EXECUTABLE

/** Why the real app cannot start on this machine, or null when it can. */
function missing(): string | null {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'tidak ada layar (DISPLAY); di CI jalankan di bawah xvfb-run'
  if (packagedApp) {
    return fs.existsSync(packagedApp) ? null : `aplikasi terpasang tidak ada di ${packagedApp}`
  }
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
  return null
}

/** The app started the way an officer starts it: installed (kiosk mode by default) or from source with --kiosk. */
function launch(dbFile: string) {
  const db = `--db=${dbFile}`
  return packagedApp
    ? electron.launch({ executablePath: packagedApp, args: [db] })
    : electron.launch({ args: [root, db, '--kiosk'], cwd: root })
}

/** What the page's globals give these checks (the tests compile without the DOM's types). */
interface PageGlobals {
  location: { href: string }
  kiosk: { invoke(c: string, i?: unknown): Promise<{ ok: boolean; value?: unknown }> }
  require?: unknown
  process?: unknown
  fetch(url: string): Promise<{ headers: { get(name: string): string | null } }>
  WebAssembly: {
    compileStreaming(response: unknown): Promise<unknown>
    Module: { exports(module: unknown): unknown[] }
  }
}

/** A call through the preload's bridge and main's real handler table, as the screens make it. */
function invoke(page: Page, channel: string, input?: unknown) {
  return page.evaluate(
    ([c, i]) => (globalThis as unknown as PageGlobals).kiosk.invoke(c as string, i),
    [channel, input] as const,
  )
}

test('the real Electron app starts locked down, decodes with its own wasm, and records a scan on disk', async () => {
  const reason = missing()
  if (reason) console.log(`[electron-smoke] DILEWATI: ${reason}`)
  test.skip(reason !== null, reason ?? '')

  const dir = tempDir('kiosk-electron-')
  const dbFile = path.join(dir, 'kiosk.sqlite')
  const app = await launch(dbFile)
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', resolve))
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { name: 'Selamat datang' })).toBeVisible()

    // The page is served from the app's own origin, with only the bridge exposed.
    const page = await window.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      return {
        href: g.location.href,
        kiosk: Object.keys(g.kiosk).sort(),
        require: typeof g.require,
        process: typeof g.process,
      }
    })
    expect(page).toEqual({
      href: 'app://kiosk/index.html',
      kiosk: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
    })

    // Kiosk mode is on, as main and the window both say.
    const shown = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!
      return { kiosk: win.isKiosk(), fullScreen: win.isFullScreen(), menu: win.isMenuBarVisible() }
    })
    expect(shown).toEqual({ kiosk: true, fullScreen: true, menu: false })
    expect(await invoke(window, 'app.lockdown')).toMatchObject({
      ok: true,
      value: { kioskNow: true },
    })

    // The zxing decoder's wasm comes from the packaged app and compiles under the CSP.
    const wasm = fs
      .readdirSync(path.join(root, 'out/renderer/assets'))
      .find((f) => /^zxing_reader-.*\.wasm$/.test(f))
    expect(wasm).toBeDefined()
    const compiled = await window.evaluate(async (file) => {
      const g = globalThis as unknown as PageGlobals
      const response = await g.fetch(`./assets/${file}`)
      const type = response.headers.get('content-type')
      const module = await g.WebAssembly.compileStreaming(response)
      return { type, exports: g.WebAssembly.Module.exports(module).length > 0 }
    }, wasm!)
    expect(compiled).toEqual({ type: 'application/wasm', exports: true })

    // The database opened with the Electron-ABI module: a scan through the real IPC is recorded.
    expect(await invoke(window, 'app.loadDemo')).toMatchObject({ ok: true })
    const nip = demoRoster()[0]!.nip
    expect(
      await invoke(window, 'checkin.scan', { payload: nip, source: 'pemindai' }),
    ).toMatchObject({
      ok: true,
      value: { kind: 'recorded' },
    })

    // The officer's clean quit: the window closes despite kiosk mode, and the process ends.
    expect(await invoke(window, 'app.quit')).toEqual({ ok: true, value: { quitting: true } })
    expect(await exited).toBe(0)
    const db = new Database(dbFile, { readonly: true })
    try {
      expect(db.prepare('SELECT count(*) FROM checkin WHERE nip = ?').pluck().get(nip)).toBe(1)
    } finally {
      db.close()
    }
  } finally {
    // Playwright's close() asks the app to quit, which kiosk mode refuses: exit it outright.
    if (app.process().exitCode === null) {
      await app.evaluate(({ app: electronApp }) => electronApp.exit(1)).catch(() => undefined)
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
