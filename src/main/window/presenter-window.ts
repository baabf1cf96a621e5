import { BrowserWindow, screen } from 'electron'
import { PRELOAD, showAppPage } from './app-page'
import { presenterDisplay, presenterMove } from './displays'
import { kioskWebPreferences } from './security'

/** The same page as the kiosk, told by its hash to show only the reading (PresenterScreen). */
const PRESENTER_HASH = 'presenter'

function openPresenterWindow(bounds: Electron.Rectangle): BrowserWindow {
  const win = new BrowserWindow({
    ...bounds,
    show: false,
    frame: false,
    fullscreen: true,
    // Keys from the clicker stay with the kiosk window, which leads the reading.
    focusable: false,
    backgroundColor: '#000000',
    title: 'Ikrar Netralitas',
    webPreferences: kioskWebPreferences(PRELOAD, { devTools: false }),
  })
  win.setMenu(null)
  win.once('ready-to-show', () => win.showInactive())
  showAppPage(win, PRESENTER_HASH)
  return win
}

/**
 * Keeps a projector window on the display the kiosk window is not on, opening and closing it as
 * displays are plugged in and out during the ceremony. The window follows the reading held in
 * main; when it is shown the kiosk window switches to the officer's controls, told by
 * `onChange` (the windows follow the reading by events, so a display change must be one too).
 */
export function followPresenterDisplay(
  kiosk: BrowserWindow,
  onChange: () => void,
): { shown(): boolean } {
  let presenter: { win: BrowserWindow; displayId: number } | null = null

  const sync = () => {
    if (kiosk.isDestroyed()) return
    const kioskDisplay = screen.getDisplayMatching(kiosk.getBounds()).id
    const target = presenterDisplay(screen.getAllDisplays(), kioskDisplay)
    const move = presenterMove(presenter?.displayId ?? null, target?.id ?? null)
    if (move.close && presenter && !presenter.win.isDestroyed()) presenter.win.destroy()
    if (move.close) presenter = null
    if (move.open && target) {
      presenter = { win: openPresenterWindow(target.bounds), displayId: target.id }
    }
    if (move.announce) onChange()
  }

  // Each listed separately: Electron types each event's listener on its own.
  screen.on('display-added', sync)
  screen.on('display-removed', sync)
  screen.on('display-metrics-changed', sync)
  kiosk.on('moved', sync)
  kiosk.once('closed', () => {
    screen.off('display-added', sync)
    screen.off('display-removed', sync)
    screen.off('display-metrics-changed', sync)
    if (presenter && !presenter.win.isDestroyed()) presenter.win.destroy()
    presenter = null
  })
  sync()
  return { shown: () => presenter !== null && !presenter.win.isDestroyed() }
}
