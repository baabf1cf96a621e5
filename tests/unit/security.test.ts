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

describe('window security rules', () => {
  it('denies every navigation and every new window', () => {
    expect(allowNavigation('https://example.com')).toBe(false)
    expect(allowNavigation('file:///etc/passwd')).toBe(false)
    expect(allowNewWindow('https://example.com')).toEqual({ action: 'deny' })
  })

  it('grants the camera to the app page only, and nothing else', () => {
    const file = 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html'
    expect(allowPermission('media', file, 'file://', ['video'])).toBe(true)
    expect(allowPermission('media', file, 'file://', ['audio'])).toBe(false)
    expect(allowPermission('media', file, 'file://', ['video', 'audio'])).toBe(false)
    expect(allowPermission('media', file, 'file://', [])).toBe(false)
    expect(allowPermission('media', 'https://evil.example', 'file://', ['video'])).toBe(false)
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(allowPermission(p, file, 'file://', ['video'])).toBe(false)
    }
  })

  it('recognises the dev server origin and nothing that merely resembles it', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isAppUrl('not a url', 'file://')).toBe(false)
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
