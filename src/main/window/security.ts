/**
 * The window's rules, as pure functions so they are tested without Electron.
 * The app's own page is the only page; nothing navigates, nothing opens, and only the
 * camera may be granted, and only to that page.
 */

/**
 * The renderer comes from app://kiosk (window/app-url.ts), or the Vite server while developing.
 * Compared by scheme and host: WHATWG URLs give a custom scheme an opaque origin ("null").
 * file:// is never the app: no page of it may use the bridge or the camera.
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const u = new URL(url)
    const origin = new URL(appOrigin)
    return u.protocol === origin.protocol && u.host === origin.host && u.host !== ''
  } catch {
    return false
  }
}

export function allowNavigation(_url: string): boolean {
  return false
}

export function allowNewWindow(_url: string): { action: 'deny' } {
  return { action: 'deny' }
}

/** Electron's permission names: `media` with mediaTypes ['video'] is the camera. */
export function allowPermission(
  permission: string,
  requestingUrl: string,
  appOrigin: string,
  mediaTypes: readonly string[] = [],
): boolean {
  if (permission !== 'media') return false
  if (!isAppUrl(requestingUrl, appOrigin)) return false
  return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video')
}

/** The renderer gets no Node, no Electron, and its own isolated world: only the preload's bridge. */
export function kioskWebPreferences(preload: string, { devTools }: { devTools: boolean }) {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const
}

export interface KeyInput {
  key: string
  control: boolean
  alt: boolean
  meta: boolean
  shift: boolean
}

/**
 * Keys that would take a kiosk out of its one screen: closing, reloading, full-screen toggle,
 * developer tools, zoom, new windows, the menu. Letters and digits (the scanner), arrows,
 * Space, PageUp/PageDown, Home/End and Esc (the ikrar clicker) pass.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key
  const command = input.control || input.meta
  if (
    [
      'F1',
      'F3',
      'F5',
      'F7',
      'F11',
      'F12',
      'BrowserBack',
      'BrowserForward',
      'BrowserRefresh',
    ].includes(key)
  )
    return true
  if (
    input.alt &&
    (key === 'F4' || key === 'Alt' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')
  )
    return true
  if (key === 'Alt') return true
  if (!command) return false
  // Copy and paste stay: the officer may paste a NIP into a search box.
  return !['c', 'v', 'x', 'a', 'z', 'y'].includes(key) || input.shift
}

/** The one CSP: sent as a header by the window, and built into index.html's meta tag. */
const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
]

/** Directives a browser ignores (with a console warning) when they come in a meta tag. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox'])

/** The header, which holds even if the meta tag were stripped. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/** The same policy minus what only a header may say; electron.vite.config.ts injects it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(
  (directive) => !HEADER_ONLY.has(directive.split(' ')[0]!),
).join('; ')
