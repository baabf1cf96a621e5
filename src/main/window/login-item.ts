import { app } from 'electron'
import type { LoginItem } from './kiosk-mode'

/** Hands a start-at-login decision (window/kiosk-mode.ts) to the OS: the app's own executable starts. */
export function applyLoginItem(item: LoginItem): void {
  app.setLoginItemSettings({
    openAtLogin: item.openAtLogin,
    path: process.execPath,
    args: item.args,
  })
}
