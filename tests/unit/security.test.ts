import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  allowNavigation,
  allowNewWindow,
  allowPermission,
  isAppUrl,
  isBlockedShortcut,
  kioskWebPreferences,
} from '../../src/main/window/security'
import { APP_ENTRY, APP_ORIGIN } from '../../src/main/window/app-url'

describe('window security rules', () => {
  it('denies every navigation and every new window', () => {
    expect(allowNavigation('https://example.com')).toBe(false)
    expect(allowNavigation('file:///etc/passwd')).toBe(false)
    expect(allowNewWindow('https://example.com')).toEqual({ action: 'deny' })
  })

  it('grants the camera to the app page only, and nothing else', () => {
    const page = `${APP_ORIGIN}/index.html#presenter`
    expect(allowPermission('media', page, APP_ORIGIN, ['video'])).toBe(true)
    expect(allowPermission('media', APP_ORIGIN, APP_ORIGIN, ['video'])).toBe(true)
    expect(allowPermission('media', page, APP_ORIGIN, ['audio'])).toBe(false)
    expect(allowPermission('media', page, APP_ORIGIN, ['video', 'audio'])).toBe(false)
    expect(allowPermission('media', page, APP_ORIGIN, [])).toBe(false)
    expect(allowPermission('media', 'https://evil.example', APP_ORIGIN, ['video'])).toBe(false)
    // A local file is not the app since the app has its own origin.
    const file = 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html'
    expect(allowPermission('media', file, APP_ORIGIN, ['video'])).toBe(false)
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(allowPermission(p, page, APP_ORIGIN, ['video'])).toBe(false)
    }
  })

  it('recognises the dev server origin and nothing that merely resembles it', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url', APP_ORIGIN)).toBe(false)
  })

  it('recognises app://kiosk and nothing that merely resembles it', () => {
    expect(isAppUrl(APP_ENTRY, APP_ORIGIN)).toBe(true)
    expect(isAppUrl(`${APP_ORIGIN}/assets/x.js?v=1`, APP_ORIGIN)).toBe(true)
    for (const other of [
      'app://kiosk.evil/index.html',
      'app://other/index.html',
      'app://kiosk@evil/index.html',
      'apps://kiosk/index.html',
      'http://kiosk/index.html',
      'file:///index.html',
      'file://kiosk/index.html',
      'app:kiosk/index.html',
    ]) {
      expect(isAppUrl(other, APP_ORIGIN), other).toBe(false)
    }
  })

  it('gives the renderer an isolated, sandboxed world without Node', () => {
    expect(kioskWebPreferences('/app/preload.js', { devTools: false })).toMatchObject({
      preload: '/app/preload.js',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    })
  })

  it('keeps the CSP strict: no remote code, no eval, no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/)
  })

  it('puts the same policy in the meta tag, minus what only a header may say', () => {
    const header = CONTENT_SECURITY_POLICY.split('; ')
    expect(header).toContain("frame-ancestors 'none'")
    expect(META_CONTENT_SECURITY_POLICY.split('; ')).toEqual(
      header.filter((d) => !d.startsWith('frame-ancestors ')),
    )
  })

  it('blocks the keys that leave the kiosk screen, and lets scanner, clicker and typing through', () => {
    const k = (
      key: string,
      mods: Partial<{ control: boolean; alt: boolean; meta: boolean; shift: boolean }> = {},
    ) => isBlockedShortcut({ key, control: false, alt: false, meta: false, shift: false, ...mods })
    for (const blocked of [
      k('F4', { alt: true }),
      k('w', { control: true }),
      k('q', { control: true }),
      k('r', { control: true }),
      k('R', { control: true, shift: true }),
      k('F5'),
      k('F11'),
      k('F12'),
      k('I', { control: true, shift: true }),
      k('j', { control: true, shift: true }),
      k('=', { control: true }),
      k('-', { control: true }),
      k('0', { control: true }),
      k('n', { control: true }),
      k('p', { control: true }),
      k('ArrowLeft', { alt: true }),
      k('Alt'),
      k('q', { meta: true }),
    ]) {
      expect(blocked).toBe(true)
    }
    for (const allowed of [
      k('1'),
      k('N'),
      k('Enter'),
      k('Tab'),
      k('ArrowRight'),
      k(' '),
      k('PageDown'),
      k('PageUp'),
      k('Home'),
      k('End'),
      k('Escape'),
      k('Backspace'),
      k('v', { control: true }),
      k('c', { control: true }),
    ]) {
      expect(allowed).toBe(false)
    }
  })
})
