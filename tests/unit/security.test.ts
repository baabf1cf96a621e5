import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  allowNavigation,
  allowNewWindow,
  allowPermission,
  isAppUrl,
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
    expect(kioskWebPreferences('/app/preload.js')).toMatchObject({
      preload: '/app/preload.js',
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
})
