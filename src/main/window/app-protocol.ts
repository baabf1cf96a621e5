import { protocol } from 'electron'
import fs from 'node:fs/promises'
import path from 'node:path'
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './app-url'

/** The built renderer, beside out/main (inside app.asar when installed: fs reads the archive). */
export const RENDERER_DIR = path.join(__dirname, '../renderer')

/**
 * Before the app is ready: app:// is a standard scheme (real origin, relative URLs), secure (the
 * camera needs a secure context) and may be fetched (the zxing wasm is).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/** Serves app://kiosk/… from the renderer folder, by the rules of window/app-url.ts. */
export function serveApp(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppFile(request.url, RENDERER_DIR)
    if (!found.ok) return new Response(null, { status: found.status })
    try {
      return new Response(await fs.readFile(found.file), {
        headers: appResponseHeaders(found.mime),
      })
    } catch {
      return new Response(null, { status: 404 })
    }
  })
}
