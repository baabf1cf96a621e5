import { BrowserWindow, session } from 'electron'
import path from 'node:path'
import {
  CONTENT_SECURITY_POLICY,
  allowNavigation,
  allowNewWindow,
  allowPermission,
  isAppUrl,
  kioskWebPreferences,
} from './security'

export function appOrigin(): string {
  const dev = process.env.ELECTRON_RENDERER_URL
  return dev ? new URL(dev).origin : 'file://'
}

/** Applies the rules of security.ts to the default session, once. */
export function lockDownSession(): void {
  const origin = appOrigin()
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    callback(allowPermission(permission, details.requestingUrl ?? wc.getURL(), origin, mediaTypes))
  })
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    allowPermission(
      permission,
      requestingOrigin,
      origin,
      details.mediaType ? [details.mediaType] : [],
    ),
  )
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

export function createKioskWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#0b1f33',
    title: 'Kiosk Apel Netralitas',
    webPreferences: kioskWebPreferences(path.join(__dirname, '../preload/index.js')),
  })
  win.setMenu(null)
  win.once('ready-to-show', () => win.show())
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => allowNewWindow(url))
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev && isAppUrl(dev, appOrigin())) void win.loadURL(dev)
  else void win.loadFile(path.join(__dirname, '../renderer/index.html'))
  return win
}
