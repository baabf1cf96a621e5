import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

/**
 * The app's own origin: the built renderer is served from app://kiosk/… by window/app-protocol.ts
 * (Electron's security checklist: a custom protocol instead of file://, whose pages could read any
 * file and share one origin with every other file). Deciding which file a URL means is pure, here.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'kiosk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/** What the renderer bundle holds, and nothing else is served (no source maps, no stray files). */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // WebAssembly.instantiateStreaming refuses the zxing decoder under any other type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
}

export type AppFile = { ok: true; file: string; mime: string } | { ok: false; status: 400 | 404 }

/**
 * The file under `rendererDir` that an app:// URL names, or why none: another scheme or host,
 * an encoded dot, slash or backslash (or one encoded twice), a dot segment, an empty segment
 * (`//etc`), a drive or a NUL, anything that would end outside the folder, or a type the bundle does not hold.
 * The query and the fragment (the window's view) do not choose the file.
 */
export function resolveAppFile(url: string, rendererDir: string): AppFile {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { ok: false, status: 400 }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 404 }
  }
  // Looked for in the URL as given too: the parser folds an encoded dot segment before we see it.
  const raw = parsed.pathname || '/'
  const given = url.split(/[?#]/)[0]!
  if ([given, raw].some((p) => /%2e|%2f|%5c|%00/i.test(p) || p.includes('\\'))) {
    return { ok: false, status: 400 }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return { ok: false, status: 400 }
  }
  const segments = (decoded === '/' ? '/index.html' : decoded).split('/').slice(1)
  // A '%' left after decoding was encoded twice: no file of the bundle is named so.
  const bad = (s: string) => s === '' || s === '.' || s === '..' || /[:%\0]/.test(s)
  if (segments.length === 0 || segments.some(bad)) return { ok: false, status: 400 }
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, ...segments)
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 400 }
  const mime = MIME_TYPES[path.extname(file).toLowerCase()]
  if (!mime) return { ok: false, status: 404 }
  return { ok: true, file, mime }
}

/** Every app:// response's headers: the one CSP (index.html's meta tag is built from the same directives). */
export function appResponseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  }
}
