import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_ENTRY,
  APP_ORIGIN,
  appResponseHeaders,
  resolveAppFile,
} from '../../src/main/window/app-url'
import { CONTENT_SECURITY_POLICY } from '../../src/main/window/security'
import { tempDir } from '../fixtures/temp-db'

const dir = tempDir('kiosk-renderer-')
const renderer = path.join(dir, 'renderer')
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const resolve = (url: string) => resolveAppFile(url, renderer)
const fileOf = (url: string) => {
  const r = resolve(url)
  return r.ok ? path.relative(renderer, r.file).split(path.sep).join('/') : r.status
}

describe('app:// URLs to files of the renderer folder', () => {
  it('serves the entry, its assets and the wasm with their types', () => {
    expect(resolve(APP_ENTRY)).toEqual({
      ok: true,
      file: path.join(renderer, 'index.html'),
      mime: 'text/html; charset=utf-8',
    })
    expect(fileOf(`${APP_ORIGIN}/`)).toBe('index.html')
    expect(fileOf(`${APP_ORIGIN}`)).toBe('index.html')
    expect(fileOf(`${APP_ORIGIN}/index.html#presenter`)).toBe('index.html')
    expect(fileOf(`${APP_ORIGIN}/assets/index-B7Q0.js?v=2`)).toBe('assets/index-B7Q0.js')
    const types = {
      'assets/a.js': 'text/javascript; charset=utf-8',
      'assets/a.css': 'text/css; charset=utf-8',
      'assets/zxing_reader-BxB2.wasm': 'application/wasm',
      'assets/logo.PNG': 'image/png',
      'assets/font.woff2': 'font/woff2',
    }
    for (const [file, mime] of Object.entries(types)) {
      expect(resolve(`${APP_ORIGIN}/${file}`)).toMatchObject({ ok: true, mime })
    }
    // A name with a space or a non-ASCII letter is still a name.
    expect(fileOf(`${APP_ORIGIN}/assets/kartu%20QR%C3%A9.png`)).toBe('assets/kartu QRé.png')
  })

  it('refuses every way out of the folder', () => {
    for (const url of [
      `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd.json`,
      `${APP_ORIGIN}/%2E%2E%2Fmain%2Findex.js`,
      `${APP_ORIGIN}/assets%2f..%2f..%2fmain/index.js`,
      `${APP_ORIGIN}/..%5c..%5cmain%5cindex.js`,
      `${APP_ORIGIN}/assets/%252e%252e/x.js`,
      `${APP_ORIGIN}//etc/passwd.json`,
      `${APP_ORIGIN}/C:/Windows/win.ini.json`,
      `${APP_ORIGIN}/C:%5CWindows%5Cwin.json`,
      `${APP_ORIGIN}/assets/x.js%00.png`,
      `${APP_ORIGIN}/assets/%E0%A4%A.js`,
      `${APP_ORIGIN}/assets\\..\\..\\main\\index.js`,
    ]) {
      expect(resolve(url), url).toEqual({ ok: false, status: 400 })
    }
    // Literal dot segments are folded by the URL parser before anything is looked up: they
    // can climb no higher than the folder itself.
    expect(fileOf(`${APP_ORIGIN}/../../main/index.js`)).toBe('main/index.js')
    expect(fileOf(`${APP_ORIGIN}/assets/../../../index.html`)).toBe('index.html')
  })

  it('serves nothing for another host or scheme, or a type the bundle does not hold', () => {
    for (const url of [
      'app://other/index.html',
      'app://kiosk.evil/index.html',
      'app://kiosk:8080/index.html',
      'file:///index.html',
      'http://kiosk/index.html',
      `${APP_ORIGIN}/assets/index.js.map`,
      `${APP_ORIGIN}/assets/secret`,
      `${APP_ORIGIN}/../main/index.ts`,
    ]) {
      expect(resolve(url), url).toEqual({ ok: false, status: 404 })
    }
    expect(resolve('not a url')).toEqual({ ok: false, status: 400 })
  })

  it('keeps every file it resolves inside the folder, whatever the path', () => {
    const alphabet = ['a', '.', '..', '%2e', '/', '\\', '%2f', 'b.js', '%00', ':', '%5c', '~']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const parts = Array.from(
        { length: 1 + (next() % 8) },
        () => alphabet[next() % alphabet.length],
      )
      const r = resolve(`${APP_ORIGIN}/${parts.join('')}.js`)
      if (r.ok) expect(r.file.startsWith(renderer + path.sep)).toBe(true)
    }
  })

  it('sends the one CSP with every response, and no type sniffing', () => {
    expect(appResponseHeaders('application/wasm')).toEqual({
      'Content-Type': 'application/wasm',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    })
  })
})
