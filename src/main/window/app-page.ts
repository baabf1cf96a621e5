import type { BrowserWindow } from 'electron'
import path from 'node:path'
import { APP_ENTRY, APP_ORIGIN } from './app-url'
import { allowNavigation, allowNewWindow, isAppUrl } from './security'

/** Where the app's page comes from: the Vite server while developing, app://kiosk otherwise. */
export function appOrigin(): string {
  const dev = process.env.ELECTRON_RENDERER_URL
  return dev ? new URL(dev).origin : APP_ORIGIN
}

export const PRELOAD = path.join(__dirname, '../preload/index.js')

/**
 * Every app window shows the app's own page (told by `hash` which view) and nothing else:
 * navigation and new windows are refused by the rules in security.ts.
 */
export function showAppPage(win: BrowserWindow, hash?: string): void {
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(({ url }) => allowNewWindow(url))
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev && isAppUrl(dev, appOrigin())) void win.loadURL(hash ? `${dev}#${hash}` : dev)
  else void win.loadURL(hash ? `${APP_ENTRY}#${hash}` : APP_ENTRY)
}
