import { BrowserWindow, session } from 'electron'
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

export interface KioskWindow {
  win: BrowserWindow
  /** Into kiosk mode or out of it; out of it, the window may be closed. */
  setKiosk(on: boolean): void
  kioskNow(): boolean
  /** Lets the next close through, kiosk mode or not: the officer's quit. */
  allowClose(): void
}

/**
 * The gate's window. In kiosk mode (decided by window/kiosk-mode.ts): full screen, no menu, no
 * devtools, no way out by keyboard, and it closes only after the officer has left kiosk mode
 * (the contract's app.leaveKiosk or app.quit, behind the PIN). Shortcuts are blocked either way.
 */
export function createKioskWindow({ kiosk }: { kiosk: boolean }): KioskWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0b1f33',
    title: 'Kiosk Apel Netralitas',
    // Chosen once: a window started locked down keeps its devtools off for the whole run.
    webPreferences: kioskWebPreferences(PRELOAD, { devTools: !kiosk }),
  })
  let locked = kiosk
  let mayClose = !kiosk
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
    setKiosk: (on) => {
      locked = on
      mayClose = !on
      win.setKiosk(on)
      win.setFullScreen(on)
    },
    kioskNow: () => locked,
    allowClose: () => {
      mayClose = true
    },
  }
}
