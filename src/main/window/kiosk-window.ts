import { app, BrowserWindow, session } from 'electron'
import { appOrigin, PRELOAD, showAppPage } from './app-page'
import {
  CONTENT_SECURITY_POLICY,
  allowPermission,
  isBlockedShortcut,
  kioskWebPreferences,
} from './security'

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

/**
 * The gate's window: full screen in kiosk mode, no menu, no way out by keyboard. It closes only
 * after the officer has left kiosk mode (the contract's app.leaveKiosk, behind the PIN).
 */
export function createKioskWindow(): { win: BrowserWindow; leaveKiosk: () => void } {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    show: false,
    kiosk: app.isPackaged,
    fullscreen: app.isPackaged,
    autoHideMenuBar: true,
    backgroundColor: '#0b1f33',
    title: 'Kiosk Apel Netralitas',
    webPreferences: kioskWebPreferences(PRELOAD, {
      devTools: !app.isPackaged,
    }),
  })
  let mayClose = !app.isPackaged
  win.setMenu(null)
  win.on('close', (event) => {
    if (!mayClose) event.preventDefault()
  })
  win.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && isBlockedShortcut(input)) event.preventDefault()
  })
  win.once('ready-to-show', () => win.show())
  showAppPage(win)
  return {
    win,
    leaveKiosk: () => {
      mayClose = true
      win.setKiosk(false)
      win.setFullScreen(false)
    },
  }
}
